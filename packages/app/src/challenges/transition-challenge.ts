import { findChallenge } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { applyChallengeTransition } from './apply-challenge-transition.js';
import { challengePolicy } from './policy.js';

/** submit_for_review (owner), approve / return / close / terminate (operator) … through the machine. */
export async function transitionChallenge({
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
  requireActor(actor);
  return inTransaction(services, actor, async (tx, events) => {
    const c = await findChallenge(tx, id, { forUpdate: true });
    if (!c) throw notFound(challengePolicy.label);
    challengePolicy.authorize(actor, 'view', c);
    if (action === 'revise') throw new DomainError('ILLEGAL_TRANSITION', '修改揭榜中的榜单请使用编辑，并说明修改内容', 409);
    // The award's 公示 moves these (publicity/subjects.ts): starting it, and its final end.
    if (action === 'start_publicity' || action === 'award') {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        '榜单进入公示与确定中榜须通过拟中榜单位公示：请发起公示，公示期满且无待处理异议后自动中榜',
        409,
      );
    }
    return applyChallengeTransition(tx, events, actor, c, action, reason, services.now());
  });
}
