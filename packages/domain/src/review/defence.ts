import { defineMachine } from '../state-machine.js';

/**
 * 答辩/路演 slots of a challenge under review. A slot is scheduled, may be changed while
 * scheduled, and cancelled with a reason; a cancelled slot is kept (people were told of it).
 */
export const DEFENCE_SLOT_STATES = ['scheduled', 'cancelled'] as const;
export type DefenceSlotState = (typeof DEFENCE_SLOT_STATES)[number];
export const defenceSlotMachine = defineMachine({
  name: 'defence_slot',
  states: DEFENCE_SLOT_STATES,
  transitions: [
    { action: 'reschedule', from: ['scheduled'], to: 'scheduled', by: ['operator'] },
    { action: 'cancel', from: ['scheduled'], to: 'cancelled', by: ['operator'], reasonRequired: true },
  ],
});
export type DefenceSlotAction = (typeof defenceSlotMachine.transitions)[number]['action'];

export interface SlotPlan {
  /** Absent for a new slot. */
  id?: string;
  startsAt: Date;
  endsAt: Date;
  /** The room; null for an online slot (its link is not a room: online slots never collide). */
  room: string | null;
  applicationIds: readonly string[];
}
export interface LiveSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  applicationIds: readonly string[];
}

export type SlotProblem =
  | { code: 'DEFENCE_SLOT_TIME_INVALID'; message: string }
  | { code: 'DEFENCE_SLOT_IN_PAST'; message: string }
  | { code: 'DEFENCE_SLOT_APPLICATION_TAKEN'; message: string; applicationId: string; slotId: string }
  | { code: 'DEFENCE_SLOT_ROOM_TAKEN'; message: string; slotId: string };

/** Rooms compare without case or surrounding and repeated blanks: "A-301 " and "a-301" are one room. */
export const roomKey = (room: string | null): string | null => (room === null ? null : room.trim().replace(/\s+/g, ' ').toLowerCase());

/**
 * Why a slot cannot be planned like this, or null: the end after the start, the start in the
 * future, each application in at most one live slot, no two live slots overlapping in one room
 * (touching ends do not overlap). `others` are the challenge's live slots; the slot itself is
 * left out by id.
 */
export function checkSlot(plan: SlotPlan, others: readonly LiveSlot[], now: Date): SlotProblem | null {
  if (!(plan.endsAt.getTime() > plan.startsAt.getTime())) {
    return { code: 'DEFENCE_SLOT_TIME_INVALID', message: '结束时间须晚于开始时间' };
  }
  if (plan.startsAt.getTime() <= now.getTime()) return { code: 'DEFENCE_SLOT_IN_PAST', message: '答辩开始时间须晚于当前时间' };
  const rest = others.filter((o) => o.id !== plan.id);
  for (const applicationId of plan.applicationIds) {
    const taken = rest.find((o) => o.applicationIds.includes(applicationId));
    if (taken) {
      return {
        code: 'DEFENCE_SLOT_APPLICATION_TAKEN',
        message: '该申报已安排在另一场答辩中，请先调整原场次',
        applicationId,
        slotId: taken.id,
      };
    }
  }
  const room = roomKey(plan.room);
  if (room !== null) {
    const clash = rest.find(
      (o) => roomKey(o.room) === room && o.startsAt.getTime() < plan.endsAt.getTime() && plan.startsAt.getTime() < o.endsAt.getTime(),
    );
    if (clash) return { code: 'DEFENCE_SLOT_ROOM_TAKEN', message: '该会议室在此时间段已安排其他答辩', slotId: clash.id };
  }
  return null;
}
