/**
 * A challenge's winners (GET /challenges/:id/awards): whoever may see the challenge sees who won,
 * the amount, the 任务书 number and its status; the milestones only the owner's users, the
 * winner's organisations (lead and confirmed members) and operators.
 */
import {
  confirmedMembersOfApplications,
  listAwardsOfChallenge,
  listMilestonesOfAwards,
  type AwardMilestoneRow,
  type AwardWithOrganization,
} from '@scenebridge/db';
import type { AwardState, MilestoneState } from '@scenebridge/domain';
import { getChallenge } from '../challenges/index.js';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import type { Executor } from '@scenebridge/db';

export type WinnerView = ReturnType<typeof presentWinner>;

export function presentWinner(a: AwardWithOrganization, memberNames: string[], milestones: AwardMilestoneRow[] | null) {
  return {
    id: a.id,
    applicationId: a.applicationId,
    organizationId: a.organizationId,
    organizationName: a.organizationName,
    memberNames,
    agreementNo: a.agreementNo,
    amountFen: a.amountFen,
    status: a.status as AwardState,
    awardedAt: a.awardedAt.toISOString(),
    milestones:
      milestones?.map((m) => ({
        seq: m.seq,
        name: m.name,
        deliverables: m.deliverables,
        percent: m.percent,
        amountFen: m.amountFen,
        dueDate: m.dueDate,
        checkpoint: m.checkpoint,
        status: m.status as MilestoneState,
      })) ?? null,
  };
}

/** Members' names per application, for naming each winner by its whole consortium. */
export async function membersByApplication(db: Executor, applicationIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  for (const m of await confirmedMembersOfApplications(db, applicationIds)) {
    out.set(m.applicationId, [...(out.get(m.applicationId) ?? []), { id: m.organizationId, name: m.organizationName }]);
  }
  return out;
}

export async function listChallengeWinners({
  services,
  actor,
  challengeId,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
}) {
  const c = await getChallenge({ services, actor, id: challengeId });
  const awards = await listAwardsOfChallenge(services.db, c.id);
  const members = await membersByApplication(
    services.db,
    awards.map((a) => a.applicationId),
  );
  const takesPart = (a: AwardWithOrganization) =>
    isOperator(actor) ||
    (isOrgUser(actor) &&
      [c.organizationId, a.organizationId, ...(members.get(a.applicationId) ?? []).map((m) => m.id)].includes(actor!.organizationId));
  const shown = awards.filter(takesPart).map((a) => a.id);
  const milestones = await listMilestonesOfAwards(services.db, shown);
  return {
    items: awards.map((a) =>
      presentWinner(
        a,
        (members.get(a.applicationId) ?? []).map((m) => m.name),
        shown.includes(a.id) ? milestones.filter((m) => m.awardId === a.id) : null,
      ),
    ),
  };
}
