import { findChallenge, findChallengesDueToClose } from '@scenebridge/db';
import type { Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { applyChallengeTransition } from './apply-challenge-transition.js';

/** The clock's job: close every open challenge whose application deadline has come. */
export async function closeChallengesByClock({ services }: { services: Services }): Promise<number> {
  const now = services.now();
  let closed = 0;
  for (const due of await findChallengesDueToClose(services.db, now)) {
    await inTransaction(services, null, async (tx, events) => {
      const c = await findChallenge(tx, due.id, { forUpdate: true });
      // Moved meanwhile (closed by the operator, edited back to review …): nothing to do.
      if (c?.status !== 'open' || c.applicationDeadline > now) return;
      await applyChallengeTransition(tx, events, null, c, 'close', undefined, now);
      closed++;
    });
  }
  return closed;
}
