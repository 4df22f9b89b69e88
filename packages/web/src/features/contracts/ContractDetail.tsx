import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Steps, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import { attachmentHref, contractsApi, contractsKeys, type ContractDetail as Contract, type ContractVersionRef } from './api';
import { ContractActions } from './ContractActions';
import { ContractStatus, DueDate } from './ContractStatus';
import { formatYuan } from './money';
import { contractStep } from './steps';
import { fmtSize } from './pdf-check';
import {
  CONTRACT_KIND_LABELS,
  CONTRACT_ORIGIN_LABEL,
  CONTRACT_STATE_LABELS,
  CONTRACT_STEPS,
  carriesEconomics,
  contractTypeLabel,
  natureLabel,
  paymentMethodLabel,
} from './vocab';

function RegistrationSteps({ c }: { c: Contract }) {
  const { current, error, stoppedAs } = contractStep(c.status);
  const done = c.status === 'registered';
  return (
    <Steps
      size="small"
      current={current}
      status={error ? 'error' : done ? 'finish' : 'process'}
      items={CONTRACT_STEPS.map((s, i) => ({
        title: i === current && stoppedAs ? stoppedAs : CONTRACT_STATE_LABELS[s],
        // Times only up to where it stands: a returned registration keeps its old acceptedAt.
        description:
          i > current
            ? undefined
            : s === 'submitted' && c.submittedAt
              ? fmtTime(c.submittedAt)
              : s === 'accepted' && c.acceptedAt
                ? fmtTime(c.acceptedAt)
                : s === 'registered' && c.registeredAt
                  ? fmtTime(c.registeredAt)
                  : undefined,
      }))}
      data-testid="contract-steps"
    />
  );
}

/** 技术合同登记 detail: every field, where it stands, its statutory last day, its versions, the PDF, and the caller's actions. */
export default function ContractDetail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const meta = useMeta();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const q = useQuery({ queryKey: contractsKeys.detail(id), queryFn: () => contractsApi.get(id) });
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;

  const onRun = async (action: string, reason?: string) => {
    const next = await contractsApi.transition(c.id, action, reason);
    qc.setQueryData(contractsKeys.detail(c.id), next);
    void qc.invalidateQueries({ queryKey: contractsKeys.all });
  };
  const currentVersion = c.versions.find((v) => v.current);
  const pending = c.status === 'submitted' || c.status === 'accepted';

  return (
    <div>
      <PageHeader
        title={c.projectName}
        sub={
          <Space wrap size={4}>
            <ContractStatus status={c.status} />
            {c.kind !== 'original' && <Tag color="purple">{CONTRACT_KIND_LABELS[c.kind]}</Tag>}
            {c.current && <Tag color="green">现行版本</Tag>}
            {c.supersededAt && <Tag>已被取代</Tag>}
            <span>第 {c.versionNo} 版</span>
            {c.registrationNo && (
              <span>
                登记编号{' '}
                <Typography.Text copyable data-testid="contract-registration-no">
                  {c.registrationNo}
                </Typography.Text>
              </span>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {c.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/contracts/${c.id}/edit`)} data-testid="contract-action-edit">
                {c.status === 'returned' ? '补正' : '编辑'}
              </Button>
            )}
            <ContractActions actions={c.allowedActions} onRun={onRun} />
            {c.canChange && (
              <Button onClick={() => void navigate(`/contracts/${c.id}/change`)} data-testid="contract-action-change">
                申请变更
              </Button>
            )}
            {c.canCancel && (
              <Button danger onClick={() => setCancelling(true)} data-testid="contract-action-cancellation">
                申请注销
              </Button>
            )}
          </Space>
        }
      />
      {c.status === 'returned' && c.statusReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记机构退回补正"
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.statusReason}</div>
              {c.canEdit && <div style={{ marginTop: 8 }}>补正后重新提交，法定时限自重新提交之日起重新计算。</div>}
            </>
          }
          data-testid="contract-reason"
        />
      )}
      {c.status === 'refused' && c.statusReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="不予登记"
          description={c.statusReason}
          data-testid="contract-reason"
        />
      )}
      {c.kind === 'cancellation' && c.versionNote && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="注销原因" description={c.versionNote} data-testid="version-note" />
      )}
      {c.status === 'draft' && !c.allowedActions.includes('submit') && c.attachments.length === 0 && c.canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="提交登记前请上传双方签章的合同文本（PDF）"
          action={
            <Button size="small" onClick={() => void navigate(`/contracts/${c.id}/edit`)}>
              去上传
            </Button>
          }
        />
      )}
      {c.supersededAt && currentVersion && currentVersion.id !== c.id && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该版本已于 ${fmtTime(c.supersededAt)} 被${CONTRACT_KIND_LABELS[currentVersion.kind]}取代`}
          description={<Link to={`/contracts/${currentVersion.id}`}>查看现行版本（第 {currentVersion.versionNo} 版）</Link>}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <RegistrationSteps c={c} />
        {pending && c.deadline && (
          <div style={{ marginTop: 16 }} data-testid="contract-deadline">
            <Typography.Text strong>法定办结期限：</Typography.Text>
            <DueDate deadline={c.deadline} />
          </div>
        )}
      </Card>
      <Card title="合同信息" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[
            { key: 'type', label: '合同类型', children: contractTypeLabel(c.contractType) },
            { key: 'signed', label: '签订日期', children: c.signedOn },
            { key: 'validity', label: '有效期', children: `${c.validFrom} 至 ${c.validUntil}` },
            { key: 'payment', label: '支付方式', children: paymentMethodLabel(c.paymentMethod) },
            { key: 'field', label: '技术领域', children: c.technologyField ? meta.techField(c.technologyField) : '—' },
            { key: 'origin', label: '来源', children: CONTRACT_ORIGIN_LABEL(c.origin) },
            ...(c.dealId ? [{ key: 'deal', label: '关联对接项目', children: <Link to={`/deals/${c.dealId}`}>查看对接项目</Link> }] : []),
            ...(c.registeredAt ? [{ key: 'registered', label: '登记时间', children: fmtTime(c.registeredAt) }] : []),
            ...(c.decidedByName ? [{ key: 'by', label: '经办登记员', children: c.decidedByName }] : []),
            { key: 'seller-org', label: '登记单位', children: c.sellerOrganizationName },
          ]}
        />
      </Card>
      <Card title="金额" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[
            {
              key: 'contract',
              label: '合同成交额',
              children: <span data-testid="contract-amount">{formatYuan(c.contractAmountFen)}</span>,
            },
            {
              key: 'technology',
              label: '技术交易额',
              children: <span data-testid="contract-technology-amount">{formatYuan(c.technologyAmountFen)}</span>,
            },
            ...(carriesEconomics(c.contractType)
              ? [
                  { key: 'investment', label: '预计新增投资', children: formatYuan(c.expectedInvestmentFen) },
                  { key: 'output', label: '预计新增产值', children: formatYuan(c.expectedOutputFen) },
                ]
              : []),
          ]}
        />
      </Card>
      {(['seller', 'buyer'] as const).map((side) => {
        const p = c[side];
        return (
          <Card key={side} title={side === 'seller' ? '卖方（技术提供方）' : '买方（技术受让方、委托方）'} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, sm: 1, md: 2 }}
              size="small"
              items={[
                { key: 'name', label: '名称', children: p.name },
                { key: 'code', label: '统一社会信用代码', children: p.creditCode || '—' },
                { key: 'region', label: '所在地区', children: `${p.regionName}（${p.regionCode}）` },
                { key: 'nature', label: '法人性质', children: natureLabel(p.natureCode) },
              ]}
            />
          </Card>
        );
      })}
      <Card title="涉及专利" style={{ marginBottom: 16 }}>
        {c.patents.length === 0 ? (
          <Typography.Text type="secondary">不涉及专利</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={c.patents}
            renderItem={(p) => (
              <List.Item>
                <Typography.Text code>{p.display}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="合同文本" style={{ marginBottom: 16 }}>
        {c.attachments.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={c.origin === 'import' ? '历史导入的登记，合同文本留存于原登记机构' : '尚未上传合同文本'}
          />
        ) : (
          <List
            size="small"
            dataSource={c.attachments}
            renderItem={(a) => (
              <List.Item>
                <a href={attachmentHref(c.id, a)} target="_blank" rel="noopener noreferrer" data-testid="contract-pdf">
                  <FilePdfOutlined /> {a.filename}
                </a>
                <Typography.Text type="secondary">
                  {fmtSize(a.size)} · {fmtTime(a.createdAt)}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="登记版本" data-testid="contract-versions">
        <Typography.Paragraph type="secondary">变更、注销登记是新的版本，已登记的版本从不原地修改；统计只计现行版本。</Typography.Paragraph>
        <Table<ContractVersionRef>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={c.versions}
          onRow={(v) => rowTestId(`contract-version-${v.versionNo}`)}
          columns={versionColumns(c.id)}
        />
      </Card>
      {cancelling && (
        <ReasonModal
          open
          title="申请注销登记"
          label="注销原因"
          okText="创建注销申请"
          description="将创建一个注销登记的草稿版本；上传双方解除合同的协议并提交，经登记机构登记后原登记失效，不再计入统计。"
          onCancel={() => setCancelling(false)}
          onSubmit={async (reason) => {
            const draft = await contractsApi.cancellation(c.id, reason);
            setCancelling(false);
            void qc.invalidateQueries({ queryKey: contractsKeys.all });
            void message.success('已创建注销登记草稿，请上传协议后提交');
            void navigate(`/contracts/${draft.id}`);
          }}
        />
      )}
    </div>
  );
}

function versionColumns(viewing: string): ColumnsType<ContractVersionRef> {
  return [
    {
      title: '版本',
      dataIndex: 'versionNo',
      width: 80,
      render: (n: number, v) => (v.id === viewing ? <strong>第 {n} 版</strong> : <Link to={`/contracts/${v.id}`}>第 {n} 版</Link>),
    },
    { title: '类别', dataIndex: 'kind', width: 100, render: (k: string) => CONTRACT_KIND_LABELS[k] ?? k },
    { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <ContractStatus status={s} /> },
    { title: '登记编号', dataIndex: 'registrationNo', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '登记时间', dataIndex: 'registeredAt', width: 150, render: (v: string | null) => fmtTime(v) },
    {
      title: '说明',
      key: 'current',
      render: (_x, v) => (v.current ? <Tag color="green">现行版本</Tag> : v.supersededAt ? `于 ${fmtTime(v.supersededAt)} 被取代` : '—'),
    },
  ];
}
