import {
  deleteApplicationReview,
  insertApplicationReviews,
  listApplicationReviewsOfChallenge,
  listApplicationsForReview,
  listReviewers,
  type ApplicationReviewRow,
} from '@scenebridge/db';
import { allowedActions, assignReviewers, DomainError, reviewAssignmentMachine, type ReviewAssignmentState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { ACTIVE, challengeUnderReview, decideReview, declaredConflicts, schemeOf } from './rules.js';

const withdrawable = (a: ApplicationReviewRow) =>
  allowedActions(reviewAssignmentMachine, a.status as ReviewAssignmentState, ['operator']).includes('withdraw');

/**
 * Gives every submitted application of a challenge under review k reviewers (the challenge's
 * scheme, or the operator's k), balanced and seedable, never one from the lead's or any
 * consortium member's organisation or one related to them, nor one who stepped aside.
 */
export async function assignApplicationReviewers({
  services,
  actor,
  challengeId,
  k,
  seed,
  dueAt,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  k?: number;
  seed?: number;
  dueAt?: string;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    const challenge = await challengeUnderReview(tx, actor, challengeId);
    const perItem = k ?? schemeOf(challenge).reviewersPerItem;
    const items = await listApplicationsForReview(tx, challengeId, ['submitted', 'shortlisted']);
    const reviewers = await listReviewers(tx);
    if (reviewers.length === 0) throw new DomainError('NO_REVIEWERS', '平台尚无评审专家账号', 409);
    const existing = (await listApplicationReviewsOfChallenge(tx, challengeId)).map((r) => r.review);
    const { added, dropped, shortfalls } = assignReviewers({
      items: items.map((i) => ({ id: i.id, organizationIds: i.organizationIds })),
      reviewers: reviewers.map((r) => ({ id: r.id, organizationId: r.organizationId, relatedOrganizationIds: r.relatedOrganizationIds })),
      k: perItem,
      existing: existing.filter(ACTIVE).map((a) => ({ itemId: a.applicationId, reviewerId: a.reviewerUserId })),
      excluded: declaredConflicts(existing),
      ...(seed === undefined ? {} : { seed }),
    });
    // Unscored reviews that break the rules now (a relation declared since) are withdrawn.
    const stale = dropped
      .map((d) =>
        existing.find((a) => a.applicationId === d.assignment.itemId && a.reviewerUserId === d.assignment.reviewerId && withdrawable(a)),
      )
      .filter((a): a is ApplicationReviewRow => !!a);
    for (const a of stale) {
      decideReview(a, 'withdraw', ['operator']);
      await deleteApplicationReview(tx, a.id);
    }
    const due = dueAt ? new Date(dueAt) : null;
    const rows = await insertApplicationReviews(
      tx,
      added.map((a) => ({
        challengeId,
        applicationId: a.itemId,
        reviewerUserId: a.reviewerId,
        status: 'assigned',
        assignedBy: actor!.userId,
        dueAt: due,
      })),
    );
    await events.record(
      ...stale.map((a) => ({
        action: 'application_review.unassigned',
        entityType: 'application',
        entityId: a.applicationId,
        reason: '利益冲突规则变化',
        data: { reviewId: a.id, reviewerUserId: a.reviewerUserId, challengeId },
      })),
      ...rows.map((r) => ({
        action: 'application_review.assigned',
        entityType: 'application',
        entityId: r.applicationId,
        data: { reviewId: r.id, reviewerUserId: r.reviewerUserId, challengeId },
      })),
      {
        action: 'application_review.bulk_assigned',
        entityType: 'challenge',
        entityId: challengeId,
        data: { created: rows.length, k: perItem, seed: seed ?? 0, shortfalls },
      },
    );
    return { created: rows.length, withdrawn: stale.length, items: items.length, reviewers: reviewers.length, shortfalls };
  });
}
