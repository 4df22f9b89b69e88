import { findChallenge, insertDefenceSlot, listDefenceSlotsOfChallenge, setDefenceSlotApplications } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { checkedPlan, presentSlot, type SlotInput } from './defence-rules.js';
import { challengeUnderReview } from './rules.js';

/** The operator schedules a 答辩/路演 slot; everyone concerned hears of it (subscribers). */
export async function createDefenceSlot({
  services,
  actor,
  challengeId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  input: SlotInput;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    await challengeUnderReview(tx, actor, challengeId);
    // Slots of one challenge are planned one at a time, so two cannot take one room or application at once.
    await findChallenge(tx, challengeId, { forUpdate: true });
    const plan = await checkedPlan(tx, challengeId, input, services.now());
    const slot = await insertDefenceSlot(tx, {
      challengeId,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      room: plan.room,
      onlineLink: plan.onlineLink,
      note: plan.note,
      status: 'scheduled',
      createdBy: actor!.userId,
    });
    await setDefenceSlotApplications(tx, slot.id, plan.applicationIds, true);
    await events.record({
      action: 'defence.scheduled',
      entityType: 'defence_slot',
      entityId: slot.id,
      toState: 'scheduled',
      data: { challengeId, applicationIds: plan.applicationIds, startsAt: plan.startsAt.toISOString(), endsAt: plan.endsAt.toISOString() },
    });
    return presentSlot((await listDefenceSlotsOfChallenge(tx, challengeId)).find((s) => s.id === slot.id)!);
  });
}
