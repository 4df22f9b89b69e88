/**
 * Who may see and move a 免申即享 row: its organisation's users see it, its admin confirms or
 * declines; operators see every row and record the grant. Others are told it does not exist.
 */
import type { PolicyRedemptionRow } from '@scenebridge/db';
import { findPolicy, findPolicyMeasure } from '@scenebridge/db';
import { DomainError, forbidden, notFound } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy } from '../shared/index.js';
import type { Executor } from '@scenebridge/db';

export const redemptionAccess = definePolicy<Pick<PolicyRedemptionRow, 'organizationId'>, 'decide' | 'redeem'>('免申即享记录', {
  view: (a, r) => isOperator(a) || (isOrgUser(a) && a!.organizationId === r.organizationId),
  decide: (a, r) => !!a && a.roles.includes('org_admin') && a.organizationId === r.organizationId,
  redeem: (a) => isOperator(a),
});

export function authorizeRedemptionOperator(actor: Actor): void {
  if (!isOperator(actor)) throw forbidden('只有平台运营方可以办理免申即享');
}

/** The measure, when it belongs to this policy (404 otherwise). */
export async function measureOfPolicy(db: Executor, policyId: string, measureId: string, opts: { forUpdate?: boolean } = {}) {
  const m = await findPolicyMeasure(db, measureId, opts);
  if (!m || m.policyId !== policyId) throw notFound('政策措施');
  const p = await findPolicy(db, policyId);
  if (!p) throw notFound('政策措施');
  return { m, p };
}

export function requirePublished(p: { status: string }): void {
  if (p.status !== 'published') throw new DomainError('POLICY_NOT_PUBLISHED', '政策尚未发布或已撤回，不能办理免申即享', 409);
}
