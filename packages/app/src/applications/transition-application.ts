import {
  deactivateParticipants,
  findChallenge,
  listApplicationsForReview,
  listPublicitiesOfSubject,
  lockOrganization,
  updateApplicationStatus,
  type ApplicationWithRefs,
  type Executor,
} from '@scenebridge/db';
import {
  applicationMachine,
  decide,
  DomainError,
  type ApplicationAction,
  type ApplicationState,
  type EligibilityRules,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { evaluateEligibility } from '../eligibility/index.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadApplication } from './access.js';
import { challengeAcceptingApplications, checkAgainstChallenge, deadlinePassed } from './content.js';
import { applicationMachineActors } from './policy.js';

/**
 * submit / withdraw (the lead), shortlist / propose / unpropose / not_award (operator), through the machine.
 * Shortlist, propose and unpropose pass the review's guards first (checkDecisionGuards below).
 *
 * Submit: every consortium member confirmed, the lead eligible by the challenge's rules (or
 * allowed by an operator's override), the quote and schedule still fitting the challenge, and the
 * challenge open with its deadline ahead of the server's clock — read with the challenge row held
 * FOR SHARE, so the clock cannot close it (nor the owner move the deadline) between the check
 * and the commit. Submitting a submitted application answers it as it is (idempotent).
 * Withdraw: before the deadline (a draft any time).
 */
export async function transitionApplication({
  services,
  actor,
  id,
  action,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  action: string;
  reason?: string;
}) {
  const a = requireActor(actor);
  return inTransaction(services, a, async (tx, events) => {
    const now = services.now();
    const loaded = await loadApplication(tx, a, id, now, { forUpdate: true });
    const { app, participants, access } = loaded;
    const actors = applicationMachineActors(a, access);
    if (action === 'submit' && app.status === 'submitted' && actors.includes('owner')) return loaded;
    if (action === 'award' || action === 'revoke_proposal') {
      throw new DomainError('ILLEGAL_TRANSITION', '中榜须经公示确定，撤销须由异议处理决定，不能在申报上直接操作', 409);
    }
    const t = decide(applicationMachine, { from: app.status as ApplicationState, action: action as ApplicationAction, actors, reason });
    const patch: Parameters<typeof updateApplicationStatus>[4] = { statusReason: t.reasonRequired ? reason!.trim() : null };
    let eligibility: unknown;
    if (t.action === 'submit') {
      const c = await challengeAcceptingApplications(tx, app.challengeId, now);
      const pending = participants.filter((p) => p.role === 'member' && p.status !== 'confirmed');
      if (pending.length) {
        throw new DomainError(
          'CONSORTIUM_NOT_CONFIRMED',
          `联合体成员尚未全部确认，不能提交：${pending.map((p) => `${p.organizationName}（${p.status === 'declined' ? '已拒绝' : '待确认'}）`).join('、')}`,
          409,
          pending.map((p) => ({ organizationId: p.organizationId, organizationName: p.organizationName, status: p.status })),
        );
      }
      checkAgainstChallenge({ quoteFen: app.quoteFen, schedule: app.schedule as { plannedDate: string }[] }, c, now);
      // One submit per organisation at a time: the count of its open applications cannot be raced.
      await lockOrganization(tx, app.leadOrganizationId);
      const e = await evaluateEligibility({
        services,
        db: tx,
        organizationId: app.leadOrganizationId,
        rules: c.eligibility as EligibilityRules,
        asOf: now,
        challengeRef: c.id,
      });
      if (!e.eligible) {
        const failed = e.checks.filter((x) => !x.passed);
        throw new DomainError(
          'NOT_ELIGIBLE',
          `不符合揭榜条件：${failed.map((x) => x.reason).join('；')}`,
          409,
          failed.map((x) => ({ rule: x.rule, reason: x.reason })),
        );
      }
      eligibility = { screenedEligible: e.screenedEligible, overrideId: e.override?.id ?? null };
      patch.submittedAt = now;
    }
    if (t.action === 'shortlist' || t.action === 'propose' || t.action === 'unpropose') await checkDecisionGuards(tx, app, t.action);
    if (t.action === 'withdraw') {
      if (app.status !== 'draft' && now.getTime() >= app.challengeDeadline.getTime()) throw deadlinePassed(app.challengeDeadline);
      if (app.status !== 'draft') await challengeAcceptingApplications(tx, app.challengeId, now);
      patch.withdrawnAt = now;
      await deactivateParticipants(tx, app.id);
    }
    const moved = await updateApplicationStatus(tx, app.id, app.status, t.to, patch);
    if (!moved) throw new DomainError('CONFLICT', '数据已被他人修改，请刷新后重试', 409);
    await events.record({
      action: `application.${t.action}`,
      entityType: 'application',
      entityId: app.id,
      fromState: app.status,
      toState: t.to,
      reason: t.reasonRequired ? reason!.trim() : null,
      data: { challengeId: app.challengeId, ...(eligibility ? { eligibility } : {}) },
      at: now,
    });
    return loadApplication(tx, a, id, now);
  });
}

/** A 公示 of the challenge's award that has started: the proposal is public and no longer the operator's to take back. */
const STARTED = new Set(['running', 'ended', 'final']);

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/**
 * The operator's decisions on an application in review (docs/challenges.md, "Review and defence"):
 * shortlist and propose only while the challenge is under review; propose no more winners than
 * the challenge funds (1, or maxTeams in 赛马) and no more than its reward in total; unpropose
 * only before the award's 公示 starts. The challenge row is locked, so two proposals cannot
 * both pass the count and the sum.
 */
async function checkDecisionGuards(tx: Executor, app: ApplicationWithRefs, action: 'shortlist' | 'propose' | 'unpropose') {
  const challenge = (await findChallenge(tx, app.challengeId, { forUpdate: true }))!;
  if (action === 'unpropose') {
    const started = (await listPublicitiesOfSubject(tx, 'challenge_award', challenge.id)).some((p) => STARTED.has(p.status));
    if (started) throw new DomainError('AWARD_PUBLICITY_STARTED', '中榜公示已开始，不能撤回拟中榜；如有问题请通过异议处理', 409);
    return;
  }
  if (challenge.status !== 'under_review') throw new DomainError('CHALLENGE_NOT_UNDER_REVIEW', '榜单不在评审阶段，不能入围或拟定中榜', 409);
  if (action !== 'propose') return;
  const proposed = (await listApplicationsForReview(tx, challenge.id, ['proposed'])).filter((p) => p.id !== app.id);
  const winners = challenge.mode === 'horse_race' ? (challenge.maxTeams ?? 1) : 1;
  if (proposed.length + 1 > winners) {
    throw new DomainError(
      'TOO_MANY_WINNERS',
      challenge.mode === 'horse_race' ? `赛马模式至多${winners}个团队中榜，已拟定${proposed.length}个` : '单一中榜模式只能拟定1个中榜单位',
      409,
      { winners, proposed: proposed.length },
    );
  }
  const total = proposed.reduce((sum, p) => sum + p.quoteFen, app.quoteFen);
  if (total > challenge.rewardFen) {
    throw new DomainError('REWARD_EXCEEDED', `拟中榜报价合计${yuan(total)}元，超过榜单奖励总额${yuan(challenge.rewardFen)}元`, 409, {
      totalFen: total,
      rewardFen: challenge.rewardFen,
    });
  }
}
