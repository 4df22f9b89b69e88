/**
 * A broker or an operator proposes a deal (`suggested`, source manual) for a published need and
 * an offer: a capability listing (its organisation is the supply side) or a supplier
 * organisation. A broker who proposes it holds it; an operator may name a broker.
 */
import { findDeal, findDealOfPair, findOrganization, findSubmission, listBrokers, type DealView } from '@scenebridge/db';
import { createDealSchema, DomainError, notFound, type CreateDealInput } from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { openDeal } from './open-deal.js';
import { authorizeDealCreation, isBroker } from './policy.js';
import { presentDeal } from './present.js';

/** Listings a deal may be about: live on the platform. */
/** A deal is made only on listings still on offer: published, or already in matching (对接中). */
const LIVE = new Set(['published', 'matching']);
export const isListingOpenForDeals = (status: string): boolean => LIVE.has(status);

export async function createDeal({ services, actor, input }: { services: Services; actor: Actor; input: CreateDealInput }) {
  authorizeDealCreation(actor);
  const body = createDealSchema.parse(input);
  const need = await findSubmission(services.db, body.needId);
  if (!need || need.submission.listType !== 'scenario_need' || !LIVE.has(need.submission.status)) throw notFound('需求');
  let supplyOrganizationId = body.supplyOrganizationId ?? null;
  let offerName: string;
  if (body.capabilityId) {
    const cap = await findSubmission(services.db, body.capabilityId);
    if (!cap || cap.submission.listType !== 'capability' || !LIVE.has(cap.submission.status)) throw notFound('能力');
    if (supplyOrganizationId && supplyOrganizationId !== cap.submission.organizationId) {
      throw new DomainError('INVALID_PAIR', '供给方机构与能力的发布机构不一致', 400);
    }
    supplyOrganizationId = cap.submission.organizationId;
    offerName = cap.submission.title;
    if (await findDealOfPair(services.db, body.needId, body.capabilityId)) {
      throw new DomainError('DEAL_EXISTS', '该需求与能力之间已有对接项目', 409);
    }
  } else {
    const org = await findOrganization(services.db, supplyOrganizationId!);
    if (!org || org.status !== 'approved') throw notFound('供给方机构');
    offerName = org.name;
  }
  if (supplyOrganizationId === need.submission.organizationId) {
    throw new DomainError('SAME_ORGANIZATION', '需求方与供给方是同一机构', 409);
  }
  let brokerUserId: string | null = isBroker(actor) && !isOperator(actor) ? actor.userId : null;
  if (body.brokerUserId) {
    if (!isOperator(actor) && body.brokerUserId !== actor.userId) throw new DomainError('FORBIDDEN', '只有运营方可以指派技术经理人', 403);
    if ((await listBrokers(services.db, { userId: body.brokerUserId })).length === 0) {
      throw new DomainError('NOT_A_BROKER', '所选用户不是技术经理人', 400);
    }
    brokerUserId = body.brokerUserId;
  }
  return inTransaction(services, actor, async (tx, events) => {
    const row = await openDeal(tx, events, services, {
      source: 'manual',
      status: 'suggested',
      title: body.title ?? `${need.submission.title} × ${offerName}`.slice(0, 200),
      needId: body.needId,
      capabilityId: body.capabilityId ?? null,
      demandOrganizationId: need.submission.organizationId,
      supplyOrganizationId: supplyOrganizationId!,
      brokerUserId,
      expectedAmountFen: body.expectedAmountFen ?? null,
      createdBy: actor.userId,
    });
    return { deal: presentDeal((await findDeal(tx, row!.id)) as DealView, actor), created: true };
  });
}
