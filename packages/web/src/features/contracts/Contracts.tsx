import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { useAccess, useUser } from '../auth/auth';
import { CONTRACTS_EXPORT_PATH, contractsApi, contractsKeys, type ContractSummary } from './api';
import { ContractStatus, DueDate } from './ContractStatus';
import { formatYuan } from './money';
import { CONTRACT_KIND_LABELS, CONTRACT_STATE_LABELS, CONTRACT_TYPE_GROUPS, contractTypeLabel } from './vocab';

/** 我的合同登记: the seller organisation's registrations (operators and registrars: every one). */
export default function Contracts() {
  const navigate = useNavigate();
  const user = useUser();
  const access = useAccess();
  const handles = access.can('canHandleContractRegistrations');
  const [params, update] = useSearchState();
  const status = params.get('status') ?? '';
  const contractType = params.get('contractType') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = {
    scope: handles ? 'all' : 'mine',
    status: status || undefined,
    contractType: contractType || undefined,
    q: q || undefined,
  };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: contractsKeys.list(query),
    queryFn: () => contractsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(status || contractType || q);

  const columns: ColumnsType<ContractSummary> = [
    {
      title: '项目名称',
      dataIndex: 'projectName',
      width: 260,
      render: (v: string, r) => (
        <Link to={`/contracts/${r.id}`} style={{ fontWeight: 600 }} data-testid="contract-detail-link">
          {v}
          {r.kind !== 'original' && <span style={{ fontWeight: 400, color: '#888' }}>（{CONTRACT_KIND_LABELS[r.kind]}）</span>}
        </Link>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 120, render: (v: string) => <ContractStatus status={v} /> },
    { title: '登记编号', dataIndex: 'registrationNo', width: 190, render: (v: string | null) => v ?? '—' },
    { title: '合同成交额', dataIndex: 'contractAmountFen', width: 160, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '技术交易额', dataIndex: 'technologyAmountFen', width: 160, align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: '法定办结日',
      key: 'deadline',
      width: 190,
      render: (_v, r) => <DueDate deadline={r.deadline} compact />,
    },
    { title: '合同类型', dataIndex: 'contractType', width: 170, render: (v: string) => contractTypeLabel(v) },
    ...(handles ? [{ title: '卖方', dataIndex: 'sellerName', width: 180 } as const] : []),
    { title: '买方', dataIndex: 'buyerName', width: 200 },
  ];

  return (
    <div>
      <PageHeader
        title={handles ? '技术合同登记记录' : '我的合同登记'}
        sub={
          handles
            ? '全部单位的技术合同登记。金额单位为元。'
            : `${user.organization.name}作为卖方（技术提供方）的技术合同登记。金额单位为元。`
        }
        extra={
          <Space wrap>
            <ExportButton path={CONTRACTS_EXPORT_PATH} filters={filters} testId="contracts-export" />
            {handles && (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/contracts/import')} data-testid="contracts-import-link">
                历史登记导入
              </Button>
            )}
            {access.can('canRegisterContracts') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/contracts/new')} data-testid="contract-new">
                新建登记
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="项目名称、买方或登记编号"
          defaultValue={q}
          style={{ width: 260 }}
          onSearch={(v) => update({ q: v.trim(), page: '1' })}
          data-testid="contracts-search"
        />
        <Select
          allowClear
          placeholder="按状态筛选"
          style={{ width: 160 }}
          value={status || undefined}
          onChange={(v?: string) => update({ status: v ?? '', page: '1' })}
          options={Object.entries(CONTRACT_STATE_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="contracts-status-filter"
        />
        <Select
          allowClear
          placeholder="按合同类型筛选"
          style={{ width: 220 }}
          value={contractType || undefined}
          onChange={(v?: string) => update({ contractType: v ?? '', page: '1' })}
          options={CONTRACT_TYPE_GROUPS}
          data-testid="contracts-type-filter"
        />
      </Space>
      <DataTable<ContractSummary>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`contract-row-${r.id}`)}
        scroll={{ x: 1500 }}
        empty={
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filtered ? '没有符合条件的登记' : '还没有技术合同登记'}
            data-testid="contracts-empty"
          >
            {!filtered && access.can('canRegisterContracts') && (
              <Button type="primary" onClick={() => navigate('/contracts/new')}>
                新建登记
              </Button>
            )}
          </Empty>
        }
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
