/**
 * What every change to a measure's reading shares (docs/policies.md): the policy locked, seen and
 * managed by an operator, not withdrawn, at the version the operator saw; the measure one of its
 * own. A change bumps the policy's version, so a second tab's stale save is refused.
 */
import {
  findPolicy,
  findPolicyCalculator,
  findPolicyMeasure,
  listMeasureTerms,
  listPolicyMeasures,
  updatePolicy,
  type Executor,
  type PolicyMeasureRow,
  type PolicyRow,
} from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { authorizePolicyManagement, policyAccess } from './access.js';
import { presentMeasure } from './present.js';

export const MEASURE_LABEL = '措施';
const stale = () => new DomainError('CONFLICT', '政策已被他人修改，请刷新后重试', 409);

export interface MeasureChange {
  me: Actor;
  policy: PolicyRow;
  measure: PolicyMeasureRow;
}

export async function loadMeasureForChange(
  tx: Executor,
  actor: Actor | null,
  ids: { policyId: string; measureId: string },
  version: number | undefined,
): Promise<MeasureChange> {
  const policy = await findPolicy(tx, ids.policyId, { forUpdate: true });
  if (!policy) throw notFound(policyAccess.label);
  policyAccess.authorize(actor, 'view', policy);
  const me = authorizePolicyManagement(actor);
  const measure = await findPolicyMeasure(tx, ids.measureId, { forUpdate: true });
  if (!measure || measure.policyId !== policy.id) throw notFound(MEASURE_LABEL);
  if (policy.status === 'withdrawn') throw new DomainError('POLICY_WITHDRAWN', '政策已撤回，不能再修改其措施或测算器', 409);
  if (version !== undefined && policy.version !== version) throw stale();
  return { me, policy, measure };
}

/** The policy's version + 1 (optimistic, from the version just checked). */
export async function bumpPolicyVersion(tx: Executor, policy: PolicyRow, now: Date): Promise<number> {
  if (!(await updatePolicy(tx, policy.id, policy.version, { updatedAt: now }))) throw stale();
  return policy.version + 1;
}

/**
 * The measure's own words: its text before its first sub-measure (what its fields, terms and
 * calculator were read from, so calculator spans are relative to it).
 */
export async function measureOwnText(tx: Executor, policy: PolicyRow, measure: PolicyMeasureRow): Promise<string> {
  const children = (await listPolicyMeasures(tx, policy.id)).filter((m) => m.path.startsWith(`${measure.path}.`));
  const end = Math.min(measure.spanEnd, ...children.map((c) => c.spanStart));
  return policy.sourceText.slice(measure.spanStart, end);
}

/** The measure as the API answers it after a change, with the policy's new version. */
export async function presentChangedMeasure(tx: Executor, measureId: string, policyVersion: number) {
  const measure = (await findPolicyMeasure(tx, measureId))!;
  const [terms, calculator] = [await listMeasureTerms(tx, measureId), await findPolicyCalculator(tx, measureId)];
  return { ...presentMeasure(measure, terms, calculator), policyVersion };
}
