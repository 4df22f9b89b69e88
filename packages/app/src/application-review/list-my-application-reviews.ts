import { listApplicationReviewsOfReviewer } from '@scenebridge/db';
import type { ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from '../review/index.js';

/** The reviewer's own application reviews, newest first; blind challenges name no applicant. */
export async function listMyApplicationReviews({ services, actor }: { services: Services; actor: Actor | null }) {
  authorizeReview(actor, 'score');
  const rows = await listApplicationReviewsOfReviewer(services.db, actor!.userId);
  const now = services.now();
  return rows.map((r) => {
    const blind = (r.reviewScheme as ReviewScheme).blind;
    return {
      id: r.review.id,
      challengeId: r.review.challengeId,
      challengeTitle: r.challengeTitle,
      applicationId: r.review.applicationId,
      leadOrganizationName: blind ? null : r.leadOrganizationName,
      status: r.review.status,
      weightedScore: r.review.weightedScore,
      dueAt: r.review.dueAt?.toISOString() ?? null,
      overdue: r.review.status === 'assigned' && !!r.review.dueAt && r.review.dueAt < now,
    };
  });
}
