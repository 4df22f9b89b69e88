import { listHits } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { loadSubscription } from './own-subscription.js';
import { authorizeSubscriber } from './policy.js';

export async function mySubscriptionHits({
  services,
  actor,
  id,
  page,
  pageSize,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  page: number;
  pageSize: number;
}) {
  const me = authorizeSubscriber(actor);
  await loadSubscription(services.db, me, id, 'listHits');
  const { items, total } = await listHits(services.db, id, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize };
}
