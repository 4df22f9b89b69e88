/**
 * The recipient declines an interest (婉拒, interestMachine open → declined) with a reason the
 * sender's users are told (notification and email, by the subscriber). Declining again answers
 * the same result; an accepted interest (it has a deal) cannot be declined: the deal is ended
 * with its own `decline` instead.
 */
import { decideInterest } from '@scenebridge/db';
import { decide, declineInterestSchema, interestMachine, type DeclineInterestInput, type InterestState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { loadInterestForRecipient } from './interest-recipient.js';

export interface InterestDeclined {
  needId: string;
  capabilityId: string;
  fromOrganizationId: string;
  fromSide: string;
  needTitle: string;
  capabilityTitle: string;
}

export async function declineInterest({
  services,
  actor,
  interestId,
  input,
}: {
  services: Services;
  actor: Actor;
  interestId: string;
  input: DeclineInterestInput;
}) {
  const body = declineInterestSchema.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const found = await loadInterestForRecipient(tx, actor, interestId, { forUpdate: true });
    const i = found.interest;
    const answer = (status: InterestState, reason: string | null, at: Date | null, changed: boolean) => ({
      id: i.id,
      status,
      declineReason: reason,
      decidedAt: at?.toISOString() ?? null,
      changed,
    });
    if (i.status === 'declined') return answer('declined', i.declineReason, i.decidedAt, false);
    const t = decide(interestMachine, { from: i.status as InterestState, action: 'decline', actors: ['owner'], reason: body.reason });
    const now = services.now();
    await decideInterest(tx, i.id, i.status, { status: t.to, declineReason: body.reason, decidedBy: actor.userId, decidedAt: now });
    const data: InterestDeclined = {
      needId: i.needId,
      capabilityId: i.capabilityId,
      fromOrganizationId: i.fromOrganizationId,
      fromSide: i.fromSide,
      needTitle: found.needTitle,
      capabilityTitle: found.capabilityTitle,
    };
    await events.record({
      action: 'interest.decline',
      entityType: 'interest',
      entityId: i.id,
      fromState: i.status,
      toState: t.to,
      reason: body.reason,
      data: { ...data },
    });
    return answer(t.to, body.reason, now, true);
  });
}
