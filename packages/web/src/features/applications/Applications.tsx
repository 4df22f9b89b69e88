import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatReward } from '@scenebridge/contract/applications/labels';
import { Empty, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { useIsPhone } from '../../shared/responsive';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import { challengesApi, challengesKeys } from '../challenges/api';
import { applicationsApi, applicationsKeys, type Application } from './api';
import { ApplicationStatus } from './ApplicationStatus';

/**
 * Two lists: /applications — the caller's organisation's applications (as lead or consortium
 * member); /challenges/:challengeId/applications — a challenge's applications for the operator
 * (and for the owner after the deadline), with 导出 Excel.
 */
export default function Applications() {
  const { challengeId } = useParams();
  const phone = useIsPhone();
  const [params, update] = useSearchState();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { page, pageSize };
  const list = useQuery({
    queryKey: challengeId ? applicationsKeys.ofChallenge(challengeId, query) : applicationsKeys.mine(query),
    queryFn: () => (challengeId ? applicationsApi.ofChallenge(challengeId, query) : applicationsApi.mine(query)),
    placeholderData: keepPreviousData,
  });
  // The title names the challenge even while it has no applications yet.
  const challenge = useQuery({
    queryKey: challengesKeys.detail(challengeId ?? ''),
    queryFn: () => challengesApi.get(challengeId!),
    enabled: !!challengeId,
  });
  const columns: ColumnsType<Application> = [
    {
      title: challengeId ? '牵头单位' : '榜单',
      key: 'title',
      minWidth: 220,
      render: (_v, r) => (
        // On a phone the status sits under the title, where it is seen without scrolling sideways.
        <Space orientation="vertical" size={4}>
          <Link to={`/applications/${r.id}`} style={{ fontWeight: 600 }} data-testid="application-detail-link">
            {challengeId ? r.leadOrganizationName : r.challengeTitle}
          </Link>
          {phone && <ApplicationStatus status={r.status} />}
        </Space>
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
    ...(phone ? [] : [{ title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <ApplicationStatus status={v} /> }]),
  ];
  const title = challenge.data?.title ?? list.data?.items[0]?.challengeTitle;
  return (
    <div>
      <PageHeader
        title={challengeId ? (title ? `揭榜申报：${title}` : '揭榜申报') : '我的揭榜申报'}
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
        empty={
          <Empty
            data-testid="applications-empty"
            description={
              challengeId ? (
                '本榜单尚无已提交的申报'
              ) : (
                <span>
                  本单位还没有揭榜申报。请在 <Link to="/challenges">揭榜挂帅</Link> 中选择正在揭榜的榜单申报。
                </span>
              )
            }
          />
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
