/**
 * The other side accepts an interest (意向): the organisation owning the listing the interest
 * was expressed on (the need's when a supplier expressed it, the capability's when the demand
 * side did). The deal starts in `intent` (source interest). Idempotent: accepting again, or
 * two accepting at once, answers the same deal (unique interest_id).
 */
import { findDealByInterest, findInterestForDeal, type DealView } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { openDeal } from './open-deal.js';
import { presentDeal } from './present.js';

export async function acceptInterest({ services, actor, interestId }: { services: Services; actor: Actor; interestId: string }) {
  const found = await findInterestForDeal(services.db, interestId);
  if (!found) throw notFound('意向');
  const i = found.interest;
  const recipientOrg = i.fromSide === 'capability' ? found.needOrganizationId : found.capabilityOrganizationId;
  const own = isOrgUser(actor) ? actor.organizationId : null;
  if (own !== recipientOrg) {
    // The side that expressed it (and operators, brokers) may see it, but only the recipient accepts.
    const sees = own === i.fromOrganizationId || isOperator(actor) || actor.roles.includes('broker');
    if (!sees) throw notFound('意向');
    throw new DomainError('INTEREST_NOT_RECIPIENT', '只有收到意向的一方可以接受意向', 403);
  }
  if (found.needOrganizationId === found.capabilityOrganizationId) {
    throw new DomainError('SAME_ORGANIZATION', '需求和能力属于同一机构', 409);
  }
  const existing = await findDealByInterest(services.db, interestId);
  if (existing) return { deal: presentDeal(existing, actor), created: false };

  return inTransaction(services, actor, async (tx, events) => {
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
