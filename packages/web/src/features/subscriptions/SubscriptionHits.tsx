import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router-dom';
import { subscriptionsApi, subscriptionsKeys } from './api';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { useMeta } from '../../shared/meta';
import { fmtTime } from '../../shared/time';
import type { SubscriptionHit } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

/** The new published items one subscription matched (where its notifications link to). */
export default function SubscriptionHits() {
  const { id = '' } = useParams();
  const meta = useMeta();
  const [params, update] = useSearchState();
  const page = Number(params.get('page') ?? '1') || 1;
  const sub = useQuery({ queryKey: subscriptionsKeys.detail(id), queryFn: () => subscriptionsApi.subscription(id) });
  const hits = useQuery({
    queryKey: subscriptionsKeys.hits(id, page),
    queryFn: () => subscriptionsApi.subscriptionHits(id, page),
    placeholderData: keepPreviousData,
  });
  return (
    <div>
      <PageHeader
        title={sub.data ? `订阅：${sub.data.name}` : '订阅命中'}
        sub="订阅开始后新发布、且与订阅条件匹配的项目"
        extra={
          <Space wrap>
            {sub.data && <ExportButton path={`/subscriptions/${id}/hits/export.xlsx`} />}
            <Link to="/subscriptions">
              <Button>返回我的订阅</Button>
            </Link>
          </Space>
        }
      />
      <Card>
        <DataTable<SubscriptionHit>
          error={sub.error ?? hits.error}
          onRetry={() => {
            void sub.refetch();
            void hits.refetch();
          }}
          rowKey="submissionId"
          loading={hits.isFetching}
          dataSource={hits.data?.items ?? []}
          empty={<Empty description="暂无命中的新项目" data-testid="subscription-hits-empty" />}
          onRow={(r) => ({ 'data-testid': `subscription-hit-${r.submissionId}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: 20,
            total: hits.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p) => update({ page: String(p) }),
          }}
          columns={[
            { title: '项目', dataIndex: 'title', render: (t: string, r) => <Link to={`/listings/${r.submissionId}`}>{t}</Link> },
            { title: '类型', dataIndex: 'listType', width: 100, render: (v: SubscriptionHit['listType']) => <Tag>{meta.listType(v)}</Tag> },
            { title: '发布单位', dataIndex: 'organizationName', width: 220 },
            { title: '领域', dataIndex: 'sector', width: 110, render: (v: string | null) => (v ? meta.sector(v) : '—') },
            { title: '匹配时间', dataIndex: 'matchedAt', width: 170, render: (v: string) => fmtTime(v) },
            {
              title: '邮件摘要',
              dataIndex: 'digestedAt',
              width: 110,
              render: (v: string | null) => (v ? <Tag color="green">已发送</Tag> : <Tag>待发送</Tag>),
            },
          ]}
        />
      </Card>
    </div>
  );
}
