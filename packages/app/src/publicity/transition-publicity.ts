import { findPublicity } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { applyPublicityTransition } from './apply-publicity-transition.js';
import { authorizePublicityOperator } from './policy.js';
import { publicitySubject } from './subjects.js';

/**
 * start / cancel (operator). Ending and finalising are the clock's (and the last decision's).
 * Starting tells the subject (onStarted) in the same transaction, so a subject that refuses undoes the start.
 */
export async function transitionPublicity({
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
  const who = authorizePublicityOperator(actor);
  return inTransaction(services, actor, async (tx, events) => {
    const p = await findPublicity(tx, id, { forUpdate: true });
    if (!p) throw notFound('公示');
    if (action === 'end' || action === 'finalize') {
      throw new DomainError('ILLEGAL_TRANSITION', '公示按工作日历到期自动结束，无待处理异议后自动生效', 409);
    }
    const now = services.now();
    const moved = await applyPublicityTransition(tx, events, ['operator'], p, action, reason, now);
    if (moved.status === 'running') await publicitySubject(p.subjectKind).onStarted?.(tx, events, moved, who, now);
    return moved;
  });
}
