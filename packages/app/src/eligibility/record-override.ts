import { findOrganization, insertEligibilityOverride, lockOrganization } from '@scenebridge/db';
import { DomainError, forbidden, notFound, type EligibilityOverrideInput } from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { eligibilityPolicy } from './policy.js';

/**
 * The operator allows an organisation to apply to one challenge although the automatic screening
 * refused it (人工复核), with the reason shown wherever the screening is. One per organisation and
 * challenge; audited. The role is checked before the organisation is looked up, so a
 * non-operator learns nothing about which organisations exist (403).
 */
export async function recordEligibilityOverride({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor | null;
  input: EligibilityOverrideInput;
}) {
  const a = requireActor(actor);
  if (!isOperator(a)) throw forbidden();
  eligibilityPolicy.authorize(a, 'override', { organizationId: input.organizationId });
  return inTransaction(services, a, async (tx, events) => {
    const org = await findOrganization(tx, input.organizationId);
    if (!org || !(await lockOrganization(tx, org.id))) throw notFound('机构');
    const row = await insertEligibilityOverride(tx, {
      organizationId: org.id,
      challengeRef: input.challengeRef,
      reason: input.reason,
      createdBy: a.userId,
      createdAt: services.now(),
    });
    if (!row) throw new DomainError('ELIGIBILITY_OVERRIDE_EXISTS', '该机构在此揭榜任务上已有人工复核记录', 409);
    await events.record({
      action: 'eligibility.override',
      entityType: 'organization',
      entityId: org.id,
      reason: input.reason,
      data: { overrideId: row.id, challengeRef: row.challengeRef },
    });
    return {
      id: row.id,
      organizationId: row.organizationId,
      challengeRef: row.challengeRef,
      reason: row.reason,
      by: a.displayName,
      at: row.createdAt,
    };
  });
}
