import { findChallenge, markAwardStarted } from '@scenebridge/db';
import { DomainError, type Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadAward } from './access.js';
import { moveChallenge, moveSourceNeed } from './follow-ons.js';
import { awardPolicy } from './policy.js';
import { assertAwardActive } from './rules.js';

/**
 * 启动任务书: the challenge owner or the operator starts the agreement (the first milestone's
 * clock). The challenge moves awarded → in_milestones and the scenario need it came from
 * awarded → in_delivery, each only from that state (a second award of a 赛马 does not move them).
 */
export async function startAward({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const a = requireActor(actor);
  return inTransaction(services, a, async (tx, events) => {
    const { award, access } = await loadAward(tx, a, id, { forUpdate: true });
    awardPolicy.authorize(a, 'start', access);
    assertAwardActive(award.status);
    if (award.agreementStartedAt) throw new DomainError('ILLEGAL_TRANSITION', '任务书已启动', 409);
    const now = services.now();
    if (!(await markAwardStarted(tx, award.id, now))) throw new DomainError('CONFLICT', '任务书已被他人启动，请刷新', 409);
    await events.record({
      action: 'award.start',
      entityType: 'award',
      entityId: award.id,
      fromState: award.status,
      toState: award.status,
      data: { agreementNo: award.agreementNo, startedAt: now.toISOString() },
    });
    const actors: MachineActor[] = isOperator(a) ? ['operator'] : ['owner'];
    await moveChallenge(tx, events, award.challengeId, 'start_milestones', 'awarded', actors, `任务书${award.agreementNo}启动`);
    const c = await findChallenge(tx, award.challengeId);
    await moveSourceNeed(tx, events, c?.sourceNeedId ?? null, 'start_delivery', `揭榜任务书${award.agreementNo}启动`);
    return award.id;
  });
}
