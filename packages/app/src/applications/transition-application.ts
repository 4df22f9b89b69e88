import { deactivateParticipants, lockOrganization, updateApplicationStatus } from '@scenebridge/db';
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
 * submit / withdraw (the lead), shortlist / not_award (operator), through the machine.
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
