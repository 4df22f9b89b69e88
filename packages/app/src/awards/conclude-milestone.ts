import {
  findAward,
  findMilestone,
  listAcceptorsOfMilestones,
  listMilestonesOfAwards,
  updateAwardStatus,
  updateMilestone,
  type AwardMilestoneRow,
  type Transaction,
} from '@scenebridge/db';
import { ACCEPTANCE_VERDICT_LABELS, MILESTONE_STATE_LABELS } from '@scenebridge/contract/awards/labels';
import {
  acceptanceOutcome,
  awardMachine,
  decide,
  DomainError,
  isMilestonePassed,
  milestoneMachine,
  type AcceptanceVerdict,
} from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';
import { closeChallengeIfDone } from './follow-ons.js';

const SYSTEM = { userId: null, label: 'system' } as const;
const ACTION = { passed: 'pass', passed_with_conditions: 'pass_with_conditions', failed: 'fail' } as const;

/**
 * Once the owner and every assigned expert (at least one) have recorded in the current round, the
 * system concludes the milestone with acceptanceOutcome; when that passes the last milestone the
 * award completes with its acceptance report, which may close the challenge and accept the need.
 */
export async function concludeIfComplete(tx: Transaction, events: TransactionEvents, now: Date, awardId: string, milestoneId: string) {
  const m = (await findMilestone(tx, milestoneId))!;
  const round = (await listAcceptorsOfMilestones(tx, [m.id])).filter((x) => x.round === m.round);
  const experts = round.filter((x) => x.role === 'expert');
  if (!round.some((x) => x.role === 'owner') || experts.length === 0 || round.some((x) => x.verdict === null)) return;
  const r = acceptanceOutcome(
    round.map((x) => ({ verdict: x.verdict as AcceptanceVerdict, score: Number(x.score), opinion: x.opinion ?? '' })),
  );
  const t = decide(milestoneMachine, { from: 'submitted', action: ACTION[r.outcome], actors: ['system'], reason: r.reason ?? undefined });
  const moved = await updateMilestone(tx, m.id, 'submitted', {
    status: t.to,
    statusReason: r.outcome === 'failed' ? r.reason : null,
    conditions: r.outcome === 'passed_with_conditions' ? r.reason : null,
    meanScore: r.meanScore,
    decidedAt: now,
  });
  if (!moved) throw new DomainError('CONFLICT', '里程碑状态已变化，请刷新后重试', 409);
  await events.record({
    action: `milestone.${t.action}`,
    entityType: 'award_milestone',
    entityId: m.id,
    fromState: 'submitted',
    toState: t.to,
    reason: r.reason,
    data: {
      awardId,
      round: m.round,
      meanScore: r.meanScore,
      opinions: round.map((x) => ({ role: x.role, userId: x.userId, verdict: x.verdict, score: Number(x.score), opinion: x.opinion })),
    },
    actedBy: SYSTEM,
  });
  if (isMilestonePassed(t.to)) await completeIfAllPassed(tx, events, now, awardId);
}

async function completeIfAllPassed(tx: Transaction, events: TransactionEvents, now: Date, awardId: string) {
  const milestones = await listMilestonesOfAwards(tx, [awardId]);
  if (!milestones.every((m) => isMilestonePassed(m.status))) return;
  const award = (await findAward(tx, awardId))!;
  const t = decide(awardMachine, { from: 'active', action: 'complete', actors: ['system'] });
  const report = acceptanceReport(award.agreementNo, award.organizationName, milestones);
  const moved = await updateAwardStatus(tx, awardId, 'active', t.to, { closedAt: now, acceptanceReport: report, statusReason: null });
  if (!moved) throw new DomainError('CONFLICT', '任务书状态已变化，请刷新后重试', 409);
  await events.record({
    action: 'award.complete',
    entityType: 'award',
    entityId: awardId,
    fromState: 'active',
    toState: t.to,
    reason: '全部里程碑验收通过',
    data: { report },
    actedBy: SYSTEM,
  });
  await closeChallengeIfDone(tx, events, award.challengeId, null);
}

/** 验收报告: one line per milestone with its conclusion, mean score and conditions. */
export function acceptanceReport(agreementNo: string, organizationName: string, milestones: readonly AwardMilestoneRow[]): string {
  const lines = milestones.map((m) => {
    const score = m.meanScore === null ? '' : `，平均分${Number(m.meanScore)}`;
    const conditions = m.conditions ? `，条件：${m.conditions}` : '';
    return `${m.seq}. ${m.name}：${MILESTONE_STATE_LABELS[m.status as keyof typeof MILESTONE_STATE_LABELS]}（第${m.round}轮${score}${conditions}）`;
  });
  return [
    `任务书${agreementNo}（${organizationName}）验收报告`,
    ...lines,
    `结论：全部${milestones.length}个里程碑${ACCEPTANCE_VERDICT_LABELS.pass}验收。`,
  ].join('\n');
}
