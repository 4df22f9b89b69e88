import { updateParticipant } from '@scenebridge/db';
import { consortiumMemberMachine, decide, type ConsortiumMemberState, type MembershipDecision } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadApplication } from './access.js';
import { applicationPolicy } from './policy.js';

/**
 * A consortium member's admin confirms or declines its organisation's place in a draft
 * application. A declined place no longer holds the organisation (it may join another
 * application of the challenge); the lead hears either answer.
 */
export async function decideMembership({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: MembershipDecision;
}) {
  const a = requireActor(actor);
  return inTransaction(services, a, async (tx, events) => {
    const now = services.now();
    const loaded = await loadApplication(tx, a, id, now, { forUpdate: true });
    applicationPolicy.authorize(a, 'decideMembership', loaded.access);
    const place = loaded.participants.find((p) => p.role === 'member' && p.organizationId === a.organizationId)!;
    const t = decide(consortiumMemberMachine, { from: place.status as ConsortiumMemberState, action: input.decision, actors: ['owner'] });
    await updateParticipant(tx, id, a.organizationId, {
      status: t.to,
      active: t.to !== 'declined',
      reason: input.reason?.trim() || null,
      decidedBy: a.userId,
      decidedAt: now,
    });
    await events.record({
      action: `application.member_${t.action}`,
      entityType: 'application',
      entityId: id,
      fromState: place.status,
      toState: t.to,
      reason: input.reason?.trim() || null,
      data: { organizationId: a.organizationId, place: 'consortium_member' },
      at: now,
    });
    return loadApplication(tx, a, id, now);
  });
}
