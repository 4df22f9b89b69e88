import { listApplicationReviewsOfChallenge, listApplicationsForReview, type ChallengeWithOrg } from '@scenebridge/db';
import { allowedActions, applicationMachine, rankItems, reviewerProgress, type ApplicationState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { challengeForOperator, REVIEWED_STATES } from './rules.js';

/**
 * A challenge's applications ranked by the trimmed mean of their submitted weighted scores, with
 * the rows it rests on. The page and its export both read it, so they list the same order.
 */
export async function loadApplicationRanking(services: Services, challenge: ChallengeWithOrg) {
  const items = await listApplicationsForReview(services.db, challenge.id, REVIEWED_STATES);
  const rows = await listApplicationReviewsOfChallenge(services.db, challenge.id);
  const byItem = new Map<string, typeof rows>();
  for (const r of rows) byItem.set(r.review.applicationId, [...(byItem.get(r.review.applicationId) ?? []), r]);
  const ranked = rankItems(
    items.map((i) => ({
      id: i.id,
      scores: (byItem.get(i.id) ?? []).filter((r) => r.review.status === 'submitted').map((r) => r.review.weightedScore!),
    })),
  );
  const itemById = new Map(items.map((i) => [i.id, i]));
  return { items: ranked.map((r) => ({ ranked: r, item: itemById.get(r.id)!, reviews: byItem.get(r.id) ?? [] })), reviews: rows };
}

/** The operator's ranking: means, ties, the spread flag, each reviewer's progress, and what may be done with each application. */
export async function applicationRanking({
  services,
  actor,
  challengeId,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
}) {
  const challenge = await challengeForOperator(services.db, actor, challengeId);
  const { items, reviews } = await loadApplicationRanking(services, challenge);
  const names = new Map(reviews.map((r) => [r.review.reviewerUserId, r.reviewerName]));
  const progress = reviewerProgress(
    reviews.map((r) => ({
      reviewerId: r.review.reviewerUserId,
      status: r.review.status as 'assigned',
      dueAt: r.review.dueAt ?? undefined,
    })),
    services.now(),
  );
  return {
    challenge: {
      id: challenge.id,
      title: challenge.title,
      status: challenge.status,
      rewardFen: challenge.rewardFen,
      mode: challenge.mode as 'single' | 'horse_race',
      maxTeams: challenge.maxTeams,
      reviewScheme: challenge.reviewScheme as {
        reviewersPerItem: number;
        blind: boolean;
        criteria: { key: string; name: string; weight: number }[];
      },
    },
    items: items.map(({ ranked: r, item: i, reviews: rs }) => ({
      ...r,
      leadOrganizationName: i.leadOrganizationName,
      memberOrganizationNames: i.memberNames,
      quoteFen: i.quoteFen,
      status: i.status as ApplicationState,
      allowedActions:
        challenge.status === 'under_review'
          ? allowedActions(applicationMachine, i.status as ApplicationState, ['operator']).filter((a) => a !== 'revoke_proposal')
          : [],
      reviews: rs.map((x) => ({
        reviewId: x.review.id,
        reviewerUserId: x.review.reviewerUserId,
        reviewerName: x.reviewerName,
        status: x.review.status as 'assigned' | 'submitted' | 'conflict_declared',
        weightedScore: x.review.weightedScore,
        conflictReason: x.review.conflictReason,
      })),
    })),
    reviewers: Object.entries(progress).map(([reviewerUserId, p]) => ({ reviewerUserId, name: names.get(reviewerUserId) ?? '', ...p })),
  };
}
