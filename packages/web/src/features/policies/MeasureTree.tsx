import { Button, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { POLICY_SUPPORT_TYPE_LABELS, type PolicyMeasureJson } from './api';
import { termLabel } from './format';

interface Props {
  measures: PolicyMeasureJson[];
  sourceText: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** What the selected measure shows under its title (fields, actions, calculator). */
  details: ReactNode;
}

/** A measure's title: its heading, else the start of its own text. */
export function measureTitle(m: PolicyMeasureJson, sourceText: string): string {
  if (m.heading) return m.heading;
  const own = sourceText.slice(m.span.start, Math.min(m.span.end, m.span.start + 60)).replace(/\s+/g, ' ');
  return own.slice(m.marker.length).trim() || own;
}

function FieldList({ label, items }: { label: string; items: Array<{ text: string }> }) {
  if (items.length === 0) return null;
  return (
    <div style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {items.map((i, n) => (
        <Tag key={n} style={{ marginBottom: 4 }}>
          {i.text}
        </Tag>
      ))}
    </div>
  );
}

export function MeasureFields({ measure }: { measure: PolicyMeasureJson }) {
  return (
    <div data-testid="measure-fields">
      {measure.leadUnit && (
        <div>
          <Typography.Text type="secondary">牵头单位：</Typography.Text>
          {measure.leadUnit}
        </div>
      )}
      <FieldList label="责任单位" items={measure.responsibleUnits} />
      <FieldList label="受益对象" items={measure.beneficiaries} />
      <FieldList label="条件" items={measure.conditionTexts} />
      {measure.deadlineOn && (
        <div>
          <Typography.Text type="secondary">截止日期：</Typography.Text>
          {measure.deadlineOn}
        </div>
      )}
    </div>
  );
}

/** The measures along the text's own numbering, indented by depth; the selected one opens its details. */
export function MeasureTree({ measures, sourceText, selectedId, onSelect, details }: Props) {
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="measure-tree" aria-label="措施">
      {measures.map((m) => {
        const selected = m.id === selectedId;
        const support = m.supportType ? POLICY_SUPPORT_TYPE_LABELS[m.supportType as keyof typeof POLICY_SUPPORT_TYPE_LABELS] : null;
        return (
          <li
            key={m.id}
            style={{
              marginLeft: Math.max(0, m.depth - 1) * 18,
              padding: '6px 8px',
              borderLeft: `3px solid ${selected ? '#1677ff' : 'transparent'}`,
              background: selected ? '#f0f7ff' : undefined,
              borderRadius: 4,
            }}
            data-testid={`measure-${m.path}`}
            data-selected={selected || undefined}
          >
            <Button
              type="link"
              onClick={() => onSelect(m.id)}
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', fontWeight: selected ? 600 : 400 }}
              aria-expanded={selected}
              data-testid="measure-select"
            >
              <span style={{ color: '#555', marginRight: 4 }}>{m.marker}</span>
              {measureTitle(m, sourceText)}
            </Button>
            {(m.terms.length > 0 || support || m.edited || m.calculator) && (
              <Space size={[4, 4]} wrap style={{ display: 'flex', marginTop: 4 }}>
                {support && <Tag color="blue">{support}</Tag>}
                {m.terms.map((t) => (
                  <Tag key={t.id} color="orange" data-testid="measure-term">
                    {termLabel(t)}
                  </Tag>
                ))}
                {m.calculator && (
                  <Tag color={m.calculator.status === 'confirmed' ? 'green' : 'gold'}>
                    {m.calculator.status === 'confirmed' ? '可测算' : '测算器待确认'}
                  </Tag>
                )}
                {m.edited && <Tag>已修正</Tag>}
              </Space>
            )}
            {selected && <div style={{ marginTop: 8 }}>{details}</div>}
          </li>
        );
      })}
    </ol>
  );
}
