import { listReviewers } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from './policy.js';

export async function reviewersForOperator({ services, actor }: { services: Services; actor: Actor | null }) {
  authorizeReview(actor, 'listReviewers');
  return listReviewers(services.db);
}
