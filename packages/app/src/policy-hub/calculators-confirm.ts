/**
 * 测算器确认: an operator confirms a proposed calculator (calculatorMachine confirm), after which
 * anyone may run it on a published policy. The stored definition must still be a valid
 * calculator; who confirmed it and when are kept. Bumps the policy's version.
 */
import { confirmPolicyCalculator, findPolicyCalculatorForUpdate } from '@scenebridge/db';
import { decide, DomainError, notFound } from '@scenebridge/domain';
import { calculatorMachine, calculatorSchema, type CalculatorState } from '@scenebridge/domain/policies';
import { calculatorConfirmBody } from '@scenebridge/contract/policies';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { CALCULATOR_LABEL } from './calculators-revise.js';
import { bumpPolicyVersion, loadMeasureForChange, presentChangedMeasure } from './measures-load.js';

export async function confirmCalculator({
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
  input: { version: number };
}) {
  const body = calculatorConfirmBody.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const { me, policy, measure } = await loadMeasureForChange(tx, actor, { policyId, measureId }, body.version);
    const calc = await findPolicyCalculatorForUpdate(tx, measure.id);
    if (!calc) throw notFound(CALCULATOR_LABEL);
    const t = decide(calculatorMachine, { from: calc.status as CalculatorState, action: 'confirm', actors: ['operator'] });
    const parsed = calculatorSchema.safeParse(calc.definition);
    if (!parsed.success)
      throw new DomainError(
        'VALIDATION_FAILED',
        '测算器定义不完整，请先修订',
        400,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    const now = services.now();
    await confirmPolicyCalculator(tx, measure.id, me.userId, now);
    const version = await bumpPolicyVersion(tx, policy, now);
    await events.record({
      action: 'policy.calculator_confirm',
      entityType: 'policy',
      entityId: policy.id,
      fromState: calc.status,
      toState: t.to,
      data: { measureId: measure.id, path: measure.path, kind: parsed.data.kind },
    });
    return presentChangedMeasure(tx, measure.id, version);
  });
}
