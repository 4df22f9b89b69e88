import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { BuiltinSynonymGroup } from '@scenebridge/contract/vocabulary';
import { DataTable } from '../../shared/components/DataTable';
import { synonymKindLabel } from '../../shared/labels';
import { vocabularyApi, vocabularyKeys, type BuiltinQuery } from './api';

const SOURCE_LABEL = { general: '通用', colloquial: '口语→规范' } as const;

/** What search already knows out of the box, read-only: look here before adding a group. */
export function BuiltinSynonymsCard() {
  const [query, setQuery] = useState<BuiltinQuery>({ q: '', source: '', page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: vocabularyKeys.builtin(query),
    queryFn: () => vocabularyApi.builtinSynonyms(query),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<BuiltinSynonymGroup> = [
    { title: '关系', dataIndex: 'kind', width: 100, render: (k: string) => synonymKindLabel(k) },
    {
      title: '词语',
      key: 'terms',
      render: (_v, g) => (
        <span>
          {g.terms.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
          {g.expandsTo.length > 0 && (
            <>
              <Typography.Text type="secondary"> → </Typography.Text>
              {g.expandsTo.map((t) => (
                <Tag key={t} color="blue">
                  {t}
                </Tag>
              ))}
            </>
          )}
        </span>
      ),
    },
    { title: '来源', dataIndex: 'source', width: 110, render: (s: BuiltinSynonymGroup['source']) => SOURCE_LABEL[s] },
  ];
  return (
    <Card
      title="内置同义词"
      extra={<Typography.Text type="secondary">系统自带，只读；已有的词无需重复添加</Typography.Text>}
      style={{ marginTop: 16 }}
      data-testid="dict-builtin"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="查找词语，如：瑕疵"
          onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim(), page: 1 }))}
          style={{ width: 260 }}
          aria-label="查找内置同义词"
          data-testid="builtin-q"
        />
        <Select
          value={query.source}
          onChange={(source) => setQuery((q) => ({ ...q, source, page: 1 }))}
          style={{ width: 140 }}
          aria-label="按来源筛选"
          options={[
            { value: '', label: '全部来源' },
            { value: 'general', label: SOURCE_LABEL.general },
            { value: 'colloquial', label: SOURCE_LABEL.colloquial },
          ]}
        />
      </Space>
      <DataTable<BuiltinSynonymGroup>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey={(g) => `${g.source}:${g.kind}:${g.terms.join('|')}:${g.expandsTo.join('|')}`}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        empty={query.q ? `没有包含“${query.q}”的内置同义词，可在上方添加` : '暂无内置同义词'}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 组`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
      />
    </Card>
  );
}
