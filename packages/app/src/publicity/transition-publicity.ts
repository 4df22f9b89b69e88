import { findPublicity } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { applyPublicityTransition } from './apply-publicity-transition.js';
import { authorizePublicityOperator } from './policy.js';

/** start / cancel (operator). Ending and finalising are the clock's (and the last decision's). */
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
  authorizePublicityOperator(actor);
  return inTransaction(services, actor, async (tx, events) => {
    const p = await findPublicity(tx, id, { forUpdate: true });
    if (!p) throw notFound('公示');
    if (action === 'end' || action === 'finalize') {
      throw new DomainError('ILLEGAL_TRANSITION', '公示按工作日历到期自动结束，无待处理异议后自动生效', 409);
    }
    return applyPublicityTransition(tx, events, ['operator'], p, action, reason, services.now());
  });
}
