import { listRelations } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from './policy.js';

export async function myRelations({ services, actor }: { services: Services; actor: Actor | null }) {
  authorizeReview(actor, 'declareRelation');
  return listRelations(services.db, actor!.userId);
}
