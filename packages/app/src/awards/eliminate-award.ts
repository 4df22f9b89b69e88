import { listMilestonesOfAwards, updateAwardStatus } from '@scenebridge/db';
import { awardMachine, decide, DomainError, eliminateAwardSchema } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadAward } from './access.js';
import { closeChallengeIfDone } from './follow-ons.js';
import { awardPolicy } from './policy.js';
import { assertAwardActive } from './rules.js';

/**
 * 淘汰 (赛马 only): after a checkpoint milestone of the award was concluded, the operator
 * eliminates the team with a reason. Its payments stay. If it was the last active award of the
 * challenge, the challenge completes (and the need is accepted when another award completed).
 */
export async function eliminateAward({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: unknown;
}) {
  const a = requireActor(actor);
  const { reason } = eliminateAwardSchema.parse(input);
  return inTransaction(services, a, async (tx, events) => {
    const { award, access } = await loadAward(tx, a, id, { forUpdate: true });
    awardPolicy.authorize(a, 'eliminate', access);
    assertAwardActive(award.status);
    if (award.challengeMode !== 'horse_race') throw new DomainError('NOT_HORSE_RACE', '只有赛马制榜单可以淘汰', 409);
    const milestones = await listMilestonesOfAwards(tx, [award.id]);
    if (!milestones.some((m) => m.checkpoint && m.decidedAt !== null))
      throw new DomainError('CHECKPOINT_NOT_CONCLUDED', '须在检查点里程碑验收结束后淘汰', 409);
    const t = decide(awardMachine, { from: 'active', action: 'eliminate', actors: ['operator'], reason });
    const now = services.now();
    const moved = await updateAwardStatus(tx, award.id, 'active', t.to, { statusReason: reason, closedAt: now });
    if (!moved) throw new DomainError('CONFLICT', '任务书状态已变化，请刷新后重试', 409);
    await events.record({
      action: 'award.eliminate',
      entityType: 'award',
      entityId: award.id,
      fromState: 'active',
      toState: t.to,
      reason,
      data: { agreementNo: award.agreementNo, paidFen: award.paidFen },
    });
    await closeChallengeIfDone(tx, events, award.challengeId, null);
    return moved;
  });
}
