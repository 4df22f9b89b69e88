import { deleteSubscription } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { loadSubscription } from './own-subscription.js';
import { authorizeSubscriber } from './policy.js';

export async function deleteMySubscription({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const me = authorizeSubscriber(actor);
  await inTransaction(services, me, async (tx, events) => {
    const row = await loadSubscription(tx, me, id, 'delete', true);
    await deleteSubscription(tx, id);
    await events.record({
      action: 'subscription.deleted',
      entityType: 'subscription',
      entityId: id,
      fromState: row.unsubscribedAt ? 'unsubscribed' : 'active',
      data: { kind: row.kind, name: row.name },
    });
  });
}
