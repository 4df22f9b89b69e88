import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { OrganizationProfile, OrganizationQualification } from '@scenebridge/contract/organizations';
import { QUALIFICATION_LABELS } from '@scenebridge/contract/organizations/labels';
import { QUALIFICATION_CODES, type QualificationCode } from '@scenebridge/domain/eligibility';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable } from '../../shared/components/DataTable';
import { errorMessage } from '../../shared/http';
import { fmtDate } from '../../shared/time';
import { organizationsApi, organizationsKeys } from './api';

interface Props {
  organizationId: string;
}

/** Common sources of a 失信 listing, offered as suggestions; any other may be typed. */
const DISHONESTY_SOURCES = [
  '信用中国',
  '全国法院失信被执行人名单',
  '中国政府采购网严重违法失信行为记录名单',
  '国家企业信用信息公示系统严重违法失信名单',
];

/**
 * The organisation's qualifications (资质) and 失信 flag, which challenge eligibility reads. The
 * operator adds and removes qualifications and sets or clears the flag (with source and reason);
 * the organisation sees the same, read-only.
 */
export function ProfilePanel({ organizationId }: Props) {
  const profile = useQuery({
    queryKey: organizationsKeys.profile(organizationId),
    queryFn: () => organizationsApi.profile(organizationId),
  });
  if (profile.isLoading) return <Typography.Text type="secondary">资质信息加载中…</Typography.Text>;
  if (profile.error || !profile.data)
    return <Typography.Text type="danger">资质信息加载失败：{errorMessage(profile.error)}</Typography.Text>;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="org-profile">
      <Qualifications organizationId={organizationId} profile={profile.data} />
      <Dishonesty organizationId={organizationId} profile={profile.data} />
    </Space>
  );
}

function Qualifications({ organizationId, profile }: { organizationId: string; profile: OrganizationProfile }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ code: QualificationCode; certificateNo?: string; validUntil?: Dayjs | null }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: organizationsKeys.profile(organizationId) });
  const held = new Set(profile.qualifications.map((q) => q.code));

  const add = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await organizationsApi.addQualification(organizationId, {
        code: v.code,
        ...(v.certificateNo?.trim() ? { certificateNo: v.certificateNo.trim() } : {}),
        ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
      });
      void message.success(`已登记资质：${QUALIFICATION_LABELS[v.code]}`);
      form.resetFields();
      setAdding(false);
      await refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const remove = async (q: OrganizationQualification) => {
    try {
      await organizationsApi.removeQualification(organizationId, q.id);
      void message.success(`已删除资质：${q.label}`);
      await refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<OrganizationQualification> = [
    { title: '资质', dataIndex: 'label' },
    { title: '证书编号', dataIndex: 'certificateNo', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '有效期至', dataIndex: 'validUntil', width: 120, render: (v: string | null) => v ?? '长期有效' },
    {
      title: '状态',
      dataIndex: 'valid',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">有效</Tag> : <Tag color="red">已过期</Tag>),
    },
    ...(profile.canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_v: unknown, q: OrganizationQualification) => (
              <Popconfirm
                title={`删除资质「${q.label}」？`}
                description="删除后不再计入揭榜资格审查，审计日志保留记录。"
                onConfirm={() => remove(q)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除${q.label}`}
                  data-testid={`qualification-remove-${q.code}`}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text strong>机构资质</Typography.Text>
        {profile.canEdit && !adding && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="qualification-add">
            登记资质
          </Button>
        )}
      </Space>
      {/* The shared table: on a phone it scrolls inside its box with a hint, and its empty text is readable. */}
      <DataTable<OrganizationQualification>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={profile.qualifications}
        empty={
          <Typography.Text type="secondary">
            {profile.canEdit ? '尚未登记资质' : '运营方尚未登记本机构的资质；如需登记，请联系运营方并提供证书。'}
          </Typography.Text>
        }
        data-testid="qualification-list"
        scroll={{ x: 520 }}
      />
      {adding && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }} data-testid="qualification-form">
          <Form.Item name="code" label="资质类型" rules={[{ required: true, message: '请选择资质类型' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="请选择"
              options={QUALIFICATION_CODES.map((c) => ({ value: c, label: QUALIFICATION_LABELS[c], disabled: held.has(c) }))}
              data-testid="qualification-code"
            />
          </Form.Item>
          <Form.Item name="certificateNo" label="证书编号（选填）" rules={[{ max: 100, message: '证书编号不能超过100个字' }]}>
            <Input maxLength={100} data-testid="qualification-certificate" />
          </Form.Item>
          <Form.Item name="validUntil" label="有效期至（选填，不填为长期有效；过期后不再计入资格审查）">
            <DatePicker style={{ width: '100%' }} data-testid="qualification-valid-until" />
          </Form.Item>
          <Space>
            <Button type="primary" loading={saving} onClick={() => void add()} data-testid="qualification-save">
              保存
            </Button>
            <Button onClick={() => setAdding(false)}>取消</Button>
          </Space>
        </Form>
      )}
    </div>
  );
}

function Dishonesty({ organizationId, profile }: { organizationId: string; profile: OrganizationProfile }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ source: string; listedOn?: Dayjs | null; reason: string }>();
  const flag = profile.dishonesty;
  const flagged = !!flag?.flagged;

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await organizationsApi.setDishonesty(organizationId, {
        flagged: !flagged,
        source: v.source.trim(),
        reason: v.reason.trim(),
        ...(v.listedOn ? { listedOn: v.listedOn.format('YYYY-MM-DD') } : {}),
      });
      void message.success(flagged ? '已解除失信标记' : '已标记为失信主体');
      setOpen(false);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: organizationsKeys.profile(organizationId) });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="dishonesty-panel">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>失信记录</Typography.Text>
        {flagged ? <Tag color="red">失信主体</Tag> : <Tag color="green">无失信记录</Tag>}
        {profile.canEdit && (
          <Switch
            checked={flagged}
            checkedChildren="失信"
            unCheckedChildren="正常"
            onChange={() => setOpen(true)}
            aria-label={flagged ? '解除失信标记' : '标记为失信'}
            data-testid="dishonesty-switch"
          />
        )}
      </Space>
      {flag && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={flagged ? '来源' : '最近一次解除依据'}>{flag.source}</Descriptions.Item>
          {flag.listedOn && <Descriptions.Item label={flagged ? '列入日期' : '解除日期'}>{flag.listedOn}</Descriptions.Item>}
          <Descriptions.Item label="原因">{flag.reason}</Descriptions.Item>
          <Descriptions.Item label="更新时间">{fmtDate(flag.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      {flagged && !profile.canEdit && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title="本机构被标记为失信主体，要求无失信记录的揭榜任务将不能申报。如已完成信用修复，请联系运营方并提供修复证明。"
        />
      )}
      <Modal
        open={open}
        title={flagged ? '解除失信标记' : '标记为失信主体'}
        okText="确定"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" data-testid="dishonesty-form">
          <Form.Item
            name="source"
            label={flagged ? '解除依据（如信用修复公告）' : '来源'}
            rules={[
              { required: true, whitespace: true, message: '请填写来源' },
              { min: 2, max: 200, message: '来源应为2–200个字' },
            ]}
          >
            <AutoComplete
              placeholder="选择或输入"
              options={DISHONESTY_SOURCES.map((v) => ({ value: v }))}
              filterOption={(input, option) => (option?.value ?? '').includes(input)}
              data-testid="dishonesty-source"
            />
          </Form.Item>
          <Form.Item name="listedOn" label={flagged ? '解除日期（选填）' : '列入日期（选填）'}>
            <DatePicker style={{ width: '100%' }} data-testid="dishonesty-listed-on" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="原因"
            rules={[
              { required: true, whitespace: true, message: '请填写原因' },
              { min: 4, max: 1000, message: '原因应为4–1000个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="dishonesty-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
