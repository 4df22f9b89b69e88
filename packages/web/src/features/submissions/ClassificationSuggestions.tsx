import { CheckOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { pct } from '../../shared/labels';
import type { Classification, Suggestion } from '../../shared/types';

const TOP = 3;
/** Suggestions below this confidence are noise rather than help. */
const MIN_CONFIDENCE = 0.05;

interface Props {
  result: Classification;
  /** Codes already in the form. */
  chosenSectors: string[];
  chosenTech: string[];
  onSector: (code: string) => void;
  onTech: (code: string) => void;
}

function Row({
  title,
  items,
  chosen,
  kind,
  onPick,
}: {
  title: string;
  items: Suggestion[];
  chosen: string[];
  kind: 'sector' | 'tech';
  onPick: (code: string) => void;
}) {
  const top = items.filter((s) => s.confidence >= MIN_CONFIDENCE).slice(0, TOP);
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <Flex gap={6} wrap style={{ marginTop: 4 }}>
        {top.length === 0 && <Typography.Text type="secondary">暂无把握较大的建议</Typography.Text>}
        {top.map((s) => {
          const taken = chosen.includes(s.code);
          const tag = (
            <Tag.CheckableTag
              key={s.code}
              checked={taken}
              onChange={() => !taken && onPick(s.code)}
              style={{ border: '1px solid #d9d9d9', marginInlineEnd: 0 }}
              data-testid={`suggest-${kind}-${s.code}`}
              data-confidence={s.confidence}
            >
              {taken && <CheckOutlined style={{ marginInlineEnd: 4 }} />}
              {s.name} {pct(s.confidence)}
            </Tag.CheckableTag>
          );
          const evidence = 'evidence' in s ? s.evidence : [];
          return evidence.length ? (
            <Tooltip key={s.code} title={`依据：${evidence.join('、')}`}>
              {tag}
            </Tooltip>
          ) : (
            tag
          );
        })}
      </Flex>
    </div>
  );
}

/** Suggested sector(s) and technology fields with confidence; a click puts one into the form. */
export function ClassificationSuggestions({ result, chosenSectors, chosenTech, onSector, onTech }: Props) {
  return (
    <div data-testid="classify-suggestions">
      <Row title="建议所属领域（点击采用）" items={result.sectors} chosen={chosenSectors} kind="sector" onPick={onSector} />
      <Row title="建议技术领域（点击采用）" items={result.techFields} chosen={chosenTech} kind="tech" onPick={onTech} />
    </div>
  );
}
