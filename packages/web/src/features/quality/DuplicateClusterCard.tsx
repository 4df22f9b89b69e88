import { Button, Card, Checkbox, Flex, Radio, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { pct } from '../../shared/labels';
import { rowTestId } from '../../shared/testid';
import { fmtDate } from '../../shared/time';
import type { DuplicateCluster, DuplicateClusterItem } from '../../shared/types';
import { StatusTag } from '../../shared/components/StatusTag';
import { DataTable } from '../../shared/components/DataTable';

/** Pairs listed before "全部…". */
const PAIRS_SHOWN = 3;

interface Props {
  cluster: DuplicateCluster;
  onMerge: (keep: DuplicateClusterItem, merge: DuplicateClusterItem[]) => void;
}

/** The item kept by default: the first one that cannot be merged away (further along), else the first. */
const defaultKeep = (items: DuplicateClusterItem[]) => (items.find((i) => !i.mergeable) ?? items[0])?.id ?? '';

/** One cluster of near-duplicate items: pick the one to keep and the ones to merge into it. */
export function DuplicateClusterCard({ cluster, onMerge }: Props) {
  const mergeableOthers = (keepId: string) => cluster.items.filter((i) => i.id !== keepId && i.mergeable).map((i) => i.id);
  const [keepId, setKeepId] = useState(() => defaultKeep(cluster.items));
  const [mergeIds, setMergeIds] = useState<string[]>(() => mergeableOthers(defaultKeep(cluster.items)));
  const [allPairs, setAllPairs] = useState(false);
  const pairs = [...cluster.pairs].sort((a, b) => b.similarity - a.similarity);
  const title = new Map(cluster.items.map((i) => [i.id, i.title]));
  const keep = cluster.items.find((i) => i.id === keepId);
  const merge = cluster.items.filter((i) => i.id !== keepId && i.mergeable && mergeIds.includes(i.id));

  const chooseKeep = (id: string) => {
    setKeepId(id);
    setMergeIds(mergeableOthers(id));
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`cluster-${cluster.id}`}
      title={
        <Flex gap={8} align="center">
          <span>{cluster.items.length} 条相似条目</span>
          <Tag color={cluster.maxSimilarity >= 0.85 ? 'red' : 'orange'}>最高相似度 {pct(cluster.maxSimilarity)}</Tag>
        </Flex>
      }
      extra={
        <Button
          type="primary"
          disabled={!keep || merge.length === 0}
          onClick={() => keep && onMerge(keep, merge)}
          data-testid="cluster-merge"
        >
          合并所选（{merge.length}）
        </Button>
      }
    >
      <DataTable<DuplicateClusterItem>
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
            render: (_v, i) => {
              const box = (
                <Checkbox
                  disabled={i.id === keepId || !i.mergeable}
                  checked={i.id !== keepId && i.mergeable && mergeIds.includes(i.id)}
                  onChange={(e) => setMergeIds(e.target.checked ? [...mergeIds, i.id] : mergeIds.filter((x) => x !== i.id))}
                  data-testid="cluster-merge-item"
                />
              );
              return i.mergeable || i.id === keepId ? box : <Tooltip title="该条目当前状态不能被合并，可作为保留条目">{box}</Tooltip>;
            },
          },
          { title: '名称', dataIndex: 'title', render: (v: string, i) => <Link to={`/listings/${i.id}`}>{v}</Link> },
          { title: '提出单位', key: 'org', width: 220, ellipsis: true, render: (_v, i) => i.organization.name },
          { title: '地区', dataIndex: 'regionName', width: 140, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag kind="submission" status={s} /> },
          { title: '提交日期', dataIndex: 'submittedAt', width: 110, render: (v: string | null) => fmtDate(v) },
        ]}
      />
      <Flex vertical gap={2} style={{ marginTop: 8 }}>
        {pairs.slice(0, allPairs ? undefined : PAIRS_SHOWN).map((p) => (
          <Typography.Text key={`${p.a}-${p.b}`} type="secondary" style={{ fontSize: 12 }}>
            「{title.get(p.a)}」与「{title.get(p.b)}」相似度 {pct(p.similarity)}
            {p.sharedTerms?.length ? `，共有：${p.sharedTerms.join('、')}` : ''}
          </Typography.Text>
        ))}
        {pairs.length > PAIRS_SHOWN && (
          <Button type="link" size="small" style={{ padding: 0, alignSelf: 'flex-start' }} onClick={() => setAllPairs(!allPairs)}>
            {allPairs ? '收起' : `全部 ${pairs.length} 组相似度`}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
