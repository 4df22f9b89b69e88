/**
 * The recipient accepts an interest (interestMachine open → accepted): the deal starts in
 * `intent` (source interest). Idempotent: accepting again, or two accepting at once, answers the
 * same deal (unique interest_id). A declined interest cannot be accepted afterwards.
 */
import { decideInterest, findDealByInterest, type DealView } from '@scenebridge/db';
import { decide, DomainError, interestMachine, type InterestState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { loadInterestForRecipient } from './interest-recipient.js';
import { openDeal } from './open-deal.js';
import { presentDeal } from './present.js';

export async function acceptInterest({ services, actor, interestId }: { services: Services; actor: Actor; interestId: string }) {
  const first = await loadInterestForRecipient(services.db, actor, interestId);
  if (first.needOrganizationId === first.capabilityOrganizationId) {
    throw new DomainError('SAME_ORGANIZATION', '需求和能力属于同一机构', 409);
  }
  const existing = await findDealByInterest(services.db, interestId);
  if (existing) return { deal: presentDeal(existing, actor), created: false };

  return inTransaction(services, actor, async (tx, events) => {
    const found = await loadInterestForRecipient(tx, actor, interestId, { forUpdate: true });
    const i = found.interest;
    const already = await findDealByInterest(tx, interestId);
    if (already) return { deal: presentDeal(already, actor), created: false };
    const t = decide(interestMachine, { from: i.status as InterestState, action: 'accept', actors: ['owner'] });
    const now = services.now();
    await decideInterest(tx, i.id, i.status, { status: t.to, decidedBy: actor.userId, decidedAt: now });
    await events.record({ action: 'interest.accept', entityType: 'interest', entityId: i.id, fromState: i.status, toState: t.to });
    const row = await openDeal(tx, events, services, {
      source: 'interest',
      status: 'intent',
      title: `${found.needTitle} × ${found.capabilityTitle}`.slice(0, 200),
      needId: i.needId,
      capabilityId: i.capabilityId,
      demandOrganizationId: found.needOrganizationId,
      supplyOrganizationId: found.capabilityOrganizationId,
      interestId: i.id,
      createdBy: actor.userId,
    });
    const view = (await findDealByInterest(tx, interestId)) as DealView;
    return { deal: presentDeal(view, actor), created: !!row };
  });
}
