import { deleteRelation } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeReview } from './policy.js';

export async function withdrawRelation({
  services,
  actor,
  organizationId,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
}) {
  authorizeReview(actor, 'declareRelation');
  await inTransaction(services, actor, async (tx, events) => {
    // Only the caller's own declaration can be deleted: another reviewer's does not exist for them.
    if (!(await deleteRelation(tx, actor!.userId, organizationId))) throw notFound('关联声明');
    await events.record({ action: 'review.relation_withdrawn', entityType: 'user', entityId: actor!.userId, data: { organizationId } });
  });
}
