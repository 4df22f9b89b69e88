import {
  findApplicationReview,
  insertApplicationReviews,
  listApplicationReviewsOfChallenge,
  listApplicationsForReview,
  listReviewers,
  updateApplicationReview,
} from '@scenebridge/db';
import { DomainError, reassignAfterConflict } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { decideReview, declaredConflicts, myApplicationReview } from './rules.js';

/** The reviewer steps aside with a reason; the slot goes to the least loaded eligible reviewer, if any. */
export async function declareApplicationConflict({
  services,
  actor,
  id,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  reason: string;
}) {
  await myApplicationReview(services.db, actor, id, 'declareConflict');
  if (!reason.trim()) throw new DomainError('REASON_REQUIRED', '请说明回避原因', 400);
  return inTransaction(services, actor, async (tx, events) => {
    const a = (await findApplicationReview(tx, id, { forUpdate: true }))!;
    const t = decideReview(a, 'declare_conflict', ['reviewer'], reason);
    const moved = await updateApplicationReview(tx, id, a.status, { status: t.to, conflictReason: reason.trim() });
    if (!moved) throw new DomainError('CONFLICT', '数据已被他人修改，请刷新后重试', 409);
    const all = (await listApplicationReviewsOfChallenge(tx, a.challengeId)).map((r) => r.review);
    const items = await listApplicationsForReview(tx, a.challengeId, ['submitted', 'shortlisted']);
    const reviewers = await listReviewers(tx);
    const replacement = items.some((i) => i.id === a.applicationId)
      ? reassignAfterConflict({
          items: items.map((i) => ({ id: i.id, organizationIds: i.organizationIds })),
          reviewers: reviewers.map((r) => ({
            id: r.id,
            organizationId: r.organizationId,
            relatedOrganizationIds: r.relatedOrganizationIds,
          })),
          // The item keeps as many reviewers as it had (the operator may have chosen another k than the scheme's).
          k: Math.max(
            1,
            all.filter((x) => x.applicationId === a.applicationId && (x.status !== 'conflict_declared' || x.id === id)).length,
          ),
          existing: all
            .filter((x) => x.status !== 'conflict_declared' && x.id !== id)
            .map((x) => ({ itemId: x.applicationId, reviewerId: x.reviewerUserId })),
          excluded: declaredConflicts(all),
          conflicted: { itemId: a.applicationId, reviewerId: a.reviewerUserId },
        })
      : null;
    const [inserted] = replacement
      ? await insertApplicationReviews(tx, [
          {
            challengeId: a.challengeId,
            applicationId: a.applicationId,
            reviewerUserId: replacement.reviewerId,
            status: 'assigned',
            dueAt: a.dueAt,
          },
        ])
      : [];
    await events.record(
      {
        action: 'application_review.conflict_declared',
        entityType: 'application',
        entityId: a.applicationId,
        reason: reason.trim(),
        data: { reviewId: id, replacementReviewerUserId: inserted?.reviewerUserId ?? null, challengeId: a.challengeId },
      },
      ...(inserted
        ? [
            {
              action: 'application_review.assigned',
              entityType: 'application',
              entityId: a.applicationId,
              data: { reviewId: inserted.id, reviewerUserId: inserted.reviewerUserId, challengeId: a.challengeId },
            },
          ]
        : []),
    );
    return { reassignedTo: inserted ? inserted.reviewerUserId : null };
  });
}
