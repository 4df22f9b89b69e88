/** The correction form of a measure: its values from the API answer, and the PATCH body of what changed. */
import type { MeasurePatch, MeasureTermInput, PolicyMeasureJson, PolicySupportType } from './api';

type Span = { start: number; end: number };
export interface TermRow {
  type: MeasureTermInput['type'];
  value: string;
  unit: string;
  qualifier: string;
  span: Span;
  /** The words at the span, shown beside the row. */
  text: string;
}

export interface MeasureFormValues {
  heading: string;
  supportType: PolicySupportType | undefined;
  leadUnit: string;
  responsibleUnits: string[];
  beneficiaries: string[];
  deadlineOn: string | null;
  terms: TermRow[];
  conditions: Record<string, unknown>[];
  reason?: string;
}

export function measureFormValues(m: PolicyMeasureJson, sourceText: string): MeasureFormValues {
  return {
    heading: m.heading ?? '',
    supportType: (m.supportType as PolicySupportType | null) ?? undefined,
    leadUnit: m.leadUnit ?? '',
    responsibleUnits: m.responsibleUnits.map((u) => u.text),
    beneficiaries: m.beneficiaries.map((b) => b.text),
    deadlineOn: m.deadlineOn,
    terms: m.terms.map((t) => ({
      type: t.type,
      value: String(t.value),
      unit: t.unit,
      qualifier: t.qualifier ?? '',
      span: t.span,
      text: sourceText.slice(t.span.start, t.span.end),
    })),
    conditions: m.conditions,
  };
}

/** A term row as the API takes it: numbers as numbers (dates stay text), an empty qualifier left out. */
export function termInput(row: TermRow): MeasureTermInput {
  const raw = row.value.trim().replace(/,/g, '');
  const numeric = row.type !== 'date' && /^-?\d+(?:\.\d+)?$/.test(raw);
  const qualifier = row.qualifier.trim();
  return {
    type: row.type,
    value: numeric ? Number(raw) : raw,
    unit: row.unit.trim(),
    ...(qualifier ? { qualifier } : {}),
    span: row.span,
  };
}

/** A condition without the fields left blank in the form (the schema takes them as absent). */
function cleanCondition(c: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that differ from the measure as loaded, so untouched terms are not marked edited. */
export function correctionBody(initial: MeasureFormValues, values: MeasureFormValues): Omit<MeasurePatch, 'version'> {
  const body: Omit<MeasurePatch, 'version'> = {};
  const heading = (values.heading ?? '').trim();
  if (heading !== initial.heading.trim() && heading) body.heading = heading;
  if (values.supportType && values.supportType !== initial.supportType) body.supportType = values.supportType;
  const lead = (values.leadUnit ?? '').trim();
  if (lead !== initial.leadUnit) body.leadUnit = lead || null;
  const units = (values.responsibleUnits ?? []).map((u) => u.trim()).filter(Boolean);
  if (!same(units, initial.responsibleUnits)) body.responsibleUnits = units;
  const beneficiaries = (values.beneficiaries ?? []).map((u) => u.trim()).filter(Boolean);
  if (!same(beneficiaries, initial.beneficiaries)) body.beneficiaries = beneficiaries;
  if ((values.deadlineOn ?? null) !== initial.deadlineOn) body.deadlineOn = values.deadlineOn ?? null;
  const terms = (values.terms ?? []).map(termInput);
  if (!same(terms, initial.terms.map(termInput))) body.terms = terms;
  const conditions = (values.conditions ?? []).map(cleanCondition);
  if (!same(conditions, initial.conditions.map(cleanCondition))) body.conditions = conditions;
  const reason = values.reason?.trim();
  if (reason) body.reason = reason;
  return body;
}
