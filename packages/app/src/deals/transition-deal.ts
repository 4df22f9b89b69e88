/**
 * A stage move (express_intent, schedule_meeting, negotiate, sign, decline with a reason),
 * decided by dealMachine with the caller's roles in the deal: operator; owner (a user of the
 * demand or supply organisation); broker (only the assigned one). Optimistic: the caller sends
 * the version it saw. Each stage's timestamp is set when first reached. `sign` may record the
 * signed amount. A stage move is activity: it sets last_activity_at and wakes a dormant deal.
 */
import { findDeal, updateDeal, type DealView, type NewDeal } from '@scenebridge/db';
import {
  dealActivityMachine,
  dealMachine,
  dealTransitionSchema,
  decide,
  type DealState,
  type DealTransitionInput,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { assertVersion, dealConflict, loadDeal } from './access.js';
import { dealMachineActors, dealPolicy } from './policy.js';
import { presentDeal } from './present.js';

const STAMP: Partial<Record<DealState, keyof NewDeal>> = {
  intent: 'intentAt',
  meeting: 'meetingAt',
  negotiating: 'negotiatingAt',
  signed: 'signedAt',
  declined: 'declinedAt',
};

export async function transitionDeal({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor;
  id: string;
  input: DealTransitionInput;
}) {
  const body = dealTransitionSchema.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    dealPolicy.authorize(actor, 'act', d);
    const actors = dealMachineActors(actor, d);
    const t = decide(dealMachine, { from: d.status as DealState, action: body.action, actors, reason: body.reason });
    assertVersion(d, body.version);
    const now = services.now();
    const patch: Partial<NewDeal> = {
      status: t.to,
      statusReason: t.to === 'declined' ? body.reason!.trim() : null,
      lastActivityAt: now,
      updatedAt: now,
    };
    const stamp = STAMP[t.to];
    if (stamp && !(d as unknown as Record<string, unknown>)[stamp]) (patch as Record<string, unknown>)[stamp] = now;
    if (body.action === 'sign' && body.expectedAmountFen !== undefined) patch.expectedAmountFen = body.expectedAmountFen;
    const woke = d.activity === 'dormant';
    if (woke) {
      const w = decide(dealActivityMachine, { from: 'dormant', action: 'wake', actors: [...actors, 'system'] });
      patch.activity = w.to;
      patch.dormantSince = null;
    }
    if (!(await updateDeal(tx, d.id, d.version, patch))) throw dealConflict();
    await events.record({
      action: `deal.${t.action}`,
      entityType: 'deal',
      entityId: d.id,
      fromState: d.status,
      toState: t.to,
      reason: t.to === 'declined' ? patch.statusReason : null,
      data: {
        code: d.code,
        ...(patch.expectedAmountFen !== undefined ? { expectedAmountFen: patch.expectedAmountFen } : {}),
      },
    });
    if (woke) {
      await events.record({
        action: 'deal.wake',
        entityType: 'deal',
        entityId: d.id,
        fromState: 'dormant',
        toState: 'active',
        data: { cause: `deal.${t.action}` },
      });
    }
    return presentDeal((await findDeal(tx, d.id)) as DealView, actor);
  });
}
