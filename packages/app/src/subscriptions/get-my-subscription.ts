import { listHits } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { loadSubscription } from './own-subscription.js';
import { authorizeSubscriber } from './policy.js';
import { presentSubscription } from './present.js';

export async function getMySubscription({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const me = authorizeSubscriber(actor);
  const row = await loadSubscription(services.db, me, id, 'view');
  return presentSubscription(row, (await listHits(services.db, id, { pendingOnly: true, limit: 1, offset: 0 })).total);
}
