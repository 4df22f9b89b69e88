/**
 * 测算器修订: the operator writes or corrects a measure's calculator. It becomes (again) a
 * proposal that must be confirmed before anyone can use it (calculatorMachine revise); its
 * `sentence` defaults to the measure's own text, and every span in it must lie in that sentence.
 * Removing a calculator is audited too. Both bump the policy's version.
 */
import { deletePolicyCalculator, findPolicyCalculatorForUpdate, upsertPolicyCalculator } from '@scenebridge/db';
import { decide, DomainError, notFound } from '@scenebridge/domain';
import { calculatorMachine, type Calculator, type CalculatorState } from '@scenebridge/domain/policies';
import { calculatorRevisionBody, type CalculatorRevisionBody } from '@scenebridge/contract/policies';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { bumpPolicyVersion, loadMeasureForChange, measureOwnText, presentChangedMeasure } from './measures-load.js';

type Span = { start: number; end: number };
export const CALCULATOR_LABEL = '测算器';

/** Every span a calculator points at, with where it is in the definition. */
export function calculatorSpans(c: Calculator): Array<{ path: string; span: Span }> {
  const out: Array<{ path: string; span: Span }> = [];
  const add = (path: string, span: Span | undefined) => span && out.push({ path, span });
  if ('sourceSpan' in c) add('definition.sourceSpan', c.sourceSpan);
  if ('capSpan' in c) add('definition.capSpan', c.capSpan);
  if (c.kind === 'tiered') {
    c.tiers.forEach((t, i) => add(`definition.tiers.${i}.sourceSpan`, t.sourceSpan));
    (c.alternatives ?? []).forEach((a, i) => add(`definition.alternatives.${i}.sourceSpan`, a.sourceSpan));
  }
  return out;
}

function refuseSpansOutside(c: Calculator, sentence: string): void {
  const issues = calculatorSpans(c)
    .filter((s) => s.span.end > sentence.length)
    .map((s) => ({ path: s.path, message: `原文位置超出依据文字（共${sentence.length}个字）` }));
  if (issues.length) throw new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join('；'), 400, issues);
}

interface Target {
  services: Services;
  actor: Actor | null;
  policyId: string;
  measureId: string;
}

export async function reviseCalculator({ input, ...t }: Target & { input: CalculatorRevisionBody }) {
  const body = calculatorRevisionBody.parse(input);
  return inTransaction(t.services, t.actor, async (tx, events) => {
    const { policy, measure } = await loadMeasureForChange(tx, t.actor, t, body.version);
    const sentence = body.definition.sentence ?? (await measureOwnText(tx, policy, measure));
    const definition = { ...body.definition, sentence };
    refuseSpansOutside(definition, sentence);
    const existing = await findPolicyCalculatorForUpdate(tx, measure.id);
    const from = existing?.status as CalculatorState | undefined;
    if (from) decide(calculatorMachine, { from, action: 'revise', actors: ['operator'] });
    const now = t.services.now();
    await upsertPolicyCalculator(tx, {
      measureId: measure.id,
      definition,
      status: 'proposed',
      confirmedBy: null,
      confirmedAt: null,
      updatedAt: now,
    });
    const version = await bumpPolicyVersion(tx, policy, now);
    await events.record({
      action: 'policy.calculator_revised',
      entityType: 'policy',
      entityId: policy.id,
      fromState: from ?? null,
      toState: 'proposed',
      data: { measureId: measure.id, path: measure.path, before: existing?.definition ?? null, after: definition },
    });
    return presentChangedMeasure(tx, measure.id, version);
  });
}

export async function removeCalculator({ version, ...t }: Target & { version?: number }) {
  return inTransaction(t.services, t.actor, async (tx, events) => {
    const { policy, measure } = await loadMeasureForChange(tx, t.actor, t, version);
    const existing = await findPolicyCalculatorForUpdate(tx, measure.id);
    if (!existing || !(await deletePolicyCalculator(tx, measure.id))) throw notFound(CALCULATOR_LABEL);
    await bumpPolicyVersion(tx, policy, t.services.now());
    await events.record({
      action: 'policy.calculator_removed',
      entityType: 'policy',
      entityId: policy.id,
      fromState: existing.status,
      data: { measureId: measure.id, path: measure.path, before: existing.definition },
    });
  });
}
