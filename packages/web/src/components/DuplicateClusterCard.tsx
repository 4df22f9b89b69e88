import { Button, Card, Checkbox, Flex, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { pct } from '../labels';
import { rowTestId } from '../testid';
import { fmtDate } from '../time';
import type { DuplicateCluster } from '../types';
import { StatusTag } from './StatusTag';

type Item = DuplicateCluster['items'][number];

interface Props {
  cluster: DuplicateCluster;
  onMerge: (keep: Item, merge: Item[]) => void;
}

/** One cluster of near-duplicate items: pick the one to keep and the ones to merge into it. */
export function DuplicateClusterCard({ cluster, onMerge }: Props) {
  const [keepId, setKeepId] = useState(cluster.items[0]?.id ?? '');
  const [mergeIds, setMergeIds] = useState<string[]>(cluster.items.slice(1).map((i) => i.id));
  const title = new Map(cluster.items.map((i) => [i.id, i.title]));
  const keep = cluster.items.find((i) => i.id === keepId);
  const merge = cluster.items.filter((i) => i.id !== keepId && mergeIds.includes(i.id));

  const chooseKeep = (id: string) => {
    setKeepId(id);
    setMergeIds(cluster.items.filter((i) => i.id !== id).map((i) => i.id));
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`cluster-${cluster.id}`}
      title={
        <Flex gap={8} align="center">
          <span>{cluster.items.length} 条相似需求</span>
          <Tag color={cluster.maxSimilarity >= 0.85 ? 'red' : 'orange'}>最高相似度 {pct(cluster.maxSimilarity)}</Tag>
        </Flex>
      }
      extra={
        <Button type="primary" disabled={!keep || merge.length === 0} onClick={() => keep && onMerge(keep, merge)} data-testid="cluster-merge">
          合并所选（{merge.length}）
        </Button>
      }
    >
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cluster.items}
        onRow={(i) => rowTestId(`cluster-item-${i.id}`)}
        columns={[
          {
            title: '保留',
            key: 'keep',
            width: 60,
            render: (_v, i) => <Radio checked={i.id === keepId} onChange={() => chooseKeep(i.id)} data-testid="cluster-keep" />,
          },
          {
            title: '并入',
            key: 'merge',
            width: 60,
            render: (_v, i) => (
              <Checkbox
                disabled={i.id === keepId}
                checked={i.id !== keepId && mergeIds.includes(i.id)}
                onChange={(e) => setMergeIds(e.target.checked ? [...mergeIds, i.id] : mergeIds.filter((x) => x !== i.id))}
                data-testid="cluster-merge-item"
              />
            ),
          },
          { title: '名称', dataIndex: 'title', render: (v: string, i) => <Link to={`/listings/${i.id}`}>{v}</Link> },
          { title: '提出单位', dataIndex: 'organizationName', width: 220, ellipsis: true },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag kind="submission" status={s} /> },
          { title: '提交日期', dataIndex: 'submittedAt', width: 110, render: (v: string | null) => fmtDate(v) },
        ]}
      />
      <Flex vertical gap={2} style={{ marginTop: 8 }}>
        {cluster.pairs.map((p) => (
          <Typography.Text key={`${p.a}-${p.b}`} type="secondary" style={{ fontSize: 12 }}>
            「{title.get(p.a)}」与「{title.get(p.b)}」相似度 {pct(p.similarity)}
          </Typography.Text>
        ))}
      </Flex>
    </Card>
  );
}
