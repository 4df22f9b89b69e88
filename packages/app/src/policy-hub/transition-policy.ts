/**
 * Publishing (发布) a reviewed draft to the public library, or withdrawing (撤回) a published
 * policy with a reason, through policyMachine; audited as policy.publish / policy.withdraw.
 * Optimistic: the caller sends the version it saw.
 */
import { findPolicy, updatePolicy, type PolicyRow } from '@scenebridge/db';
import { allowedActions, decide, DomainError, notFound } from '@scenebridge/domain';
import { policyMachine, type PolicyAction, type PolicyState } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isOperator, type Actor, type Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizePolicyManagement, policyAccess } from './access.js';

export const policyTransitionSchema = z.object({
  action: z.enum(['publish', 'withdraw'], { message: '未知操作' }),
  reason: z.string().trim().max(500, '原因不能超过500个字').optional(),
  version: z.number().int().min(1),
});
export type PolicyTransitionInput = z.infer<typeof policyTransitionSchema>;

export const policyMachineActions = (actor: Actor | null, p: Pick<PolicyRow, 'status'>): PolicyAction[] =>
  isOperator(actor) ? allowedActions(policyMachine, p.status as PolicyState, ['operator']) : [];

export async function transitionPolicy({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: PolicyTransitionInput;
}) {
  const body = policyTransitionSchema.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const p = await findPolicy(tx, id, { forUpdate: true });
    if (!p) throw notFound(policyAccess.label);
    policyAccess.authorize(actor, 'view', p);
    const me = authorizePolicyManagement(actor);
    const t = decide(policyMachine, { from: p.status as PolicyState, action: body.action, actors: ['operator'], reason: body.reason });
    if (p.version !== body.version) throw new DomainError('CONFLICT', '政策已被他人修改，请刷新后重试', 409);
    const now = services.now();
    const ok = await updatePolicy(tx, p.id, p.version, {
      status: t.to,
      statusReason: t.to === 'withdrawn' ? body.reason!.trim() : null,
      ...(t.to === 'published' ? { publishedAt: now } : {}),
      updatedAt: now,
    });
    if (!ok) throw new DomainError('CONFLICT', '政策已被他人修改，请刷新后重试', 409);
    await events.record({
      action: `policy.${t.action}`,
      entityType: 'policy',
      entityId: p.id,
      fromState: p.status,
      toState: t.to,
      reason: body.reason?.trim() || null,
      data: { title: p.title, by: me.userId },
    });
    return { id: p.id, status: t.to };
  });
}
