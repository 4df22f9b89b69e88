import { findCall, findCallsDueForClock } from '@scenebridge/db';
import type { Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { applyCallTransition } from './apply-call-transition.js';

/** The clock's job: open scheduled calls whose time has come, close open ones past their end. */
export async function advanceCallsByClock({ services }: { services: Services }): Promise<number> {
  const now = services.now();
  let moved = 0;
  for (const due of await findCallsDueForClock(services.db, now)) {
    await inTransaction(services, null, async (tx, events) => {
      let call = await findCall(tx, due.id, { forUpdate: true });
      if (call?.status === 'scheduled' && call.opensAt <= now && call.closesAt > now) {
        call = await applyCallTransition(tx, events, null, call, 'open', undefined, now);
        moved++;
      }
      if (call && (call.status === 'open' || call.status === 'scheduled') && call.closesAt <= now) {
        if (call.status === 'scheduled') call = await applyCallTransition(tx, events, null, call, 'open', undefined, call.opensAt);
        await applyCallTransition(tx, events, null, call, 'close', undefined, now);
        moved++;
      }
    });
  }
  return moved;
}
