/**
 * The measure fields an operator corrects, as stored: units and beneficiaries sent as plain
 * strings are kept as {text, span} — the span of the same words already read, else where the
 * words first occur in the measure's text, else an empty span at the measure's start (the
 * operator's own words, not in the source).
 */
import type { NewPolicyMeasure, PolicyMeasureRow } from '@scenebridge/db';
import type { MeasureCorrectionBody } from '@scenebridge/contract/policies';

type Span = { start: number; end: number };
type Field = { text: string; span: Span };
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Where `text` is in the measure: as previously read, else its first occurrence, else empty at the start. */
export function placeField(text: string, previous: readonly Field[], measureText: string, measureStart: number): Field {
  const known = previous.find((f) => f.text === text);
  if (known) return { text, span: known.span };
  const at = measureText.indexOf(text);
  return {
    text,
    span: at >= 0 ? { start: measureStart + at, end: measureStart + at + text.length } : { start: measureStart, end: measureStart },
  };
}

const SIMPLE = ['heading', 'supportType', 'leadUnit', 'deadlineOn', 'conditions'] as const;
const PLACED = ['responsibleUnits', 'beneficiaries'] as const;

/** The patch for the fields sent, and each field that really changes with its value before and after. */
export function correctedFields(body: MeasureCorrectionBody, measure: PolicyMeasureRow, sourceText: string) {
  const patch: Partial<NewPolicyMeasure> = {};
  const changes: FieldChanges = {};
  const note = (key: keyof NewPolicyMeasure & string, before: unknown, after: unknown) => {
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return;
    changes[key] = { before: before ?? null, after: after ?? null };
    Object.assign(patch, { [key]: after ?? null });
  };
  for (const key of SIMPLE) {
    if (body[key] === undefined) continue;
    const after = typeof body[key] === 'string' && body[key].trim() === '' ? null : body[key];
    note(key, measure[key], after);
  }
  const measureText = sourceText.slice(measure.spanStart, measure.spanEnd);
  for (const key of PLACED) {
    const sent = body[key];
    if (sent === undefined) continue;
    const before = measure[key] as Field[];
    const texts = [...new Set(sent.filter((t) => t.length > 0))];
    note(
      key,
      before,
      texts.map((t) => placeField(t, before, measureText, measure.spanStart)),
    );
  }
  return { patch, changes };
}
