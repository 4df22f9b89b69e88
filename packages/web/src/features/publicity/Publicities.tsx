import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import type { CallPage } from '@scenebridge/contract/calls';
import { PUBLICITY_STATUS_LABELS } from '@scenebridge/contract/publicity/labels';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAccess, useUser } from '../auth/auth';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage, get } from '../../shared/http';
import { useSearchState } from '../../shared/hooks';
import { fmtTime } from '../../shared/time';
import { publicityApi, publicityKeys, type Publicity } from './api';
import { PublicityStatus, windowText } from './PublicityStatus';

/** 公示: every started publicity; the operator also drafts, and starts a 公示 of a call's selected items here. */
export default function Publicities() {
  const user = useUser();
  const access = useAccess();
  const op = user.isOperator;
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { status: status || undefined, page, pageSize };
  const list = useQuery({
    queryKey: publicityKeys.list(query),
    queryFn: () => publicityApi.list(query),
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Publicity> = [
    {
      title: '公示名称',
      dataIndex: 'title',
      minWidth: 240,
      render: (v: string, r) => (
        <Link to={`/publicity/${r.id}`} style={{ fontWeight: 600 }} data-testid="publicity-detail-link">
          {v}
        </Link>
      ),
    },
    { title: '公示期', key: 'window', width: 300, render: (_, r) => windowText(r, (iso) => fmtTime(iso)) },
    {
      title: '剩余',
      dataIndex: 'workingDaysLeft',
      width: 130,
      render: (v: number | null, r) => (r.status === 'running' && v !== null ? `还有 ${v} 个工作日` : '—'),
    },
    { title: '条目', key: 'items', width: 80, align: 'right', render: (_, r) => r.items.length },
    {
      title: '异议',
      key: 'objections',
      width: 150,
      render: (_, r) => {
        const n = r.objections.pending + r.objections.dismissed + r.objections.upheld;
        return n === 0 ? '无' : `${n} 件（待处理 ${r.objections.pending}）`;
      },
    },
    { title: '状态', dataIndex: 'status', width: 150, render: (v: string) => <PublicityStatus status={v} /> },
  ];

  return (
    <div>
      <PageHeader
        title="公示"
        sub={
          op
            ? '评审结果在发文公布前公示（默认 5 个工作日，按工作日历计算）；公示结束且无待处理异议后方可发布批次。'
            : '正在公示与已结束的公示。对公示条目有异议的，可在公示期内提出，异议提出人信息仅运营方可见。'
        }
        extra={
          <Space wrap>
            {access.isOrgUser && (
              <Button onClick={() => navigate('/publicity/objections')} data-testid="my-objections">
                本单位的异议
              </Button>
            )}
            {op && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="publicity-create">
                发起评审结果公示
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="状态"
          style={{ width: 200 }}
          value={status}
          onChange={(v) => update({ status: v || undefined, page: undefined })}
          options={[
            { value: '', label: '全部状态' },
            ...Object.entries(PUBLICITY_STATUS_LABELS)
              .filter(([k]) => op || !['draft', 'cancelled'].includes(k))
              .map(([value, label]) => ({ value, label })),
          ]}
        />
      </Space>
      <DataTable<Publicity>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty="暂无公示"
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
      />
      {op && <CreatePublicityModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/publicity/${id}`)} />}
    </div>
  );
}

/** The operator picks a call in review; its selected items are publicised (a draft, started on its page). */
function CreatePublicityModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<{ subjectId: string; title?: string; workingDays: number }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const calls = useQuery({
    queryKey: ['calls', 'list', { status: 'reviewing', pageSize: 100 }],
    queryFn: () => get<CallPage>('/calls', { status: 'reviewing', pageSize: 100 }),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: (v: { subjectId: string; title?: string; workingDays: number }) =>
      publicityApi.create({
        subjectKind: 'call_selection',
        subjectId: v.subjectId,
        workingDays: v.workingDays,
        title: v.title?.trim() || undefined,
      }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: publicityKeys.all });
      void message.success('已创建公示（待开始），请核对条目后开始公示');
      form.resetFields();
      onCreated(p.id);
    },
  });
  return (
    <Modal
      open={open}
      title="发起评审结果公示"
      okText="创建"
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        公示该征集当前全部“已入选”的项目。公示开始后按工作日历计算截止时间（节假日不计，调休上班日计入），公示结束且无待处理异议后方可发布批次。
      </Typography.Paragraph>
      {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ workingDays: 5 }}>
        <Form.Item name="subjectId" label="征集（评审中）" rules={[{ required: true, message: '请选择征集' }]}>
          <Select
            data-testid="publicity-call"
            loading={calls.isLoading}
            options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            placeholder="选择评审中的征集"
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="公示标题（可选，默认为“征集名称+评审结果公示”）"
          rules={[{ max: 200, message: '公示标题不能超过200个字' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label="公示期（工作日）"
          rules={[
            { required: true, message: '请填写公示期' },
            { type: 'integer', min: 1, max: 30, message: '公示期应为 1–30 个工作日' },
          ]}
        >
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
