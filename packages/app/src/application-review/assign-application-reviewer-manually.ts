import {
  findApplication,
  insertApplicationReviews,
  listApplicationReviewsOfChallenge,
  listApplicationsForReview,
  listReviewers,
} from '@scenebridge/db';
import { checkManualAssignment, DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { ACTIVE, challengeUnderReview } from './rules.js';

/** The operator adds one reviewer to one application, under the same conflict rules as the bulk run. */
export async function assignApplicationReviewerManually({
  services,
  actor,
  challengeId,
  applicationId,
  reviewerUserId,
  dueAt,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  applicationId: string;
  reviewerUserId: string;
  dueAt?: string;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    await challengeUnderReview(tx, actor, challengeId);
    const app = await findApplication(tx, applicationId, { forUpdate: true });
    const item = (await listApplicationsForReview(tx, challengeId, ['submitted', 'shortlisted'])).find((i) => i.id === applicationId);
    if (!app || !item) throw notFound('评审中的申报');
    const reviewer = (await listReviewers(tx)).find((r) => r.id === reviewerUserId);
    if (!reviewer) throw notFound('评审专家');
    const existing = (await listApplicationReviewsOfChallenge(tx, challengeId))
      .map((r) => r.review)
      .filter((a) => a.applicationId === applicationId);
    const check = checkManualAssignment(
      { id: reviewer.id, organizationId: reviewer.organizationId, relatedOrganizationIds: reviewer.relatedOrganizationIds },
      { id: applicationId, organizationIds: item.organizationIds },
      existing.filter(ACTIVE).map((a) => ({ itemId: a.applicationId, reviewerId: a.reviewerUserId })),
      { excluded: existing.filter((a) => !ACTIVE(a)).map((a) => ({ itemId: a.applicationId, reviewerId: a.reviewerUserId })) },
    );
    if (!check.ok) throw new DomainError(check.code, check.message, 409);
    const [row] = await insertApplicationReviews(tx, [
      {
        challengeId,
        applicationId,
        reviewerUserId,
        status: 'assigned',
        assignedBy: actor!.userId,
        dueAt: dueAt ? new Date(dueAt) : null,
      },
    ]);
    await events.record({
      action: 'application_review.assigned_manually',
      entityType: 'application',
      entityId: applicationId,
      data: { reviewId: row!.id, reviewerUserId, challengeId },
    });
    return row!;
  });
}
