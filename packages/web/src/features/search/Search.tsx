import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BellOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Input, Pagination, Row, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { searchApi, searchKeys } from './api';
import { useAccess, useUser } from '../auth/auth';
import { PageState } from '../../shared/components/PageState';
import { PageHeader } from '../../shared/components/PageHeader';
import { SaveSearchModal } from '../subscriptions/SaveSearchModal';
import { SearchFacets } from './SearchFacets';
import { SearchResultItem } from './SearchResultItem';
import { useSearchState } from '../../shared/hooks';
import { FACETS, SORT_OPTIONS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import type { FacetKey, SearchSort } from '../../shared/types';

const isOrgUserOf = (roles: string[]) => roles.some((r) => r === 'org_admin' || r === 'org_member');
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/**
 * 检索与匹配: full-text search over needs and capabilities with facet counts. The URL holds the
 * query (shareable); the snapshot token of the server keeps pages stable while data changes and
 * is dropped whenever the query, a filter or the order changes.
 */
export default function Search() {
  const user = useUser();
  const access = useAccess();
  const meta = useMeta();
  const [params, update] = useSearchState();
  const q = params.get('q') ?? '';
  const sort = (params.get('sort') ?? 'relevance') as SearchSort;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = useMemo(
    () => Object.fromEntries(FACETS.map((f) => [f.key, list(params.get(f.key))])) as Record<FacetKey, string[]>,
    [params],
  );
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const [saving, setSaving] = useState(false);
  /** Everything but the page: a new key means a new search and a new snapshot. */
  const key = JSON.stringify([q, sort, FACETS.map((f) => filters[f.key].join(','))]);
  const snapshot = useRef<{ key: string; token: string } | null>(null);

  const result = useQuery({
    queryKey: searchKeys.search({ key, page, pageSize }),
    queryFn: async () => {
      const token = snapshot.current?.key === key ? snapshot.current.token : undefined;
      const r = await searchApi.search({
        q,
        sort,
        page,
        pageSize,
        snapshot: token,
        ...Object.fromEntries(FACETS.map((f) => [f.key, filters[f.key].join(',')])),
      });
      snapshot.current = { key, token: r.snapshot };
      return r;
    },
    placeholderData: keepPreviousData,
  });

  const data = result.data;
  const setFilter = (facet: FacetKey, values: string[]) => update({ [facet]: values.join(','), page: undefined });
  const canSubscribe = access.can('subscribe');
  const listTypeCounts = new Map((data?.facets.listType ?? []).map((f) => [f.value, f.count]));
  const activeFilters = FACETS.some((f) => filters[f.key].length > 0);

  return (
    <div>
      <PageHeader
        title="检索与匹配"
        sub={`检索${user.roles.some((r) => r === 'operator' || r === 'broker') ? '全部已提交' : '已发布'}的场景需求与场景能力${isOrgUserOf(user.roles) ? '（及本机构的条目）' : ''}，支持中文分词与同义词`}
        extra={
          canSubscribe && (
            <Button icon={<BellOutlined />} onClick={() => setSaving(true)} data-testid="search-save-subscription">
              保存为订阅
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
          placeholder="输入关键词，如：消防通道 占用 识别"
          enterButton="检索"
          allowClear
          maxLength={200}
          style={{ flex: '1 1 420px', maxWidth: 640 }}
          data-testid="search-input"
        />
        <Select
          value={sort}
          options={SORT_OPTIONS}
          onChange={(v) => update({ sort: v === 'relevance' ? undefined : v, page: undefined })}
          style={{ width: 140 }}
          aria-label="排序方式"
          data-testid="search-sort"
        />
        {activeFilters && (
          <Button
            onClick={() => update({ ...Object.fromEntries(FACETS.map((f) => [f.key, undefined])), page: undefined })}
            data-testid="search-clear-filters"
          >
            清除全部筛选
          </Button>
        )}
      </Flex>
      <Segmented
        style={{ marginBottom: 16 }}
        value={filters.listType.length === 1 ? filters.listType[0] : 'all'}
        onChange={(v) => setFilter('listType', v === 'all' ? [] : [String(v)])}
        options={[
          { value: 'all', label: <span data-testid="search-tab-all">全部</span> },
          ...(['scenario_need', 'capability'] as const).map((t) => ({
            value: t,
            label: (
              <span data-testid={`search-tab-${t}`}>
                {meta.listType(t)}
                {listTypeCounts.has(t) ? `（${listTypeCounts.get(t)}）` : ''}
              </span>
            ),
          })),
        ]}
      />
      <PageState error={result.error} onRetry={() => void result.refetch()} />
      {data?.snapshotRenewed && (
        <Alert
          type="info"
          showIcon
          closable
          title="检索结果已按最新数据更新"
          description="翻页期间数据发生了变化或结果已过期，当前页按最新数据重新检索，条目顺序可能与之前不同。"
          style={{ marginBottom: 16 }}
          data-testid="search-renewed"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8} lg={6}>
          {data ? <SearchFacets facets={data.facets} selected={filters} onChange={setFilter} hide={['listType']} /> : <Skeleton active />}
        </Col>
        <Col xs={24} md={16} lg={18}>
          <Typography.Paragraph type="secondary" data-testid="search-total" data-total={data?.total ?? ''}>
            {data
              ? `${data.capped ? '至少' : '共'} ${data.total} 条结果${data.terms.length ? `（检索词：${data.terms.join('、')}）` : ''}`
              : '检索中…'}
          </Typography.Paragraph>
          <div data-testid="search-results" aria-busy={result.isFetching} style={{ opacity: result.isFetching && data ? 0.6 : 1 }}>
            {!data && result.isFetching && <Skeleton active paragraph={{ rows: 6 }} />}
            {data && data.items.length === 0 && !result.error && (
              <Empty
                data-testid="search-empty"
                description={q || activeFilters ? '没有找到符合条件的条目，请换个关键词或减少筛选条件' : '暂无可检索的条目'}
              />
            )}
            {data?.items.map((hit) => (
              <SearchResultItem key={hit.id} hit={hit} />
            ))}
          </div>
          {data && data.total > 0 && (
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              <Pagination
                current={page}
                pageSize={pageSize}
                total={Math.min(data.total, 10_000)}
                showSizeChanger
                pageSizeOptions={[10, 20, 50]}
                showTotal={(t) => `共 ${t} 条`}
                onChange={(p, s) => {
                  update({ page: p === 1 ? undefined : String(p), pageSize: s === 20 ? undefined : String(s) });
                  window.scrollTo({ top: 0 });
                }}
                data-testid="search-pagination"
              />
            </Space>
          )}
        </Col>
      </Row>
      <SaveSearchModal open={saving} state={{ q, filters }} onClose={() => setSaving(false)} />
    </div>
  );
}
