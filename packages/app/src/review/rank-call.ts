import { findCall, listAssignmentsWithReviewers, listSubmissionsOfCallInStates } from '@scenebridge/db';
import { notFound, rankItems, reviewerProgress } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from './policy.js';

/** Ranking for the operator: aggregated scores, ties, spread, and each reviewer's progress. */
export async function callRanking({ services, actor, callId }: { services: Services; actor: Actor | null; callId: string }) {
  authorizeReview(actor, 'rank');
  const call = await findCall(services.db, callId);
  if (!call) throw notFound('征集');
  const items = await listSubmissionsOfCallInStates(services.db, callId, [
    'in_review',
    'selected',
    'rejected',
    'returned_for_revision',
    'published',
    'matching',
    'awarded',
    'in_delivery',
    'accepted',
    'benchmark_case',
  ]);
  const rows = await listAssignmentsWithReviewers(services.db, callId);
  const byItem = new Map<string, typeof rows>();
  for (const r of rows) byItem.set(r.assignment.submissionId, [...(byItem.get(r.assignment.submissionId) ?? []), r]);
  const ranked = rankItems(
    items.map((i) => ({
      id: i.id,
      scores: (byItem.get(i.id) ?? []).filter((r) => r.assignment.status === 'submitted').map((r) => r.assignment.weightedScore!),
    })),
  );
  const itemById = new Map(items.map((i) => [i.id, i]));
  const names = new Map(rows.map((r) => [r.assignment.reviewerUserId, r.reviewerName]));
  const progress = reviewerProgress(
    rows.map((r) => ({
      reviewerId: r.assignment.reviewerUserId,
      status: r.assignment.status as 'assigned',
      dueAt: r.assignment.dueAt ?? undefined,
    })),
    services.now(),
  );
  return {
    call: { id: call.id, title: call.title, status: call.status, reviewScheme: call.reviewScheme },
    items: ranked.map((r) => {
      const i = itemById.get(r.id)!;
      return {
        ...r,
        title: i.title,
        status: i.status,
        organizationName: i.organizationName,
        sector: i.sector,
        reviews: (byItem.get(r.id) ?? []).map((x) => ({
          assignmentId: x.assignment.id,
          reviewerUserId: x.assignment.reviewerUserId,
          reviewerName: x.reviewerName,
          status: x.assignment.status,
          weightedScore: x.assignment.weightedScore,
          conflictReason: x.assignment.conflictReason,
        })),
      };
    }),
    reviewers: Object.entries(progress).map(([reviewerUserId, p]) => ({ reviewerUserId, name: names.get(reviewerUserId) ?? '', ...p })),
  };
}
