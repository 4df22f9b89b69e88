/**
 * The operator assigns (or reassigns) a deal's broker; a broker claims an open deal nobody holds.
 * Audited as `deal.assign_broker` / `deal.claim`; the broker and the parties are told.
 */
import { findDeal, listBrokers, updateDeal, type DealView } from '@scenebridge/db';
import { DomainError, isDealOpen } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { assertVersion, dealConflict, loadDeal } from './access.js';
import { dealPolicy, isBroker } from './policy.js';
import { presentDeal } from './present.js';

export async function assignDealBroker({
  services,
  actor,
  id,
  brokerUserId,
  version,
}: {
  services: Services;
  actor: Actor;
  id: string;
  brokerUserId: string;
  version: number;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    if (!isDealOpen(d.status)) throw new DomainError('DEAL_CLOSED', '对接项目已签约或终止，不能再指派', 409);
    dealPolicy.authorize(actor, 'assignBroker', d);
    assertVersion(d, version);
    if ((await listBrokers(tx, { userId: brokerUserId })).length === 0)
      throw new DomainError('NOT_A_BROKER', '所选用户不是技术经理人', 400);
    const now = services.now();
    if (!(await updateDeal(tx, d.id, d.version, { brokerUserId, updatedAt: now }))) throw dealConflict();
    await events.record({
      action: 'deal.assign_broker',
      entityType: 'deal',
      entityId: d.id,
      data: { code: d.code, brokerUserId, previousBrokerUserId: d.brokerUserId },
    });
    return presentDeal((await findDeal(tx, d.id)) as DealView, actor);
  });
}

export async function claimDeal({ services, actor, id, version }: { services: Services; actor: Actor; id: string; version: number }) {
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    if (d.brokerUserId && isBroker(actor)) throw new DomainError('DEAL_ALREADY_CLAIMED', '该对接项目已有技术经理人', 409);
    if (!isDealOpen(d.status)) throw new DomainError('DEAL_CLOSED', '对接项目已签约或终止，不能认领', 409);
    dealPolicy.authorize(actor, 'claim', d);
    assertVersion(d, version);
    const now = services.now();
    const moved = await updateDeal(tx, d.id, d.version, { brokerUserId: actor.userId, updatedAt: now });
    if (!moved) throw dealConflict();
    await events.record({
      action: 'deal.claim',
      entityType: 'deal',
      entityId: d.id,
      data: { code: d.code, brokerUserId: actor.userId },
    });
    return presentDeal((await findDeal(tx, d.id)) as DealView, actor);
  });
}
