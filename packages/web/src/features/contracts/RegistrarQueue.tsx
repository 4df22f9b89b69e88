import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Empty, Input, Select, Space, Statistic, Card, Row, Col } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { useIsPhone } from '../../shared/responsive';
import { fmtTime } from '../../shared/time';
import { contractsApi, contractsKeys, QUEUE_EXPORT_PATH, type ContractSummary } from './api';
import { ContractActions } from './ContractActions';
import { ContractStatus, DueDate } from './ContractStatus';
import { formatYuan } from './money';
import { CONTRACT_KIND_LABELS, CONTRACT_STATE_LABELS, contractTypeLabel } from './vocab';

/**
 * 技术合同登记 for registrars and operators: submitted and accepted registrations, soonest
 * statutory last day first; due-soon and overdue rows stand out, and each row carries 受理 /
 * 登记 / 退回补正 / 不予登记.
 */
export default function RegistrarQueue() {
  const qc = useQueryClient();
  const phone = useIsPhone();
  const [params, update] = useSearchState();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const dueSoon = params.get('dueSoon') === 'true';
  const overdue = params.get('overdue') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = {
    status: status || undefined,
    q: q || undefined,
    dueSoon: dueSoon ? 'true' : undefined,
    overdue: overdue ? 'true' : undefined,
  };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: contractsKeys.queue(query),
    queryFn: () => contractsApi.queue(query),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(status || q || dueSoon || overdue);

  const run = async (id: string, action: string, reason?: string) => {
    const next = await contractsApi.transition(id, action, reason);
    qc.setQueryData(contractsKeys.detail(id), next);
    await qc.invalidateQueries({ queryKey: contractsKeys.all });
  };

  const columns: ColumnsType<ContractSummary> = [
    {
      title: '法定办结日',
      key: 'deadline',
      width: 200,
      render: (_v, r) => <DueDate deadline={r.deadline} compact />,
    },
    {
      title: '项目名称',
      dataIndex: 'projectName',
      width: 240,
      render: (v: string, r) => (
        <Link to={`/contracts/${r.id}`} style={{ fontWeight: 600 }} data-testid="contract-detail-link">
          {v}
          {r.kind !== 'original' && <span style={{ fontWeight: 400, color: '#888' }}>（{CONTRACT_KIND_LABELS[r.kind]}）</span>}
        </Link>
      ),
    },
    { title: '卖方', dataIndex: 'sellerName', width: 180 },
    { title: '合同类型', dataIndex: 'contractType', width: 170, render: (v: string) => contractTypeLabel(v) },
    { title: '技术交易额', dataIndex: 'technologyAmountFen', width: 160, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v: string | null) => fmtTime(v) },
    { title: '状态', dataIndex: 'status', width: 120, render: (v: string) => <ContractStatus status={v} /> },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      // On a phone a fixed column would leave the rest a sliver: the whole row scrolls instead.
      fixed: phone ? undefined : 'right',
      render: (_v, r) => (
        <ContractActions size="small" suffix={r.id} actions={r.handlingActions} onRun={(a, reason) => run(r.id, a, reason)} />
      ),
    },
  ];

  const data = list.data;
  return (
    <div data-testid="registrar-queue">
      <PageHeader
        title="技术合同登记"
        sub="已提交和已受理的登记，按法定办结日排序；法定时限为提交后15个工作日，须专家评审的大额合同30个工作日。"
        extra={<ExportButton path={QUEUE_EXPORT_PATH} filters={filters} testId="registrar-queue-export" />}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={8} md={6}>
          <Card size="small">
            <Statistic title="待办" value={data?.total ?? 0} />
          </Card>
        </Col>
        <Col xs={8} md={6}>
          <Card size="small">
            <Statistic
              title="即将到期"
              value={data?.dueSoonCount ?? 0}
              styles={{ content: { color: data?.dueSoonCount ? '#d46b08' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={8} md={6}>
          <Card size="small">
            <Statistic
              title="已超期"
              value={data?.overdueCount ?? 0}
              styles={{ content: { color: data?.overdueCount ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      {!!data?.overdueCount && !overdue && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${data.overdueCount} 件登记已超过法定办结期限`}
          action={<a onClick={() => update({ overdue: 'true', dueSoon: '', page: '1' })}>只看已超期</a>}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="项目名称、卖方或买方"
          defaultValue={q}
          style={{ width: 240 }}
          onSearch={(v) => update({ q: v.trim(), page: '1' })}
          data-testid="registrar-queue-search"
        />
        <Select
          allowClear
          placeholder="全部待办"
          style={{ width: 150 }}
          value={status || undefined}
          onChange={(v?: string) => update({ status: v ?? '', page: '1' })}
          options={(['submitted', 'accepted'] as const).map((s) => ({ value: s, label: CONTRACT_STATE_LABELS[s] }))}
          data-testid="registrar-queue-status"
        />
        <Checkbox checked={dueSoon} onChange={(e) => update({ dueSoon: e.target.checked ? 'true' : '', page: '1' })}>
          即将到期
        </Checkbox>
        <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? 'true' : '', page: '1' })}>
          已超期
        </Checkbox>
      </Space>
      <DataTable<ContractSummary>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) =>
          ({
            'data-testid': `registrar-row-${r.id}`,
            'data-flag': r.deadline?.overdue ? 'overdue' : r.deadline?.dueSoon ? 'due_soon' : 'ok',
            style: r.deadline?.overdue ? { background: '#fff1f0' } : r.deadline?.dueSoon ? { background: '#fff7e6' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        scroll={{ x: 1500 }}
        empty={
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? '没有符合条件的待办登记' : '没有待办的技术合同登记'}
            data-testid="registrar-queue-empty"
          />
        }
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
