import { listHits, updateSubscription } from '@scenebridge/db';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { loadSubscription } from './own-subscription.js';
import { authorizeSubscriber } from './policy.js';
import { presentSubscription } from './present.js';
import { checkQuery } from './query.js';
import type { updateSubscriptionBody } from './schemas.js';

/** Renames, retimes, changes the query, or unsubscribes and subscribes again (only the last two are audited). */
export async function updateMySubscription({
  services,
  actor,
  id,
  patch,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  patch: z.infer<typeof updateSubscriptionBody>;
}) {
  const me = authorizeSubscriber(actor);
  return inTransaction(services, me, async (tx, events) => {
    const row = await loadSubscription(tx, me, id, 'update', true);
    const query = patch.query === undefined ? undefined : await checkQuery(tx, me, row.kind, patch.query);
    const now = services.now();
    const toggled = patch.active === undefined || patch.active === (row.unsubscribedAt === null) ? null : patch.active;
    const updated = await updateSubscription(tx, id, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.frequency === undefined ? {} : { frequency: patch.frequency }),
      ...(patch.emailEnabled === undefined ? {} : { emailEnabled: patch.emailEnabled }),
      ...(query === undefined ? {} : { query }),
      ...(toggled === null ? {} : { unsubscribedAt: toggled ? null : now }),
    });
    if (toggled !== null) {
      await events.record({
        action: toggled ? 'subscription.resubscribed' : 'subscription.unsubscribed',
        entityType: 'subscription',
        entityId: id,
        fromState: toggled ? 'unsubscribed' : 'active',
        toState: toggled ? 'active' : 'unsubscribed',
        data: { via: 'app' },
      });
    }
    return presentSubscription(updated!, (await listHits(tx, id, { pendingOnly: true, limit: 1, offset: 0 })).total);
  });
}
