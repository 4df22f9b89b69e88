import { findSubmission, updateSubmission } from '@scenebridge/db';
import { decide, DomainError, notFound, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, type DomainEvent } from '../shared/index.js';
import { authorizeReview } from './policy.js';

/** Select or reject many items at once: all of them move, or none. */
export async function decideSelection({
  services,
  actor,
  callId,
  submissionIds,
  action,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  submissionIds: string[];
  action: 'select' | 'reject';
  reason?: string;
}) {
  authorizeReview(actor, 'select');
  return inTransaction(services, actor, async (tx, events) => {
    const moved: DomainEvent[] = [];
    for (const id of [...new Set(submissionIds)]) {
      const row = await findSubmission(tx, id, { forUpdate: true });
      if (!row || row.submission.callId !== callId) throw notFound('填报');
      const s = row.submission;
      const t = decide(submissionMachine, { from: s.status as SubmissionState, action, actors: ['operator'], reason });
      if (!(await updateSubmission(tx, id, s.status, { status: t.to, statusReason: reason?.trim() || null }))) {
        throw new DomainError('CONFLICT', '项目状态已变化，请刷新后重试', 409);
      }
      moved.push({
        action: `submission.${action}`,
        entityType: 'submission',
        entityId: id,
        fromState: s.status,
        toState: t.to,
        reason: reason?.trim() || null,
      });
    }
    await events.record(...moved);
    return { moved: moved.length };
  });
}
