import { findSubmission, insertAssignments, listAssignmentsOfCall, listReviewers } from '@scenebridge/db';
import { checkManualAssignment, DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { ACTIVE, reviewingCall } from './rules.js';

export async function assignReviewerManually({
  services,
  actor,
  callId,
  submissionId,
  reviewerUserId,
  dueAt,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  submissionId: string;
  reviewerUserId: string;
  dueAt?: string;
}) {
  await reviewingCall(services, actor, callId);
  return inTransaction(services, actor, async (tx, events) => {
    const sub = await findSubmission(tx, submissionId, { forUpdate: true });
    if (!sub || sub.submission.callId !== callId || sub.submission.status !== 'in_review') throw notFound('评审中的填报');
    const reviewer = (await listReviewers(tx)).find((r) => r.id === reviewerUserId);
    if (!reviewer) throw notFound('评审专家');
    const existing = (await listAssignmentsOfCall(tx, callId)).filter((a) => a.submissionId === submissionId);
    if (existing.some((a) => a.reviewerUserId === reviewerUserId && a.status === 'conflict_declared')) {
      throw new DomainError('CONFLICT_OF_INTEREST', '该专家已声明与此项目存在利益冲突', 409);
    }
    const check = checkManualAssignment(
      { id: reviewer.id, organizationId: reviewer.organizationId, relatedOrganizationIds: reviewer.relatedOrganizationIds },
      { id: submissionId, organizationIds: [sub.submission.organizationId] },
      existing.filter(ACTIVE).map((a) => ({ itemId: a.submissionId, reviewerId: a.reviewerUserId })),
    );
    if (!check.ok) throw new DomainError(check.code, check.message, 409);
    const [row] = await insertAssignments(tx, [
      { callId, submissionId, reviewerUserId, status: 'assigned', assignedBy: actor!.userId, dueAt: dueAt ? new Date(dueAt) : null },
    ]);
    await events.record({
      action: 'review.assigned_manually',
      entityType: 'submission',
      entityId: submissionId,
      data: { assignmentId: row!.id, reviewerUserId },
    });
    return row!;
  });
}
