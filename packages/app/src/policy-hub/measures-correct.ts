/**
 * 措施校对: the operator corrects what reading a measure found — heading, support type, units,
 * beneficiaries, structured conditions, deadline and quantitative terms. Only the fields sent
 * change; the measure is then marked edited, the policy's version goes up by one and
 * `policy.measure_corrected` records each changed field before and after. A save that changes
 * nothing records nothing and keeps the version.
 */
import { listMeasureTerms, replaceMeasureTerms, updatePolicyMeasure, type NewPolicyMeasure, type PolicyTermRow } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import { measureCorrectionBody, type MeasureCorrectionBody, type TermCorrection } from '@scenebridge/contract/policies';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { bumpPolicyVersion, loadMeasureForChange, presentChangedMeasure } from './measures-load.js';
import { correctedFields, type FieldChanges } from './measures-fields.js';

type Span = { start: number; end: number };
const termJson = (t: { type: string; value: number | string; unit: string; qualifier?: string | null; span: Span }) => ({
  type: t.type,
  value: t.value,
  unit: t.unit,
  qualifier: t.qualifier ?? null,
  span: { start: t.span.start, end: t.span.end },
});
const storedTerm = (t: PolicyTermRow) =>
  termJson({ ...t, value: t.valueText ?? Number(t.valueNumber), span: { start: t.spanStart, end: t.spanEnd } });

function refuseTermsOutside(terms: readonly TermCorrection[], span: Span): void {
  const issues = terms.flatMap((t, i) =>
    t.span.start < span.start || t.span.end > span.end
      ? [{ path: `terms.${i}.span`, message: `第${i + 1}项条款的原文位置不在本措施内（${span.start}–${span.end}）` }]
      : [],
  );
  if (issues.length) throw new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join('；'), 400, issues);
}

export async function correctMeasure({
  services,
  actor,
  policyId,
  measureId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  policyId: string;
  measureId: string;
  input: MeasureCorrectionBody;
}) {
  const body = measureCorrectionBody.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const { policy, measure } = await loadMeasureForChange(tx, actor, { policyId, measureId }, body.version);
    const span = { start: measure.spanStart, end: measure.spanEnd };
    if (body.terms) refuseTermsOutside(body.terms, span);
    const { patch, changes } = correctedFields(body, measure, policy.sourceText);
    const terms = body.terms && termChange(await listMeasureTerms(tx, measure.id), body.terms);
    if (terms) changes.terms = terms.change;
    if (Object.keys(changes).length === 0) return presentChangedMeasure(tx, measure.id, policy.version);

    const now = services.now();
    await updatePolicyMeasure(tx, measure.id, { ...(patch satisfies Partial<NewPolicyMeasure>), edited: true });
    if (terms) await replaceMeasureTerms(tx, measure.id, terms.rows(measure.id));
    const version = await bumpPolicyVersion(tx, policy, now);
    await events.record({
      action: 'policy.measure_corrected',
      entityType: 'policy',
      entityId: policy.id,
      reason: body.reason || null,
      data: { measureId: measure.id, path: measure.path, fields: Object.keys(changes), changes },
    });
    return presentChangedMeasure(tx, measure.id, version);
  });
}

function termChange(before: PolicyTermRow[], after: TermCorrection[]) {
  const was = before.map(storedTerm);
  const now = after.map(termJson);
  if (JSON.stringify(was) === JSON.stringify(now)) return undefined;
  const change: FieldChanges[string] = { before: was, after: now };
  const rows = (measureId: string) =>
    after.map((t) => ({
      measureId,
      type: t.type,
      valueNumber: typeof t.value === 'number' ? String(t.value) : null,
      valueText: typeof t.value === 'string' ? t.value : null,
      unit: t.unit,
      qualifier: t.qualifier ?? null,
      spanStart: t.span.start,
      spanEnd: t.span.end,
      edited: true,
    }));
  return { change, rows };
}
