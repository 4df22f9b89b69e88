import { findOrganization, insertRelation } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeReview } from './policy.js';

export async function declareRelation({
  services,
  actor,
  organizationId,
  note,
}: {
  services: Services;
  actor: Actor | null;
  organizationId: string;
  note?: string;
}) {
  authorizeReview(actor, 'declareRelation');
  if (!(await findOrganization(services.db, organizationId))) throw notFound('机构');
  await inTransaction(services, actor, async (tx, events) => {
    await insertRelation(tx, { reviewerUserId: actor!.userId, organizationId, note: note?.trim() || null });
    await events.record({
      action: 'review.relation_declared',
      entityType: 'user',
      entityId: actor!.userId,
      data: { organizationId, note },
    });
  });
}
