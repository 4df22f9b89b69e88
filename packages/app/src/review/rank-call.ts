import { findCall, listAssignmentsWithReviewers, listSubmissionsOfCallInStates } from '@scenebridge/db';
import { notFound, rankItems, reviewerProgress } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeReview } from './policy.js';

/** The states of an item that has reached review: what the ranking lists. */
const RANKED_STATES = [
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
];

/**
 * A call's ranking with the rows it rests on, in ranking order. The ranking page and its
 * "导出 Excel" both read it, so the file lists the same items, in the same order, with the same
 * scores. The caller authorizes first.
 */
export async function loadRanking(services: Services, callId: string) {
  const call = await findCall(services.db, callId);
  if (!call) throw notFound('征集');
  const items = await listSubmissionsOfCallInStates(services.db, callId, RANKED_STATES);
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
  return {
    call,
    /** Each ranked item with its submission and its assignments (declared conflicts included). */
    items: ranked.map((r) => ({ ranked: r, item: itemById.get(r.id)!, assignments: byItem.get(r.id) ?? [] })),
    assignments: rows,
  };
}

/** Ranking for the operator: aggregated scores, ties, spread, and each reviewer's progress. */
export async function callRanking({ services, actor, callId }: { services: Services; actor: Actor | null; callId: string }) {
  authorizeReview(actor, 'rank');
  const { call, items, assignments: rows } = await loadRanking(services, callId);
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
    items: items.map(({ ranked: r, item: i, assignments }) => ({
      ...r,
      title: i.title,
      status: i.status,
      organizationName: i.organizationName,
      sector: i.sector,
      reviews: assignments.map((x) => ({
        assignmentId: x.assignment.id,
        reviewerUserId: x.assignment.reviewerUserId,
        reviewerName: x.reviewerName,
        status: x.assignment.status,
        weightedScore: x.assignment.weightedScore,
        conflictReason: x.assignment.conflictReason,
      })),
    })),
    reviewers: Object.entries(progress).map(([reviewerUserId, p]) => ({ reviewerUserId, name: names.get(reviewerUserId) ?? '', ...p })),
  };
}
