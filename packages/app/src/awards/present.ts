import {
  listAcceptorsOfMilestones,
  listMilestonesOfAwards,
  listPaymentsOfAward,
  type AcceptorWithName,
  type AwardListRow,
  type AwardMilestoneRow,
  type Executor,
} from '@scenebridge/db';
import { isMilestonePassed } from '@scenebridge/domain';
import type { AcceptanceTask, AwardDetail, AwardSummary, MilestoneDto } from '@scenebridge/contract/awards';
import type { Actor } from '../context.js';
import type { LoadedAward } from './access.js';
import { awardPolicy } from './policy.js';
import { canDeliverMilestone } from './rules.js';

export const awardSummaryView = (a: AwardListRow): AwardSummary => ({
  id: a.id,
  agreementNo: a.agreementNo,
  challengeId: a.challengeId,
  challengeTitle: a.challengeTitle,
  challengeMode: a.challengeMode,
  organizationId: a.organizationId,
  organizationName: a.organizationName,
  status: a.status as AwardSummary['status'],
  statusReason: a.statusReason,
  amountFen: a.amountFen,
  paidFen: a.paidFen,
  awardedAt: a.awardedAt.toISOString(),
  agreementStartedAt: a.agreementStartedAt?.toISOString() ?? null,
  closedAt: a.closedAt?.toISOString() ?? null,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

function milestoneView(
  actor: Actor | null,
  { access }: LoadedAward,
  m: AwardMilestoneRow,
  all: readonly AwardMilestoneRow[],
  acceptors: readonly AcceptorWithName[],
  paidFen: number,
): MilestoneDto {
  const current = acceptors.filter((x) => x.round === m.round);
  const mine = current.find((x) => x.userId === actor?.userId && x.role === 'expert');
  const ownerRecorded = current.some((x) => x.role === 'owner');
  const active = access.status === 'active';
  const submitted = active && m.status === 'submitted';
  return {
    id: m.id,
    seq: m.seq,
    name: m.name,
    deliverables: m.deliverables,
    percent: m.percent,
    amountFen: m.amountFen,
    paidFen,
    dueDate: m.dueDate,
    checkpoint: m.checkpoint,
    status: m.status as MilestoneDto['status'],
    statusReason: m.statusReason,
    round: m.round,
    deliveryNote: m.deliveryNote,
    deliveryFiles: (m.deliveryFiles as MilestoneDto['deliveryFiles']) ?? [],
    deliveredAt: iso(m.deliveredAt),
    decidedAt: iso(m.decidedAt),
    conditions: m.conditions,
    meanScore: m.meanScore === null ? null : Number(m.meanScore),
    acceptors: acceptors.map((x) => ({
      id: x.id,
      round: x.round,
      userId: x.userId,
      displayName: x.displayName,
      role: x.role as 'owner' | 'expert',
      verdict: x.verdict as MilestoneDto['acceptors'][number]['verdict'],
      score: x.score === null ? null : Number(x.score),
      opinion: x.opinion,
      recordedAt: iso(x.recordedAt),
    })),
    canDeliver: active && awardPolicy.allow(actor, 'deliver', access) && canDeliverMilestone(m, all),
    canAssignAcceptors: submitted && awardPolicy.allow(actor, 'assignAcceptors', access),
    canRecordOpinion:
      submitted && ((awardPolicy.allow(actor, 'recordOwnerOpinion', access) && !ownerRecorded) || (!!mine && mine.verdict === null)),
    canPay: isMilestonePassed(m.status) && paidFen < m.amountFen && awardPolicy.allow(actor, 'pay', access),
  };
}

export async function awardDetailView(db: Executor, actor: Actor | null, loaded: LoadedAward): Promise<AwardDetail> {
  const { award } = loaded;
  const milestones = await listMilestonesOfAwards(db, [award.id]);
  const acceptors = await listAcceptorsOfMilestones(
    db,
    milestones.map((m) => m.id),
  );
  const payments = await listPaymentsOfAward(db, award.id);
  const paidOf = (id: string) => payments.filter((p) => p.milestoneId === id).reduce((s, p) => s + p.amountFen, 0);
  return {
    ...awardSummaryView(award),
    applicationId: award.applicationId,
    acceptanceReport: award.acceptanceReport,
    milestones: milestones.map((m) =>
      milestoneView(
        actor,
        loaded,
        m,
        milestones,
        acceptors.filter((x) => x.milestoneId === m.id),
        paidOf(m.id),
      ),
    ),
    payments: payments.map((p) => ({
      id: p.id,
      milestoneId: p.milestoneId,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      reference: p.reference,
      requestKey: p.requestKey,
      recordedByName: p.recordedByName,
      createdAt: p.createdAt.toISOString(),
    })),
    allowedActions: awardActions(actor, loaded),
  };
}

export type ExpertTaskRow = Omit<AcceptanceTask, 'open' | 'verdict' | 'milestoneStatus' | 'recordedAt'> & {
  verdict: string | null;
  milestoneStatus: string;
  milestoneRound: number;
  recordedAt: Date | null;
};

export const acceptanceTaskView = (t: ExpertTaskRow): AcceptanceTask => ({
  acceptorId: t.acceptorId,
  round: t.round,
  verdict: t.verdict as AcceptanceTask['verdict'],
  recordedAt: iso(t.recordedAt),
  milestoneId: t.milestoneId,
  milestoneName: t.milestoneName,
  milestoneSeq: t.milestoneSeq,
  milestoneStatus: t.milestoneStatus as AcceptanceTask['milestoneStatus'],
  open: t.verdict === null && t.milestoneStatus === 'submitted' && t.milestoneRound === t.round,
  awardId: t.awardId,
  agreementNo: t.agreementNo,
  organizationName: t.organizationName,
  challengeTitle: t.challengeTitle,
});

/** What the detail page offers at the award level: the policy's who, narrowed by the state. */
function awardActions(actor: Actor | null, { award, access }: LoadedAward): AwardDetail['allowedActions'] {
  const active = award.status === 'active';
  return awardPolicy.allowedActions(actor, access).filter((x): x is AwardDetail['allowedActions'][number] => {
    if (x === 'view') return false;
    if (x === 'pay') return true;
    if (x === 'start') return active && !award.agreementStartedAt;
    if (x === 'eliminate') return active && award.challengeMode === 'horse_race';
    return active;
  });
}
