/** The parties, the broker or the operator record the deal's expected amount (分), or clear it. */
import { findDeal, updateDeal, type DealView } from '@scenebridge/db';
import { dealAmountSchema, DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { assertVersion, dealConflict, loadDeal } from './access.js';
import { dealPolicy } from './policy.js';
import { presentDeal } from './present.js';

export async function updateDealAmount({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor;
  id: string;
  input: { expectedAmountFen: number | null; version: number };
}) {
  const body = dealAmountSchema.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    if (d.status === 'declined') throw new DomainError('DEAL_CLOSED', '对接项目已终止，不能修改金额', 409);
    dealPolicy.authorize(actor, 'editAmount', d);
    assertVersion(d, body.version);
    if (!(await updateDeal(tx, d.id, d.version, { expectedAmountFen: body.expectedAmountFen, updatedAt: services.now() }))) {
      throw dealConflict();
    }
    await events.record({
      action: 'deal.amount_changed',
      entityType: 'deal',
      entityId: d.id,
      data: { code: d.code, from: d.expectedAmountFen, to: body.expectedAmountFen },
    });
    return presentDeal((await findDeal(tx, d.id)) as DealView, actor);
  });
}
