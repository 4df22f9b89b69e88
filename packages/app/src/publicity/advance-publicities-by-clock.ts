import { findPublicitiesDue, findPublicity } from '@scenebridge/db';
import type { Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { applyPublicityTransition, finalizeIfSettled } from './apply-publicity-transition.js';

/**
 * The clock's job: a running publicity whose end has come ends; an ended one with no objection
 * pending becomes final. A rerun does nothing. Returns the number of moves.
 */
export async function advancePublicitiesByClock({ services }: { services: Services }): Promise<number> {
  const now = services.now();
  let moves = 0;
  for (const due of await findPublicitiesDue(services.db, now)) {
    await inTransaction(services, null, async (tx, events) => {
      let p = await findPublicity(tx, due.id, { forUpdate: true });
      if (!p) return;
      if (p.status === 'running' && p.endsAt && p.endsAt <= now) {
        p = await applyPublicityTransition(tx, events, ['system'], p, 'end', undefined, now);
        moves++;
      }
      const after = await finalizeIfSettled(tx, events, p, now);
      if (after.status !== p.status) moves++;
    });
  }
  return moves;
}
