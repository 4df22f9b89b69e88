import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { FACETS } from '../../shared/labels';
import type { FacetKey, FacetValue } from '../../shared/types';

/** Values shown before "展开全部". */
const SHOWN = 8;

interface PanelProps {
  facet: FacetKey;
  title: string;
  values: FacetValue[];
  selected: string[];
  onChange: (values: string[]) => void;
}

function FacetPanel({ facet, title, values, selected, onChange }: PanelProps) {
  const [all, setAll] = useState(false);
  // A ticked value stays listed even when nothing carries it any more.
  const missing = selected.filter((v) => !values.some((x) => x.value === v)).map((v) => ({ value: v, count: 0, label: v }));
  const list = [...values, ...missing];
  const shown = all ? list : list.slice(0, SHOWN);
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      data-testid={`facet-${facet}`}
      extra={
        selected.length > 0 && (
          <Button type="link" size="small" onClick={() => onChange([])} data-testid="facet-clear">
            清除
          </Button>
        )
      }
    >
      <Flex vertical gap={4}>
        {shown.map((v) => (
          <Flex key={v.value} justify="space-between" align="center" gap={8} data-testid={`facet-${facet}-${v.value}`} data-count={v.count}>
            <Checkbox checked={selected.includes(v.value)} onChange={(e) => toggle(v.value, e.target.checked)} style={{ minWidth: 0 }}>
              <Typography.Text ellipsis={{ tooltip: v.label }} style={{ maxWidth: 170 }}>
                {v.label}
              </Typography.Text>
            </Checkbox>
            <Typography.Text type="secondary" data-testid="facet-count">
              {v.count}
            </Typography.Text>
          </Flex>
        ))}
        {list.length > SHOWN && (
          <Button type="link" size="small" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setAll(!all)}>
            {all ? '收起' : `展开全部（${list.length}）`}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

interface Props {
  facets: Partial<Record<FacetKey, FacetValue[]>>;
  selected: Record<FacetKey, string[]>;
  onChange: (facet: FacetKey, values: string[]) => void;
  /** Facets not shown as panels (the list type is a tab bar). */
  hide?: FacetKey[];
}

/** Checkbox lists with counts, one panel per facet that has values. */
export function SearchFacets({ facets, selected, onChange, hide = [] }: Props) {
  return (
    <div data-testid="search-facets">
      {FACETS.filter((f) => !hide.includes(f.key) && ((facets[f.key]?.length ?? 0) > 0 || selected[f.key].length > 0)).map((f) => (
        <FacetPanel
          key={f.key}
          facet={f.key}
          title={f.title}
          values={facets[f.key] ?? []}
          selected={selected[f.key]}
          onChange={(v) => onChange(f.key, v)}
        />
      ))}
    </div>
  );
}
