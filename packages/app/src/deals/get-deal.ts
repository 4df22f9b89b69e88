import { listDealActivities } from '@scenebridge/db';
import type { DealDetail } from '@scenebridge/contract/deals';
import type { Actor, Services } from '../context.js';
import { loadDeal } from './access.js';
import { presentActivity, presentDeal } from './present.js';

/** One deal with its activity log, newest first (404 for whoever may not see it). */
export async function getDeal({ services, actor, id }: { services: Services; actor: Actor; id: string }): Promise<DealDetail> {
  const d = await loadDeal(services.db, actor, id);
  const now = services.now();
  const activities = await listDealActivities(services.db, d.id);
  return { ...presentDeal(d, actor), activities: activities.map((a) => presentActivity(a, d, actor, now)) };
}
