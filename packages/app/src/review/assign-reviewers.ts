import {
  deleteAssignment,
  insertAssignments,
  listAssignmentsOfCall,
  listReviewers,
  listSubmissionsOfCallInStates,
  type AssignmentRow,
} from '@scenebridge/db';
import { assignReviewers, DomainError, type ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { ACTIVE, decideAssignment, declaredConflicts, reviewingCall, withdrawable } from './rules.js';

export async function assignReviewersForCall({
  services,
  actor,
  callId,
  dueAt,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  dueAt?: string;
}) {
  const call = await reviewingCall(services, actor, callId);
  const scheme = call.reviewScheme as ReviewScheme;
  return inTransaction(services, actor, async (tx, events) => {
    const items = await listSubmissionsOfCallInStates(tx, callId, ['in_review']);
    const reviewers = await listReviewers(tx);
    if (reviewers.length === 0) throw new DomainError('NO_REVIEWERS', '平台尚无评审专家账号', 409);
    const existing = await listAssignmentsOfCall(tx, callId);
    const { added, dropped, shortfalls } = assignReviewers({
      items: items.map((i) => ({ id: i.id, organizationIds: [i.organizationId] })),
      reviewers: reviewers.map((r) => ({ id: r.id, organizationId: r.organizationId, relatedOrganizationIds: r.relatedOrganizationIds })),
      k: scheme.reviewersPerItem,
      existing: existing.filter(ACTIVE).map((a) => ({ itemId: a.submissionId, reviewerId: a.reviewerUserId })),
      excluded: declaredConflicts(existing),
    });
    // Unscored assignments that break the rules now (a relation declared since) are withdrawn.
    const stale = dropped
      .map((d) =>
        existing.find((a) => a.submissionId === d.assignment.itemId && a.reviewerUserId === d.assignment.reviewerId && withdrawable(a)),
      )
      .filter((a): a is AssignmentRow => !!a);
    for (const a of stale) {
      decideAssignment(a, 'withdraw', ['operator']);
      await deleteAssignment(tx, a.id);
    }
    const due = dueAt ? new Date(dueAt) : null;
    const rows = await insertAssignments(
      tx,
      added.map((a) => ({
        callId,
        submissionId: a.itemId,
        reviewerUserId: a.reviewerId,
        status: 'assigned',
        assignedBy: actor!.userId,
        dueAt: due,
      })),
    );
    await events.record(
      ...stale.map((a) => ({
        action: 'review.unassigned',
        entityType: 'submission',
        entityId: a.submissionId,
        reason: '利益冲突规则变化',
        data: { assignmentId: a.id, reviewerUserId: a.reviewerUserId },
      })),
      ...rows.map((r) => ({
        action: 'review.assigned',
        entityType: 'submission',
        entityId: r.submissionId,
        data: { assignmentId: r.id, reviewerUserId: r.reviewerUserId },
      })),
      {
        action: 'review.bulk_assigned',
        entityType: 'call',
        entityId: callId,
        data: { created: rows.length, k: scheme.reviewersPerItem, shortfalls },
      },
    );
    return { created: rows.length, withdrawn: stale.length, items: items.length, reviewers: reviewers.length, shortfalls };
  });
}
