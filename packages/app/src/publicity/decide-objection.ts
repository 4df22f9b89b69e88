import { findObjection, findPublicity, findPublicityItem, revokePublicityItem, updateObjectionStatus } from '@scenebridge/db';
import { decide, DomainError, notFound, objectionDecisionSchema, objectionMachine, type ObjectionState } from '@scenebridge/domain';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { finalizeIfSettled } from './apply-publicity-transition.js';
import { authorizePublicityOperator } from './policy.js';
import { parseInput } from './present.js';
import { publicitySubject } from './subjects.js';

/**
 * The operator decides an objection with a reason: dismissed, or upheld — which revokes the item
 * (it leaves the publicity's final list, and its subject takes it back through its own machine).
 * Deciding the last pending objection of an ended publicity makes it final, in the same transaction.
 */
export async function decideObjection({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: z.input<typeof objectionDecisionSchema>;
}) {
  authorizePublicityOperator(actor);
  const body = parseInput(objectionDecisionSchema, input);
  return inTransaction(services, actor, async (tx, events) => {
    const first = await findObjection(tx, id);
    if (!first) throw notFound('异议');
    // The publicity first, then the objection: the same order as lodging and the clock.
    const p = (await findPublicity(tx, first.publicityId, { forUpdate: true }))!;
    const o = (await findObjection(tx, id, { forUpdate: true }))!;
    const t = decide(objectionMachine, {
      from: o.status as ObjectionState,
      action: body.action,
      actors: ['operator'],
      reason: body.reason,
    });
    const now = services.now();
    const decided = await updateObjectionStatus(tx, o.id, o.status, t.to, {
      decisionReason: body.reason,
      decidedBy: actor!.userId,
      decidedAt: now,
    });
    if (!decided) throw new DomainError('CONFLICT', '异议已被处理，请刷新后重试', 409);
    let revoked = false;
    if (t.action === 'uphold') {
      const item = (await findPublicityItem(tx, o.itemId))!;
      // Already revoked by an earlier upheld objection: nothing more to take back.
      if (await revokePublicityItem(tx, item.id, body.reason, now)) {
        await publicitySubject(p.subjectKind).revoke(tx, events, item, `公示异议成立：${body.reason}`);
        revoked = true;
      }
    }
    await events.record({
      action: `objection.${t.action}`,
      entityType: 'objection',
      entityId: o.id,
      fromState: o.status,
      toState: t.to,
      reason: body.reason,
      data: { publicityId: p.id, itemId: o.itemId, itemRevoked: revoked },
    });
    await finalizeIfSettled(tx, events, p, now);
    return decided;
  });
}
