import {
  findChallenge,
  findDefenceSlot,
  listDefenceSlotsOfChallenge,
  setDefenceSlotApplications,
  updateDefenceSlot,
} from '@scenebridge/db';
import { decide, defenceSlotMachine, DomainError, notFound, type DefenceSlotState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { checkedPlan, presentSlot, type SlotInput } from './defence-rules.js';
import { challengeUnderReview } from './rules.js';

/** The operator changes a scheduled slot; those added, removed or kept all hear of it. */
export async function rescheduleDefenceSlot({
  services,
  actor,
  challengeId,
  slotId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  slotId: string;
  input: SlotInput;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    await challengeUnderReview(tx, actor, challengeId);
    await findChallenge(tx, challengeId, { forUpdate: true });
    const slot = await findDefenceSlot(tx, slotId, { forUpdate: true });
    if (!slot || slot.challengeId !== challengeId) throw notFound('答辩场次');
    const t = decide(defenceSlotMachine, { from: slot.status as DefenceSlotState, action: 'reschedule', actors: ['operator'] });
    const before = (await listDefenceSlotsOfChallenge(tx, challengeId))
      .find((s) => s.id === slotId)!
      .applications.map((a) => a.applicationId);
    const plan = await checkedPlan(tx, challengeId, input, services.now(), slotId);
    const moved = await updateDefenceSlot(tx, slotId, slot.status, {
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      room: plan.room,
      onlineLink: plan.onlineLink,
      note: plan.note,
      status: t.to,
    });
    if (!moved) throw new DomainError('CONFLICT', '数据已被他人修改，请刷新后重试', 409);
    await setDefenceSlotApplications(tx, slotId, plan.applicationIds, true);
    await events.record({
      action: 'defence.rescheduled',
      entityType: 'defence_slot',
      entityId: slotId,
      fromState: slot.status,
      toState: t.to,
      data: {
        challengeId,
        applicationIds: plan.applicationIds,
        removedApplicationIds: before.filter((id) => !plan.applicationIds.includes(id)),
        startsAt: plan.startsAt.toISOString(),
        endsAt: plan.endsAt.toISOString(),
      },
    });
    return presentSlot((await listDefenceSlotsOfChallenge(tx, challengeId)).find((s) => s.id === slotId)!);
  });
}
