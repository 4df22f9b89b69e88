import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AwardSummary } from '@scenebridge/contract/awards';
import { AWARD_STATE_LABELS, formatReward } from '@scenebridge/contract/awards/labels';
import { Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import { awardsApi, awardsKeys } from './api';
import { AwardStatus } from './AwardStatus';

/** 我的任务书: awards the organisation leads, takes part in or owns the challenge of (operators: all). */
export default function Awards() {
  const [params, update] = useSearchState();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const status = params.get('status') ?? undefined;
  const query = { page, pageSize, status };
  const list = useQuery({ queryKey: awardsKeys.mine(query), queryFn: () => awardsApi.mine(query), placeholderData: keepPreviousData });
  const columns: ColumnsType<AwardSummary> = [
    {
      title: '任务书编号',
      dataIndex: 'agreementNo',
      width: 150,
      render: (v: string, r) => (
        <Link to={`/awards/${r.id}`} style={{ fontWeight: 600 }} data-testid="award-detail-link">
          {v}
        </Link>
      ),
    },
    { title: '榜单', dataIndex: 'challengeTitle', minWidth: 200 },
    { title: '中榜单位', dataIndex: 'organizationName', width: 200 },
    { title: '中榜金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatReward(v) },
    { title: '已付', dataIndex: 'paidFen', width: 130, align: 'right', render: (v: number) => formatReward(v) },
    { title: '中榜时间', dataIndex: 'awardedAt', width: 160, render: (v: string) => fmtTime(v) },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string) => <AwardStatus status={v} /> },
  ];
  return (
    <div>
      <PageHeader
        title="我的任务书"
        sub="本单位牵头、参与或发榜的中榜任务书。时间均为北京时间。"
        extra={<ExportButton path="/awards/export.xlsx" filters={{ status }} testId="awards-export" />}
      />
      <Select
        allowClear
        placeholder="按状态筛选"
        style={{ width: 180, marginBottom: 12 }}
        value={status}
        onChange={(v?: string) => update({ status: v ?? '', page: '1' })}
        options={Object.entries(AWARD_STATE_LABELS).map(([value, label]) => ({ value, label }))}
        data-testid="awards-status-filter"
      />
      <DataTable<AwardSummary>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`award-row-${r.id}`)}
        scroll={{ x: 900 }}
        empty="暂无任务书"
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
