/**
 * The steps of a 免申即享 row after matching (redemptionMachine): the organisation's admin
 * confirms (意愿确认) or declines with a reason; the operator records the grant (兑现登记) with its
 * amount in 分. Each is audited as policy_redemption.<action>; operators hear of the decisions.
 */
import type { RedemptionJson } from '@scenebridge/contract/policies';
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { findRedemption, listRedemptions, notifyUsers, updateRedemption, usersWithRole, type Transaction } from '@scenebridge/db';
import { decide, DomainError, notFound } from '@scenebridge/domain';
import { redemptionMachine, type RedemptionAction, type RedemptionStage } from '@scenebridge/domain/policies';
import { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { redemptionAccess } from './redemption-access.js';
import { presentRedemption } from './redemption-list.js';

export const redemptionDeclineInput = z.object({
  reason: z.string({ message: '请填写谢绝原因' }).trim().min(1, '请填写谢绝原因').max(500, '原因不能超过500个字'),
});
export const redemptionRedeemInput = z.object({
  amountFen: z.number({ message: '请填写兑现金额' }).int('金额以分计，应为整数').min(0, '金额不能为负').max(Number.MAX_SAFE_INTEGER),
  note: z.string().trim().max(500, '备注不能超过500个字').optional(),
});

interface StepArgs {
  services: Services;
  actor: Actor;
  id: string;
  action: RedemptionAction;
  reason?: string;
  amountFen?: number;
  note?: string;
}

async function tellOperators(tx: Transaction, r: RedemptionJson, action: RedemptionAction, reason?: string) {
  const ops = await usersWithRole(tx, 'operator');
  const verb = action === 'confirm' ? '确认享受' : '谢绝了';
  await notifyUsers(
    tx,
    ops.map((u) => ({
      userId: u.id,
      kind: 'policy.redemption_decided',
      title: `${r.organization.name}${verb}「${r.measure.heading ?? r.policy.title}」`,
      body: reason ? `原因：${reason}` : undefined,
      link: `/policies/${r.policy.id}`,
      data: { redemptionId: r.id },
      dedupeKey: `policy-redemption-decided:${r.id}:${u.id}`,
      email: emailByDefault('policy.redemption_decided'),
    })),
  );
}

async function loadOne(tx: Transaction, id: string): Promise<RedemptionJson> {
  const r = await findRedemption(tx, id);
  const { items } = await listRedemptions(tx, { measureId: r!.measureId, organizationId: r!.organizationId, limit: 1, offset: 0 });
  return presentRedemption(items[0]!);
}

export async function stepRedemption({ services, actor, id, action, reason, amountFen, note }: StepArgs): Promise<RedemptionJson> {
  return inTransaction(services, actor, async (tx, events) => {
    const r = await findRedemption(tx, id, { forUpdate: true });
    if (!r) throw notFound(redemptionAccess.label);
    redemptionAccess.authorize(actor, action === 'redeem' ? 'redeem' : 'decide', r);
    const t = decide(redemptionMachine, {
      from: r.stage as RedemptionStage,
      action,
      actors: [action === 'redeem' ? 'operator' : 'owner'],
      reason,
    });
    const now = services.now();
    const patch =
      action === 'redeem'
        ? { stage: t.to, redeemedAt: now, redeemedBy: actor.userId, amountFen, note: note || null }
        : { stage: t.to, decidedAt: now, decidedBy: actor.userId, note: reason?.trim() || null };
    if (!(await updateRedemption(tx, r.id, r.stage, patch))) throw new DomainError('CONFLICT', '记录已被他人处理，请刷新后重试', 409);
    await events.record({
      action: `policy_redemption.${action}`,
      entityType: 'policy_redemption',
      entityId: r.id,
      fromState: r.stage,
      toState: t.to,
      reason: reason?.trim() || null,
      data: { measureId: r.measureId, organizationId: r.organizationId, ...(action === 'redeem' ? { amountFen, note: note || null } : {}) },
    });
    const out = await loadOne(tx, r.id);
    if (action !== 'redeem') await tellOperators(tx, out, action, reason?.trim());
    return out;
  });
}
