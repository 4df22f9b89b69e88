import type { PolicyCalculatorRow, PolicyMeasureRow, PolicyRow, PolicyTermRow } from '@scenebridge/db';
import { POLICY_TERM_TYPES, type PolicyState, type PolicyTermType } from '@scenebridge/domain/policies';
import type { Actor } from '../context.js';
import { policyMachineActions } from './transition-policy.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
type Span = { start: number; end: number };
type Field = { text: string; span: Span };

export function presentPolicySummary(p: PolicyRow, measureCount: number) {
  return {
    id: p.id,
    title: p.title,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    documentNumber: p.documentNumber,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    status: p.status as PolicyState,
    measureCount,
    publishedAt: iso(p.publishedAt),
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentTerm(t: PolicyTermRow) {
  return {
    id: t.id,
    type: (POLICY_TERM_TYPES as readonly string[]).includes(t.type) ? (t.type as PolicyTermType) : 'count',
    value: t.valueText ?? Number(t.valueNumber),
    unit: t.unit,
    qualifier: t.qualifier,
    span: { start: t.spanStart, end: t.spanEnd },
    edited: t.edited,
  };
}

export function presentCalculator(c: PolicyCalculatorRow | undefined) {
  if (!c) return null;
  const { notes, ...definition } = c.definition as Record<string, unknown> & { notes?: string[] };
  return {
    status: c.status as 'proposed' | 'confirmed',
    definition,
    notes: Array.isArray(notes) ? notes : [],
    confirmedAt: iso(c.confirmedAt),
  };
}

export function presentMeasure(m: PolicyMeasureRow, terms: readonly PolicyTermRow[], calculator: PolicyCalculatorRow | undefined) {
  const dot = m.path.lastIndexOf('.');
  return {
    id: m.id,
    path: m.path,
    parentPath: dot > 0 ? m.path.slice(0, dot) : null,
    depth: m.depth,
    marker: m.marker,
    heading: m.heading,
    span: { start: m.spanStart, end: m.spanEnd },
    supportType: m.supportType,
    responsibleUnits: m.responsibleUnits as Field[],
    leadUnit: m.leadUnit,
    beneficiaries: m.beneficiaries as Field[],
    conditionTexts: m.conditionTexts as (Field & { kind?: string })[],
    conditions: m.conditions as Record<string, unknown>[],
    deadlineOn: m.deadlineOn,
    edited: m.edited,
    terms: terms.map(presentTerm),
    calculator: presentCalculator(calculator),
  };
}

export function presentPolicyDetail(
  actor: Actor | null,
  p: PolicyRow,
  measures: readonly PolicyMeasureRow[],
  terms: readonly PolicyTermRow[],
  calculators: readonly PolicyCalculatorRow[],
) {
  const byMeasure = new Map<string, PolicyTermRow[]>();
  for (const t of terms) byMeasure.set(t.measureId, [...(byMeasure.get(t.measureId) ?? []), t]);
  const calc = new Map(calculators.map((c) => [c.measureId, c]));
  return {
    ...presentPolicySummary(p, measures.length),
    validityPhrase: p.validityPhrase,
    statusReason: p.statusReason,
    sourceText: p.sourceText,
    sourceFormat: p.sourceFormat,
    sourceFilename: p.sourceFilename,
    version: p.version,
    allowedActions: policyMachineActions(actor, p),
    measures: measures.map((m) => presentMeasure(m, byMeasure.get(m.id) ?? [], calc.get(m.id))),
  };
}
