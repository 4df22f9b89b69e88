/**
 * A follow-up on a deal (电话 会面 走访 文件 备注): a note, when it happened, links, and an optional
 * next step with its due date. Logging sets last_activity_at and wakes a dormant deal
 * (dealActivityMachine wake, audited as `deal.wake`). Not version-checked: two people may log at
 * once; the deal row is locked while it is updated. Marking a next step done closes it.
 */
import {
  findDeal,
  findDealActivity,
  insertDealActivity,
  listDealActivities,
  markNextStepDone,
  updateDeal,
  type DealView,
} from '@scenebridge/db';
import {
  dealActivityMachine,
  decide,
  DomainError,
  isDealOpen,
  logDealActivitySchema,
  notFound,
  type LogDealActivityInput,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { dealConflict, loadDeal } from './access.js';
import { dealMachineActors, dealPolicy } from './policy.js';
import { presentActivity, presentDeal } from './present.js';

export async function logDealActivity({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor;
  id: string;
  input: LogDealActivityInput;
}) {
  const body = logDealActivitySchema.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    if (!isDealOpen(d.status)) throw new DomainError('DEAL_CLOSED', '对接项目已签约或终止，不能再记录跟进', 409);
    dealPolicy.authorize(actor, 'logActivity', d);
    const now = services.now();
    const a = await insertDealActivity(tx, {
      dealId: d.id,
      kind: body.kind,
      note: body.note,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : now,
      links: body.links,
      nextStep: body.nextStep ?? null,
      nextStepDueOn: body.nextStepDueOn ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
    const woke = d.activity === 'dormant';
    const patch: Parameters<typeof updateDeal>[3] = { lastActivityAt: now, updatedAt: now };
    if (woke) {
      const w = decide(dealActivityMachine, { from: 'dormant', action: 'wake', actors: dealMachineActors(actor, d) });
      patch.activity = w.to;
      patch.dormantSince = null;
    }
    if (!(await updateDeal(tx, d.id, d.version, patch))) throw dealConflict();
    await events.record({
      action: 'deal.activity_logged',
      entityType: 'deal',
      entityId: d.id,
      data: { code: d.code, activityId: a.id, kind: a.kind, nextStep: a.nextStep, nextStepDueOn: a.nextStepDueOn },
    });
    if (woke) {
      await events.record({
        action: 'deal.wake',
        entityType: 'deal',
        entityId: d.id,
        fromState: 'dormant',
        toState: 'active',
        data: { cause: 'deal.activity_logged', activityId: a.id },
      });
    }
    const view = (await findDeal(tx, d.id)) as DealView;
    const logged = (await listDealActivities(tx, d.id)).find((x) => x.id === a.id)!;
    return { deal: presentDeal(view, actor), activity: presentActivity(logged, view, actor, now) };
  });
}

export async function completeNextStep({
  services,
  actor,
  id,
  activityId,
}: {
  services: Services;
  actor: Actor;
  id: string;
  activityId: string;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    const d = await loadDeal(tx, actor, id, { forUpdate: true });
    const a = await findDealActivity(tx, activityId);
    if (!a || a.dealId !== d.id || !a.nextStep) throw notFound('跟进事项');
    dealPolicy.authorize(actor, 'logActivity', d);
    const now = services.now();
    const done = await markNextStepDone(tx, a.id, now);
    if (done) {
      await events.record({
        action: 'deal.next_step_done',
        entityType: 'deal',
        entityId: d.id,
        data: { code: d.code, activityId: a.id, nextStep: a.nextStep },
      });
    }
    const logged = (await listDealActivities(tx, d.id)).find((x) => x.id === a.id)!;
    return presentActivity(logged, d, actor, now);
  });
}
