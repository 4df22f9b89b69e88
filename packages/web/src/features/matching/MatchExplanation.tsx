import { Flex, Tag, Tooltip, Typography } from 'antd';
import { MATCH_PART_COLORS, pct } from '../../shared/labels';
import type { MatchPart } from '../../shared/types';

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();

/** The score as a bar of 100 points, one coloured segment per part (hover for why). */
export function MatchBar({ parts }: { parts: MatchPart[] }) {
  return (
    <div
      style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f0f0', width: '100%' }}
      role="img"
      aria-label={parts.map((p) => `${p.label}${fmt(p.points)}分`).join('，')}
      data-testid="match-bar"
    >
      {parts
        .filter((p) => p.points > 0)
        .map((p) => (
          <Tooltip key={p.key} title={`${p.label}：${fmt(p.points)}/${p.weight}分 · ${p.detail}`}>
            <div style={{ width: `${p.points}%`, background: MATCH_PART_COLORS[p.key] }} />
          </Tooltip>
        ))}
    </div>
  );
}

/** Each part: its points out of its weight, its share of the score, and the reason in words. */
export function MatchParts({ parts }: { parts: MatchPart[] }) {
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: '4px 16px' }}
      data-testid="match-parts"
    >
      {parts.map((p) => (
        <Flex key={p.key} gap={6} align="baseline" data-testid={`match-part-${p.key}`} data-points={p.points} data-share={p.share}>
          <span
            style={{ width: 8, height: 8, borderRadius: 2, flex: 'none', background: MATCH_PART_COLORS[p.key], display: 'inline-block' }}
          />
          <Typography.Text strong style={{ flex: 'none' }}>
            {p.label}
          </Typography.Text>
          <Typography.Text style={{ flex: 'none' }}>
            {fmt(p.points)}/{p.weight}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
            占{pct(p.share)}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: p.detail }} style={{ fontSize: 12, minWidth: 0 }}>
            {p.detail}
          </Typography.Text>
        </Flex>
      ))}
    </div>
  );
}

export function SharedTerms({ terms }: { terms: string[] }) {
  if (terms.length === 0) return null;
  return (
    <Flex gap={4} wrap align="center" data-testid="match-terms">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        共有关键词：
      </Typography.Text>
      {terms.slice(0, 12).map((t) => (
        <Tag key={t} color="blue" style={{ marginInlineEnd: 0 }} data-testid="match-term">
          {t}
        </Tag>
      ))}
    </Flex>
  );
}
