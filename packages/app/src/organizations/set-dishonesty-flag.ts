import { findOrganizationDishonestyFlag, lockOrganization, upsertOrganizationDishonestyFlag } from '@scenebridge/db';
import { notFound, type DishonestyFlagInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { organizationPolicy } from './policy.js';
import { presentDishonestyFlag } from './present-profile.js';
import { findVisibleOrganization } from './visible.js';

/**
 * The operator sets (flagged) or clears the organisation's 失信 flag, naming the source (信用中国,
 * the courts' list …), the day it lists it and the reason. Every change is an audit entry with the
 * state before and after; challenges that exclude dishonest parties read the flag at screening.
 */
export async function setOrganizationDishonestyFlag({
  services,
  actor,
  organizationId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
  input: DishonestyFlagInput;
}) {
  const org = await findVisibleOrganization(services.db, actor, organizationId);
  organizationPolicy.authorize(actor, 'manageProfile', org);
  return inTransaction(services, actor, async (tx, events) => {
    if (!(await lockOrganization(tx, organizationId))) throw notFound(organizationPolicy.label);
    const before = await findOrganizationDishonestyFlag(tx, organizationId);
    const row = await upsertOrganizationDishonestyFlag(tx, {
      organizationId,
      flagged: input.flagged,
      source: input.source,
      listedOn: input.listedOn ?? null,
      reason: input.reason,
      updatedBy: actor!.userId,
      updatedAt: services.now(),
    });
    await events.record({
      action: input.flagged ? 'organization.dishonesty_flagged' : 'organization.dishonesty_cleared',
      entityType: 'organization',
      entityId: organizationId,
      fromState: before?.flagged ? 'dishonest' : 'clear',
      toState: input.flagged ? 'dishonest' : 'clear',
      reason: input.reason,
      data: { source: input.source, listedOn: input.listedOn ?? null },
    });
    return presentDishonestyFlag(row)!;
  });
}
