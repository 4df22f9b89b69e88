import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import { Flex, Input, Segmented, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { LinkButton } from '../../shared/components/LinkButton';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { fmtDate } from '../../shared/time';
import { useAccess, useUser } from '../auth/auth';
import { brokersApi, brokersKeys } from '../brokers/api';
import { FullPageSpin } from '../../app/RequireAuth';
import { dealsApi, dealsKeys, type Deal } from './api';
import { DealBoardView } from './DealBoard';
import { DealStage, DormantBadge } from './DealTags';
import { formatYuan } from './money';
import { STAGES } from './stages';
import { useDealMover } from './useDealMover';

/** 对接项目: the Kanban board by stage (default) or the filtered, paged list; both with the same filters. */
export default function Deals() {
  const access = useAccess();
  const user = useUser();
  const [params, update] = useSearchState();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = {
    activity: params.get('activity') ?? undefined,
    brokerId: params.get('brokerId') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const status = params.get('status') ?? undefined;
  const [keyword, setKeyword] = useState(filters.q ?? '');
  useEffect(() => setKeyword(params.get('q') ?? ''), [params]);

  const listQuery = { ...filters, status, page, pageSize };
  const list = useQuery({
    queryKey: dealsKeys.list(listQuery),
    queryFn: () => dealsApi.list(listQuery),
    placeholderData: keepPreviousData,
    enabled: view === 'list',
  });
  const board = useQuery({
    queryKey: dealsKeys.board(filters),
    queryFn: () => dealsApi.board(filters),
    placeholderData: keepPreviousData,
    enabled: view === 'board',
  });
  const brokers = useQuery({ queryKey: brokersKeys.list, queryFn: brokersApi.list, enabled: access.isOperator });
  const mover = useDealMover();
  const mayCreate = access.isOperator || access.isBroker;

  const brokerOptions = access.isOperator
    ? [
        { value: 'none', label: '未分配经理人' },
        ...(brokers.data ?? []).map((b) => ({ value: b.userId, label: `${b.displayName}（在办 ${b.openDeals}）` })),
      ]
    : access.isBroker
      ? [
          { value: user.id, label: '我负责的' },
          { value: 'none', label: '未分配（可认领）' },
        ]
      : null;

  const columns: ColumnsType<Deal> = [
    {
      title: '项目',
      dataIndex: 'title',
      minWidth: 220,
      render: (v: string, d) => (
        <>
          <Link to={`/deals/${d.id}`} style={{ fontWeight: 600 }} data-testid={`deal-row-link-${d.code}`}>
            {v}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.code}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: '需求方', dataIndex: ['demandOrganization', 'name'], width: 180 },
    { title: '供给方', dataIndex: ['supplyOrganization', 'name'], width: 180 },
    {
      title: '阶段',
      dataIndex: 'status',
      width: 140,
      render: (v: string, d) => (
        <Space size={0}>
          <DealStage status={v} />
          <DormantBadge activity={d.activity} />
        </Space>
      ),
    },
    { title: '技术经理人', dataIndex: ['broker', 'name'], width: 120, render: (v?: string) => v ?? '未分配' },
    { title: '预计金额', dataIndex: 'expectedAmountFen', width: 160, align: 'right', render: (v: number | null) => formatYuan(v) },
    { title: '最近跟进', dataIndex: 'lastActivityAt', width: 110, render: (v: string) => fmtDate(v) },
  ];

  return (
    <div data-testid="deals-page">
      <PageHeader
        title="对接项目"
        sub="从意向到签约的每个对接项目。拖动卡片或使用“移动到…”推进阶段；金额单位为元。"
        extra={
          <Space wrap>
            <ExportButton path="/deals/export.xlsx" filters={{ ...filters, status }} testId="deals-export" />
            {mayCreate && (
              <LinkButton to="/deals/new" type="primary" icon={<PlusOutlined />} data-testid="deal-new">
                新建对接
              </LinkButton>
            )}
          </Space>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => update({ view: v === 'list' ? 'list' : undefined, page: undefined })}
          options={[
            { value: 'board', label: '看板', icon: <AppstoreOutlined /> },
            { value: 'list', label: '列表', icon: <UnorderedListOutlined /> },
          ]}
          data-testid="deals-view"
        />
        <Input.Search
          allowClear
          placeholder="项目名称、编号或单位"
          style={{ width: 240 }}
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: '1' })}
          aria-label="关键词"
          data-testid="deals-keyword"
        />
        {view === 'list' && (
          <Select
            allowClear
            placeholder="阶段"
            style={{ width: 140 }}
            value={status}
            onChange={(v?: string) => update({ status: v, page: '1' })}
            options={STAGES.map((s) => ({ value: s, label: DEAL_STATE_LABELS[s] }))}
            aria-label="阶段"
            data-testid="deals-status-filter"
          />
        )}
        <Select
          allowClear
          placeholder="跟进状态"
          style={{ width: 140 }}
          value={filters.activity}
          onChange={(v?: string) => update({ activity: v, page: '1' })}
          options={[
            { value: 'active', label: '跟进中' },
            { value: 'dormant', label: '休眠' },
          ]}
          aria-label="跟进状态"
          data-testid="deals-activity-filter"
        />
        {brokerOptions && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="技术经理人"
            style={{ width: 200 }}
            value={filters.brokerId}
            onChange={(v?: string) => update({ brokerId: v, page: '1' })}
            options={brokerOptions}
            aria-label="技术经理人"
            data-testid="deals-broker-filter"
          />
        )}
      </Flex>
      {view === 'board' ? (
        board.error && !board.data ? (
          <LoadError error={board.error} onRetry={() => void board.refetch()} />
        ) : !board.data ? (
          <FullPageSpin />
        ) : (
          <DealBoardView board={board.data} onDrop={mover.drop} onMove={mover.run} />
        )
      ) : (
        <DataTable<Deal>
          error={list.error}
          onRetry={() => void list.refetch()}
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onRow={(d) => rowTestId(`deal-row-${d.code}`)}
          scroll={{ x: 1000 }}
          empty={filters.q || filters.activity || filters.brokerId || status ? '没有符合条件的对接项目' : '暂无对接项目'}
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
          }}
        />
      )}
      {mover.dialogs}
    </div>
  );
}
