import {
  findAssignment,
  findCall,
  insertAssignments,
  listAssignmentsOfCall,
  listReviewers,
  listSubmissionsOfCallInStates,
  updateAssignment,
} from '@scenebridge/db';
import { DomainError, reassignAfterConflict, type ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { decideAssignment, declaredConflicts, myAssignment } from './rules.js';

export async function declareConflict({
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
  await myAssignment(services, actor, id, 'declareConflict');
  if (!reason.trim()) throw new DomainError('REASON_REQUIRED', '请说明回避原因', 400);
  return inTransaction(services, actor, async (tx, events) => {
    const a = (await findAssignment(tx, id, { forUpdate: true }))!;
    const t = decideAssignment(a, 'declare_conflict', ['reviewer'], reason);
    await updateAssignment(tx, id, a.status, { status: t.to, conflictReason: reason.trim() });
    const call = (await findCall(tx, a.callId))!;
    const all = await listAssignmentsOfCall(tx, a.callId);
    const reviewers = await listReviewers(tx);
    const items = await listSubmissionsOfCallInStates(tx, a.callId, ['in_review']);
    const replacement = reassignAfterConflict({
      items: items.map((i) => ({ id: i.id, organizationIds: [i.organizationId] })),
      reviewers: reviewers.map((r) => ({ id: r.id, organizationId: r.organizationId, relatedOrganizationIds: r.relatedOrganizationIds })),
      k: (call.reviewScheme as ReviewScheme).reviewersPerItem,
      existing: all
        .filter((x) => x.status !== 'conflict_declared' && x.id !== id)
        .map((x) => ({ itemId: x.submissionId, reviewerId: x.reviewerUserId })),
      excluded: declaredConflicts(all),
      conflicted: { itemId: a.submissionId, reviewerId: a.reviewerUserId },
    });
    const inserted = replacement
      ? (
          await insertAssignments(tx, [
            { callId: a.callId, submissionId: a.submissionId, reviewerUserId: replacement.reviewerId, status: 'assigned', dueAt: a.dueAt },
          ])
        )[0]
      : undefined;
    await events.record({
      action: 'review.conflict_declared',
      entityType: 'submission',
      entityId: a.submissionId,
      reason: reason.trim(),
      data: { assignmentId: id, replacementReviewerUserId: inserted?.reviewerUserId ?? null },
    });
    return { reassignedTo: inserted ? inserted.reviewerUserId : null };
  });
}
