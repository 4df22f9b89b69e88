import { listSubscriptionsOfUser } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { authorizeSubscriber } from './policy.js';
import { presentSubscription } from './present.js';

/** The caller's own subscriptions, asked of the database by user: nobody else's is ever read. */
export async function listMySubscriptions({ services, actor }: { services: Services; actor: Actor | null }) {
  const me = authorizeSubscriber(actor);
  const rows = await listSubscriptionsOfUser(services.db, me.userId);
  return rows.map((r) => presentSubscription(r.subscription, r.pendingHits));
}
