import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { publicityLifecycle } from '@scenebridge/contract/publicity/lifecycle';
import { PUBLICITY_SUBJECT_LABELS } from '@scenebridge/contract/publicity/labels';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAccess, useUser } from '../auth/auth';
import { ActionButtons } from '../../shared/components/ActionButtons';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadError } from '../../shared/components/LoadError';
import { FullPageSpin } from '../../app/RequireAuth';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { publicityApi, publicityKeys, type Objection, type ObjectionInput, type Publicity } from './api';
import { ObjectionStatus, PublicityStatus, windowText } from './PublicityStatus';

/** One 公示: its window and items; the operator starts it and decides objections; an organisation objects during the window. */
export default function PublicityDetail() {
  const { id = '' } = useParams();
  const user = useUser();
  const access = useAccess();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const detail = useQuery({ queryKey: publicityKeys.detail(id), queryFn: () => publicityApi.get(id) });
  const canSeeObjections = user.isOperator || access.isOrgUser;
  const objections = useQuery({
    queryKey: publicityKeys.objections(id),
    queryFn: () => publicityApi.objections(id),
    enabled: canSeeObjections && !!detail.data,
  });
  const [lodging, setLodging] = useState(false);
  const [deciding, setDeciding] = useState<Objection | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: publicityKeys.all });

  if (detail.isLoading) return <FullPageSpin />;
  if (!detail.data) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const p = detail.data;
  const items = p.items;

  const itemColumns: ColumnsType<Publicity['items'][number]> = [
    { title: '序号', dataIndex: 'seq', width: 70 },
    // A challenge's proposed winner is named by its organisations; the lead is its 单位.
    { title: p.subjectKind === 'challenge_award' ? '拟中榜单位' : '名称', dataIndex: 'name', minWidth: 220 },
    { title: p.subjectKind === 'challenge_award' ? '牵头单位' : '单位', dataIndex: 'organizationName', width: 220 },
    {
      title: '异议',
      key: 'objections',
      width: 220,
      render: (_, i) => {
        const n = i.objections.pending + i.objections.dismissed + i.objections.upheld;
        return n === 0 ? '无' : `${n} 件（待处理 ${i.objections.pending}，不成立 ${i.objections.dismissed}，成立 ${i.objections.upheld}）`;
      },
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 220,
      render: (v: string, i) =>
        v === 'revoked' ? <Typography.Text type="danger">已撤销（异议成立：{i.revokedReason}）</Typography.Text> : '有效',
    },
  ];

  const objectionColumns: ColumnsType<Objection> = [
    { title: '提出时间', dataIndex: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
    { title: '异议条目', dataIndex: 'itemName', width: 180 },
    ...(user.isOperator
      ? [{ title: '提出单位', key: 'who', width: 180, render: (_: unknown, o: Objection) => `${o.organizationName}（${o.lodgedByName}）` }]
      : []),
    {
      title: '理由与证据',
      key: 'reasons',
      minWidth: 260,
      render: (_, o) => (
        <Space direction="vertical" size={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.reasons}</Typography.Paragraph>
          {o.evidence.map((e) => (
            <a key={e.url} href={e.url} target="_blank" rel="noopener noreferrer nofollow">
              {e.title}
            </a>
          ))}
          <Typography.Text type="secondary">联系方式：{o.contact}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '处理',
      key: 'status',
      width: 220,
      render: (_, o) => (
        <Space direction="vertical" size={2}>
          <ObjectionStatus status={o.status} />
          {o.decisionReason && <Typography.Text type="secondary">理由：{o.decisionReason}</Typography.Text>}
          {user.isOperator && o.status === 'pending' && (
            <Button size="small" type="primary" onClick={() => setDeciding(o)} data-testid={`objection-decide-${o.id}`}>
              处理异议
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={p.title}
        sub={<Link to="/publicity">返回公示列表</Link>}
        extra={
          <Space wrap>
            {p.canObject && (
              <Button type="primary" onClick={() => setLodging(true)} data-testid="objection-lodge">
                提出异议
              </Button>
            )}
            <ActionButtons
              actions={p.allowedActions}
              lifecycle={publicityLifecycle}
              testIdPrefix="publicity"
              labels={{ start: '开始公示', cancel: '取消公示' }}
              reasonLabels={{ cancel: '取消原因' }}
              confirmTexts={{ start: `开始后按工作日历计算 ${p.workingDays} 个工作日的公示期，期间任何已审核机构可提出异议。确定开始？` }}
              onRun={async (action, reason) => {
                await publicityApi.transition(p.id, action, reason);
                await refresh();
                void message.success(action === 'start' ? '公示已开始' : '已取消');
              }}
            />
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="状态">
            <PublicityStatus status={p.status} />
          </Descriptions.Item>
          <Descriptions.Item label="事项">
            {PUBLICITY_SUBJECT_LABELS[p.subjectKind] ?? p.subjectKind}
            {p.subjectKind === 'challenge_award' && (
              <>
                {'（'}
                <Link to={`/challenges/${p.subjectId}`}>查看榜单</Link>
                {'）'}
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="公示期">{windowText(p, (iso) => fmtTime(iso))}</Descriptions.Item>
          <Descriptions.Item label="剩余">
            {p.status === 'running' && p.workingDaysLeft !== null ? `距公示结束还有 ${p.workingDaysLeft} 个工作日` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="异议">
            {`共 ${p.objections.pending + p.objections.dismissed + p.objections.upheld} 件：待处理 ${p.objections.pending}，不成立 ${p.objections.dismissed}，成立 ${p.objections.upheld}`}
          </Descriptions.Item>
          {p.statusReason && <Descriptions.Item label="取消原因">{p.statusReason}</Descriptions.Item>}
        </Descriptions>
        {p.status === 'ended' && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title="公示期已满，尚有异议待处理；全部处理后公示结果自动生效。" />
        )}
        {p.status === 'final' && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            title={
              p.subjectKind === 'challenge_award'
                ? '公示结束：有效条目即为中榜单位，已自动确定中榜并生成任务书（全部被撤销时榜单退回评审）。'
                : '公示结束：有效条目即为最终名单，可发文公布。'
            }
          />
        )}
        {p.status === 'running' && !user.isOperator && !access.isOrgUser && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title="只有已审核机构的用户可以提出异议。" />
        )}
      </Card>
      <Card title={`公示条目（${items.length}）`} style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" columns={itemColumns} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>
      {canSeeObjections && (
        <Card
          title={user.isOperator ? '异议（提出单位仅运营方可见）' : '本单位提出的异议'}
          extra={user.isOperator && <ExportButton path={`/publicities/${p.id}/objections/export.xlsx`} testId="objections-export" />}
        >
          <Table
            rowKey="id"
            size="small"
            columns={objectionColumns}
            dataSource={objections.data?.items}
            loading={objections.isFetching}
            pagination={false}
            locale={{ emptyText: '暂无异议' }}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
      <LodgeModal
        open={lodging}
        publicity={p}
        onClose={() => setLodging(false)}
        onDone={async () => {
          setLodging(false);
          await refresh();
          void message.success('异议已提交，运营方处理后会通知您');
        }}
      />
      <DecideModal
        objection={deciding}
        onClose={() => setDeciding(null)}
        onDone={async () => {
          setDeciding(null);
          await refresh();
          void message.success('异议已处理');
        }}
      />
    </div>
  );
}

function LodgeModal({
  open,
  publicity,
  onClose,
  onDone,
}: {
  open: boolean;
  publicity: Publicity;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [form] = Form.useForm<ObjectionInput>();
  const lodge = useMutation({
    mutationFn: (v: ObjectionInput) => publicityApi.lodge(publicity.id, { ...v, evidence: v.evidence ?? [] }),
    onSuccess: onDone,
  });
  return (
    <Modal
      open={open}
      title="提出异议"
      okText="提交异议"
      onCancel={onClose}
      confirmLoading={lodge.isPending}
      onOk={() => void form.validateFields().then((v) => lodge.mutate(v))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        请写明异议条目、理由和证据，并留下联系方式。异议提出人信息仅运营方可见；公示期截止（{publicity.lastDay} 24:00）后不再受理。
      </Typography.Paragraph>
      {lodge.error && <Alert type="error" showIcon title={errorMessage(lodge.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ evidence: [] }}>
        <Form.Item name="itemId" label="异议条目" rules={[{ required: true, message: '请选择提出异议的条目' }]}>
          <Select
            data-testid="objection-item"
            options={publicity.items
              .filter((i) => i.status === 'listed')
              .map((i) => ({ value: i.id, label: `${i.seq}. ${i.name}（${i.organizationName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="reasons"
          label="异议理由"
          rules={[
            { required: true, message: '请填写异议理由' },
            { min: 10, message: '异议理由至少10个字' },
            { max: 5000, message: '异议理由不能超过5000个字' },
          ]}
        >
          <Input.TextArea rows={5} data-testid="objection-reasons" />
        </Form.Item>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <Form.Item label="证据链接（可选，最多10条；暂不支持上传文件）">
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写证据名称' }]}>
                    <Input placeholder="证据名称" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'url']}
                    rules={[
                      { required: true, message: '请填写证据链接' },
                      { pattern: /^https?:\/\/\S+$/i, message: '证据链接应以 http:// 或 https:// 开头' },
                    ]}
                  >
                    <Input placeholder="https://" style={{ width: 260 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除证据" onClick={() => remove(f.name)} />
                </Space>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', url: '' })}>
                  添加证据链接
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="contact"
          label="联系方式"
          rules={[
            { required: true, message: '请填写联系方式' },
            { min: 2, message: '联系方式至少2个字' },
            { max: 200, message: '联系方式不能超过200个字' },
          ]}
        >
          <Input placeholder="联系人及电话或邮箱" data-testid="objection-contact" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ objection, onClose, onDone }: { objection: Objection | null; onClose: () => void; onDone: () => Promise<void> }) {
  const [form] = Form.useForm<{ action: 'dismiss' | 'uphold'; reason: string }>();
  const decide = useMutation({
    mutationFn: (v: { action: 'dismiss' | 'uphold'; reason: string }) => publicityApi.decide(objection!.id, v.action, v.reason.trim()),
    onSuccess: onDone,
  });
  return (
    <Modal
      open={!!objection}
      title="处理异议"
      okText="确定"
      onCancel={onClose}
      confirmLoading={decide.isPending}
      onOk={() => void form.validateFields().then((v) => decide.mutate(v))}
      destroyOnHidden
    >
      {objection && (
        <Typography.Paragraph>
          针对「{objection.itemName}」，{objection.organizationName} 提出：{objection.reasons}
        </Typography.Paragraph>
      )}
      {decide.error && <Alert type="error" showIcon title={errorMessage(decide.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ action: 'dismiss' }}>
        <Form.Item name="action" label="处理结果" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'dismiss', label: '异议不成立（驳回）' },
              { value: 'uphold', label: '异议成立（撤销该条目）' },
            ]}
            data-testid="objection-action"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="处理理由（将告知提出单位和条目所属单位）"
          rules={[
            { required: true, whitespace: true, message: '请填写处理理由' },
            { max: 2000, message: '处理理由不能超过2000个字' },
          ]}
        >
          <Input.TextArea rows={4} data-testid="objection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
