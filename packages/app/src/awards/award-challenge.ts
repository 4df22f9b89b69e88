/**
 * The challenge's 公示 became final (docs/challenges.md, "Award"): what it decided happens in the
 * same transaction, by the system. Each application still listed is awarded and gets its 中榜
 * row with the task agreement (任务书): amount = its quote, milestones copied from the
 * challenge's payment schedule and due on the dates the application planned. Every other
 * submitted or shortlisted application is not awarded. When objections revoked every proposal,
 * nothing is awarded: the challenge goes back to review. A challenge no longer in 公示 (it was
 * terminated meanwhile) is left as it is.
 */
import {
  findApplication,
  findChallenge,
  insertAward,
  insertAwardMilestones,
  listApplicationsForReview,
  listPublicityItems,
  nextAgreementNo,
  updateApplicationStatus,
  type ChallengeWithOrg,
  type PublicityRow,
  type Transaction,
} from '@scenebridge/db';
import {
  applicationMachine,
  decide,
  DomainError,
  milestoneAmounts,
  shanghaiDate,
  type ApplicationAction,
  type ApplicationState,
} from '@scenebridge/domain';
import { applyChallengeTransition } from '../challenges/index.js';
import type { TransactionEvents } from '../shared/index.js';
import { awardSourceNeed } from './award-source-need.js';

export const NOT_SELECTED_REASON = '未入选拟中榜单位';
export const ALL_REVOKED_REASON = '公示的拟中榜单位均因异议成立被撤销，重新评审';
const FINAL_REASON = '中榜公示期满，无待处理异议';

type Milestone = { name: string; percent: number; deliverables: string };

export async function awardChallenge(tx: Transaction, events: TransactionEvents, publicity: PublicityRow, now: Date): Promise<void> {
  const c = await findChallenge(tx, publicity.subjectId, { forUpdate: true });
  if (!c || c.status !== 'publicity') return;
  const listed = new Set((await listPublicityItems(tx, [publicity.id])).filter((i) => i.status === 'listed').map((i) => i.subjectItemId));
  const apps = await listApplicationsForReview(tx, c.id, ['submitted', 'shortlisted', 'proposed']);
  const winners = apps.filter((a) => a.status === 'proposed' && listed.has(a.id));
  if (winners.length === 0) {
    await applyChallengeTransition(tx, events, null, c, 'reopen_review', ALL_REVOKED_REASON, now);
    return;
  }
  for (const a of apps) {
    if (a.status === 'submitted' || a.status === 'shortlisted')
      await moveApplication(tx, events, a.id, a.status, 'not_award', NOT_SELECTED_REASON);
  }
  const year = Number(shanghaiDate(now).slice(0, 4));
  for (const w of winners) {
    await moveApplication(tx, events, w.id, 'proposed', 'award', null);
    await createAward(tx, events, c, w.id, publicity.id, year, now);
  }
  // After the awards exist: whoever hears of the challenge's award reads its winners.
  await applyChallengeTransition(tx, events, null, c, 'award', FINAL_REASON, now);
  await awardSourceNeed(tx, events, c, winners);
}

async function moveApplication(
  tx: Transaction,
  events: TransactionEvents,
  id: string,
  from: string,
  action: ApplicationAction,
  reason: string | null,
) {
  const t = decide(applicationMachine, { from: from as ApplicationState, action, actors: ['system'], reason: reason ?? undefined });
  const moved = await updateApplicationStatus(tx, id, from, t.to, { statusReason: reason });
  if (!moved) throw new DomainError('CONFLICT', '申报状态已变化，请稍后重试', 409);
  await events.record({
    action: `application.${t.action}`,
    entityType: 'application',
    entityId: id,
    fromState: from,
    toState: t.to,
    reason,
    data: { challengeId: moved.challengeId },
  });
}

async function createAward(
  tx: Transaction,
  events: TransactionEvents,
  c: ChallengeWithOrg,
  applicationId: string,
  publicityId: string,
  year: number,
  now: Date,
) {
  const app = (await findApplication(tx, applicationId))!;
  const award = await insertAward(tx, {
    challengeId: c.id,
    applicationId,
    organizationId: app.leadOrganizationId,
    publicityId,
    agreementNo: await nextAgreementNo(tx, year),
    amountFen: app.quoteFen,
    status: 'active',
    awardedAt: now,
  });
  const plan = c.milestones as Milestone[];
  const schedule = app.schedule as { plannedDate?: string }[];
  const amounts = milestoneAmounts(
    app.quoteFen,
    plan.map((m) => m.percent),
  );
  const milestones = await insertAwardMilestones(
    tx,
    plan.map((m, i) => ({
      awardId: award.id,
      seq: i + 1,
      name: m.name,
      deliverables: m.deliverables,
      percent: m.percent,
      amountFen: amounts[i]!,
      dueDate: schedule[i]?.plannedDate ?? null,
      // 赛马: every milestone but the last is a point where teams are assessed (and may drop out).
      checkpoint: c.mode === 'horse_race' && i < plan.length - 1,
      status: 'pending',
    })),
  );
  await events.record({
    action: 'award.created',
    entityType: 'award',
    entityId: award.id,
    toState: 'active',
    data: {
      challengeId: c.id,
      applicationId,
      organizationId: award.organizationId,
      organizationName: app.leadOrganizationName,
      agreementNo: award.agreementNo,
      amountFen: award.amountFen,
      publicityId,
      milestones: milestones.map((m) => ({
        seq: m.seq,
        percent: m.percent,
        amountFen: m.amountFen,
        dueDate: m.dueDate,
        checkpoint: m.checkpoint,
      })),
    },
  });
}
