import { updateOrganizationStatus } from '@scenebridge/db';
import { decide, DomainError, organizationMachine, type OrganizationState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { lifecycleActors } from './policy.js';
import { findVisibleOrganization } from './visible.js';

/** approve / reject (with a reason) by the operator, reapply by the organisation's admin. */
export async function transitionOrganization({
  services,
  actor,
  id,
  action,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  action: string;
  reason?: string;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    const org = await findVisibleOrganization(tx, actor, id);
    const t = decide(organizationMachine, {
      from: org.status as OrganizationState,
      action: action as never,
      actors: lifecycleActors(actor, org),
      reason,
    });
    const updated = await updateOrganizationStatus(tx, id, org.status, t.to, reason?.trim() || null);
    if (!updated) throw new DomainError('CONFLICT', '机构状态已被他人修改，请刷新后重试', 409);
    await events.record({
      action: `organization.${action}`,
      entityType: 'organization',
      entityId: id,
      fromState: org.status,
      toState: t.to,
      reason: reason?.trim() || null,
    });
    return updated;
  });
}
