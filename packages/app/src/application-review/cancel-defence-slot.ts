import { deactivateDefenceSlotApplications, findDefenceSlot, listDefenceSlotsOfChallenge, updateDefenceSlot } from '@scenebridge/db';
import { decide, defenceSlotMachine, DomainError, notFound, type DefenceSlotState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { presentSlot } from './defence-rules.js';
import { challengeUnderReview } from './rules.js';

/** The operator cancels a scheduled slot with a reason; its applications may be scheduled again. */
export async function cancelDefenceSlot({
  services,
  actor,
  challengeId,
  slotId,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  slotId: string;
  reason: string;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    await challengeUnderReview(tx, actor, challengeId);
    const slot = await findDefenceSlot(tx, slotId, { forUpdate: true });
    if (!slot || slot.challengeId !== challengeId) throw notFound('答辩场次');
    const t = decide(defenceSlotMachine, { from: slot.status as DefenceSlotState, action: 'cancel', actors: ['operator'], reason });
    const moved = await updateDefenceSlot(tx, slotId, slot.status, { status: t.to, cancelReason: reason.trim() });
    if (!moved) throw new DomainError('CONFLICT', '数据已被他人修改，请刷新后重试', 409);
    await deactivateDefenceSlotApplications(tx, slotId);
    const view = presentSlot((await listDefenceSlotsOfChallenge(tx, challengeId)).find((s) => s.id === slotId)!);
    await events.record({
      action: 'defence.cancelled',
      entityType: 'defence_slot',
      entityId: slotId,
      fromState: slot.status,
      toState: t.to,
      reason: reason.trim(),
      data: { challengeId, applicationIds: view.applications.map((a) => a.id) },
    });
    return view;
  });
}
