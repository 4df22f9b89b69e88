import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatReward } from '@scenebridge/contract/applications/labels';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import { applicationsApi, applicationsKeys, type Application } from './api';
import { ApplicationStatus } from './ApplicationStatus';

/**
 * Two lists: /applications — the caller's organisation's applications (as lead or consortium
 * member); /challenges/:challengeId/applications — a challenge's applications for the operator
 * (and for the owner after the deadline), with 导出 Excel.
 */
export default function Applications() {
  const { challengeId } = useParams();
  const [params, update] = useSearchState();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { page, pageSize };
  const list = useQuery({
    queryKey: challengeId ? applicationsKeys.ofChallenge(challengeId, query) : applicationsKeys.mine(query),
    queryFn: () => (challengeId ? applicationsApi.ofChallenge(challengeId, query) : applicationsApi.mine(query)),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<Application> = [
    {
      title: challengeId ? '牵头单位' : '榜单',
      key: 'title',
      minWidth: 220,
      render: (_v, r) => (
        <Link to={`/applications/${r.id}`} style={{ fontWeight: 600 }} data-testid="application-detail-link">
          {challengeId ? r.leadOrganizationName : r.challengeTitle}
        </Link>
      ),
    },
    ...(challengeId ? [] : [{ title: '牵头单位', dataIndex: 'leadOrganizationName', width: 200 }]),
    {
      title: '联合体成员',
      key: 'members',
      width: 220,
      render: (_v: unknown, r: Application) => r.members.map((m) => m.organizationName).join('、') || '—',
    },
    { title: '报价', dataIndex: 'quoteFen', width: 140, align: 'right', render: (v: number) => formatReward(v) },
    { title: '申报截止', dataIndex: 'challengeDeadline', width: 160, render: (v: string) => fmtTime(v) },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <ApplicationStatus status={v} /> },
  ];
  return (
    <div>
      <PageHeader
        title={challengeId ? `揭榜申报：${list.data?.items[0]?.challengeTitle ?? ''}` : '我的揭榜申报'}
        sub={challengeId ? '本榜单已提交的申报。时间均为北京时间。' : '本单位牵头或作为联合体成员参与的申报。'}
        extra={
          challengeId ? (
            <ExportButton path={`/challenges/${challengeId}/applications/export.xlsx`} testId="applications-export" />
          ) : undefined
        }
      />
      <DataTable<Application>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`application-row-${r.id}`)}
        scroll={{ x: 900 }}
        empty="暂无申报"
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
