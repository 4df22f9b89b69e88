import { deleteApplicationReview, findApplicationReview } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from '../review/index.js';
import { inTransaction } from '../shared/index.js';
import { decideReview } from './rules.js';

/** The operator takes an unscored review back (the machine's withdraw: the row goes, the slot is free). */
export async function removeApplicationReview({
  services,
  actor,
  challengeId,
  id,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  id: string;
}) {
  authorizeReview(actor, 'assign');
  await inTransaction(services, actor, async (tx, events) => {
    const a = await findApplicationReview(tx, id, { forUpdate: true });
    if (!a || a.challengeId !== challengeId) throw notFound('揭榜评审任务');
    decideReview(a, 'withdraw', ['operator']);
    await deleteApplicationReview(tx, id);
    await events.record({
      action: 'application_review.unassigned',
      entityType: 'application',
      entityId: a.applicationId,
      data: { reviewId: id, reviewerUserId: a.reviewerUserId, challengeId: a.challengeId },
    });
  });
}
