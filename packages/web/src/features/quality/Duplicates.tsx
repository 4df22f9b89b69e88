import { App, Empty, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { qualityApi, qualityKeys } from './api';
import { DuplicateClusterCard } from './DuplicateClusterCard';
import { PageState } from '../../shared/components/PageState';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { useSearchState } from '../../shared/hooks';
import { useMeta } from '../../shared/meta';
import type { DuplicateClusterItem as Item, ListType } from '../../shared/types';

/** Clusters per page. */
const PAGE = 10;

/** 重复需求合并 (operators): clusters of near-duplicates across organisations, merged with a reason. */
export default function Duplicates() {
  const meta = useMeta();
  const { message } = App.useApp();
  const [params, update] = useSearchState();
  const listType = (params.get('listType') ?? 'scenario_need') as ListType;
  const queryClient = useQueryClient();
  const clusters = useQuery({
    queryKey: qualityKeys.clusters(listType),
    queryFn: () => qualityApi.duplicateClusters(listType),
    placeholderData: keepPreviousData,
  });
  // After a merge the list may shrink below the page asked for.
  const lastPage = Math.max(1, Math.ceil((clusters.data?.clusters.length ?? 0) / PAGE));
  const page = Math.min(Number(params.get('page') ?? '1') || 1, lastPage);
  const [merging, setMerging] = useState<{ keep: Item; merge: Item[] } | null>(null);

  return (
    <div>
      <PageHeader
        title="重复需求合并"
        sub="不同单位提交的相似条目按相似度聚类；合并后，被并入的条目标记为“已合并”并指向保留的条目"
        extra={
          <Segmented
            value={listType}
            onChange={(v) => update({ listType: v === 'scenario_need' ? undefined : String(v), page: undefined })}
            options={(['scenario_need', 'capability'] as const).map((t) => ({ value: t, label: meta.listType(t) }))}
            data-testid="duplicates-list-type"
          />
        }
      />
      {clusters.isFetching && !clusters.data && <Skeleton active paragraph={{ rows: 8 }} />}
      {clusters.data && (
        <Typography.Paragraph type="secondary" data-testid="duplicates-summary">
          已比对 {clusters.data.considered} 条{clusters.data.truncated ? '（仅比对最近提交的条目）' : ''}，发现{' '}
          {clusters.data.clusters.length} 组相似条目
        </Typography.Paragraph>
      )}
      <PageState
        error={clusters.error}
        onRetry={() => void clusters.refetch()}
        count={clusters.data?.clusters.length}
        empty={<Empty description="未发现相似的条目" data-testid="duplicates-empty" />}
      />
      {clusters.data?.clusters.slice((page - 1) * PAGE, page * PAGE).map((c) => (
        <DuplicateClusterCard key={`${listType}-${c.id}`} cluster={c} onMerge={(keep, merge) => setMerging({ keep, merge })} />
      ))}
      {clusters.data && clusters.data.clusters.length > PAGE && (
        <Flex justify="flex-end">
          <Pagination
            current={page}
            pageSize={PAGE}
            total={clusters.data.clusters.length}
            showSizeChanger={false}
            showTotal={(t) => `共 ${t} 组`}
            onChange={(p) => {
              update({ page: p === 1 ? undefined : String(p) });
              window.scrollTo({ top: 0 });
            }}
            data-testid="duplicates-pagination"
          />
        </Flex>
      )}
      <ReasonModal
        open={!!merging}
        title="确认合并"
        label="合并原因"
        okText="确认合并"
        description={
          merging && (
            <div data-testid="merge-summary">
              <Typography.Paragraph>
                保留：<Typography.Text strong>{merging.keep.title}</Typography.Text>（{merging.keep.organization.name}）
              </Typography.Paragraph>
              <Typography.Paragraph style={{ marginBottom: 0 }}>并入（{merging.merge.length} 条，将标记为“已合并”）：</Typography.Paragraph>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {merging.merge.map((m) => (
                  <li key={m.id}>
                    {m.title}（{m.organization.name}）
                  </li>
                ))}
              </ul>
            </div>
          )
        }
        onCancel={() => setMerging(null)}
        onSubmit={async (reason) => {
          const r = await qualityApi.mergeDuplicates(
            merging!.keep.id,
            merging!.merge.map((m) => m.id),
            reason,
          );
          void message.success(`已将 ${r.merged.length} 条并入「${merging!.keep.title}」`);
          setMerging(null);
          void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
        }}
      />
    </div>
  );
}
