import { listAwardsOfChallenge, updateAwardStatus } from '@scenebridge/db';
import { awardMachine, decide, DomainError } from '@scenebridge/domain';
import { eventsOn, type Subscriber } from '../shared/index.js';

const SYSTEM = { userId: null, label: 'system' } as const;

/**
 * A terminated challenge terminates its active awards, with the same reason, in the same
 * transaction. Payments already made stay on the ledger and in paid_fen.
 */
export const terminateAwardsWithChallenge: Subscriber = async (events, { tx, services, actor }) => {
  for (const e of events.filter((x) => x.action === 'challenge.terminate')) {
    const reason = e.reason ?? '榜单已终止';
    const live = (await listAwardsOfChallenge(tx, e.entityId)).filter((a) => a.status === 'active');
    const recorder = eventsOn(tx, services, actor);
    for (const a of live) {
      const t = decide(awardMachine, { from: 'active', action: 'terminate', actors: ['system'], reason });
      const moved = await updateAwardStatus(tx, a.id, 'active', t.to, { statusReason: reason, closedAt: services.now() });
      if (!moved) throw new DomainError('CONFLICT', '任务书状态已变化，请刷新后重试', 409);
      await recorder.record({
        action: 'award.terminate',
        entityType: 'award',
        entityId: a.id,
        fromState: 'active',
        toState: t.to,
        reason,
        data: { challengeId: e.entityId, paidFen: a.paidFen },
        actedBy: SYSTEM,
      });
    }
  }
};
