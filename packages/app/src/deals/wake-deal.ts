/** Wakes a dormant deal without logging a follow-up (dealActivityMachine wake, audited). */
import { findDeal, updateDeal, type DealView } from '@scenebridge/db';
import { dealActivityMachine, decide, DomainError, isDealOpen, type DealActivityState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { assertVersion, dealConflict, loadDeal } from './access.js';
import { dealMachineActors, dealPolicy } from './policy.js';
import { presentDeal } from './present.js';

export async function wakeDeal({ services, actor, id, version }: { services: Services; actor: Actor; id: string; version: number }) {
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    dealPolicy.authorize(actor, 'logActivity', d);
    if (!isDealOpen(d.status)) throw new DomainError('DEAL_CLOSED', '对接项目已签约或终止', 409);
    const t = decide(dealActivityMachine, { from: d.activity as DealActivityState, action: 'wake', actors: dealMachineActors(actor, d) });
    assertVersion(d, version);
    const now = services.now();
    if (!(await updateDeal(tx, d.id, d.version, { activity: t.to, dormantSince: null, lastActivityAt: now, updatedAt: now }))) {
      throw dealConflict();
    }
    await events.record({
      action: 'deal.wake',
      entityType: 'deal',
      entityId: d.id,
      fromState: d.activity,
      toState: t.to,
      data: { code: d.code },
    });
    return presentDeal((await findDeal(tx, d.id)) as DealView, actor);
  });
}
