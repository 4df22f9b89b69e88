/** What creating and changing a defence slot share: the plan's checks against the challenge's live slots. */
import { listApplicationsForReview, listDefenceSlotsOfChallenge, type DefenceSlotRow, type Executor } from '@scenebridge/db';
import { checkSlot, DomainError, notFound } from '@scenebridge/domain';

export interface SlotInput {
  startsAt: string;
  endsAt: string;
  room?: string | null;
  onlineLink?: string | null;
  note?: string | null;
  applicationIds: string[];
}

/** Applications that may be heard: those still in the running. */
const HEARD_STATES = ['submitted', 'shortlisted', 'proposed'];

/** Normalises and checks a plan; throws the first problem. The caller holds the challenge row FOR UPDATE. */
export async function checkedPlan(tx: Executor, challengeId: string, input: SlotInput, now: Date, slotId?: string) {
  const room = input.room?.trim() || null;
  const onlineLink = input.onlineLink?.trim() || null;
  if (!room && !onlineLink) throw new DomainError('DEFENCE_SLOT_PLACE_REQUIRED', '请填写答辩地点或线上会议链接', 400);
  const applicationIds = [...new Set(input.applicationIds)];
  const heard = new Set((await listApplicationsForReview(tx, challengeId, HEARD_STATES)).map((a) => a.id));
  const unknown = applicationIds.filter((id) => !heard.has(id));
  if (unknown.length) throw notFound('评审中的申报');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const live = (await listDefenceSlotsOfChallenge(tx, challengeId))
    .filter((s) => s.status === 'scheduled')
    .map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      room: s.room,
      applicationIds: s.applications.map((a) => a.applicationId),
    }));
  const problem = checkSlot({ ...(slotId ? { id: slotId } : {}), startsAt, endsAt, room, applicationIds }, live, now);
  if (problem) {
    const { code, message, ...details } = problem;
    const status = code === 'DEFENCE_SLOT_APPLICATION_TAKEN' || code === 'DEFENCE_SLOT_ROOM_TAKEN' ? 409 : 400;
    throw new DomainError(code, message, status, details);
  }
  return { startsAt, endsAt, room, onlineLink, note: input.note?.trim() || null, applicationIds };
}

export function presentSlot(s: DefenceSlotRow & { applications: { applicationId: string; leadOrganizationName: string }[] }) {
  return {
    id: s.id,
    challengeId: s.challengeId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    room: s.room,
    onlineLink: s.onlineLink,
    note: s.note,
    status: s.status as 'scheduled' | 'cancelled',
    cancelReason: s.cancelReason,
    applications: s.applications.map((a) => ({ id: a.applicationId, leadOrganizationName: a.leadOrganizationName })),
  };
}
