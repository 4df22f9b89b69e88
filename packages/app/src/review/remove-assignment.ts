import { deleteAssignment, findAssignment } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeReview } from './policy.js';
import { decideAssignment } from './rules.js';

export async function removeAssignment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  authorizeReview(actor, 'assign');
  await inTransaction(services, actor, async (tx, events) => {
    const a = await findAssignment(tx, id, { forUpdate: true });
    if (!a) throw notFound('评审任务');
    decideAssignment(a, 'withdraw', ['operator']);
    await deleteAssignment(tx, id);
    await events.record({
      action: 'review.unassigned',
      entityType: 'submission',
      entityId: a.submissionId,
      data: { assignmentId: id, reviewerUserId: a.reviewerUserId },
    });
  });
}
