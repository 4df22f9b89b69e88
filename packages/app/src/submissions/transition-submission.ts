import { findCall, findSubmission, reopenAssignmentsOfSubmission, updateSubmission, type NewSubmission } from '@scenebridge/db';
import {
  decide,
  DomainError,
  isCallInReview,
  notFound,
  reviewAssignmentMachine,
  submissionMachine,
  submissionSchemaFor,
  type ListType,
  type SubmissionState,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { acceptingSubmissions } from '../calls/index.js';
import { inTransaction } from '../shared/index.js';
import { machineActorsFor, submissionPolicy } from './policy.js';
import { USER_ACTIONS, validationError } from './rules.js';

export async function transitionSubmission({
  services,
  actor,
  id,
  action,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  action: string;
  reason?: string;
}) {
  const now = services.now();
  return inTransaction(services, actor, async (tx, events) => {
    const row = await findSubmission(tx, id, { forUpdate: true });
    if (!row) throw notFound(submissionPolicy.label);
    const s = row.submission;
    submissionPolicy.authorize(actor, 'view', s);
    if (submissionMachine.transitions.some((x) => x.action === action) && !USER_ACTIONS.includes(action)) {
      throw new DomainError('ILLEGAL_TRANSITION', '该操作由系统或发布流程执行，不能直接调用', 409);
    }
    // Who may take which move is the machine's, for the roles the policy gives the caller here.
    const t = decide(submissionMachine, {
      from: s.status as SubmissionState,
      action: action as never,
      actors: machineActorsFor(actor, s),
      reason,
    });
    const patch: Partial<NewSubmission> = { status: t.to, statusReason: reason?.trim() || null };
    if (t.action === 'submit' || t.action === 'resubmit') {
      const parsed = submissionSchemaFor(s.listType as ListType).safeParse(s.data);
      if (!parsed.success) throw validationError(parsed.error);
      const call = await findCall(tx, s.callId);
      // A revision asked for during review is taken while the call is in review, after its window.
      const reviewing = t.action === 'resubmit' && !!call && isCallInReview(call.status);
      if (!call || !(acceptingSubmissions(call, now) || reviewing)) throw new DomainError('CALL_NOT_OPEN', '不在征集时间内，无法提交', 409);
      if (reviewing) {
        patch.status = 'in_review';
        await reopenAssignmentsOfSubmission(
          tx,
          id,
          decide(reviewAssignmentMachine, { from: 'submitted', action: 'reopen', actors: ['system'] }),
        );
      }
      patch.submittedAt = now;
      patch.data = parsed.data;
      patch.statusReason = null;
    }
    const updated = await updateSubmission(tx, id, s.status, patch);
    if (!updated) throw new DomainError('CONFLICT', '填报状态已变化，请刷新后重试', 409);
    await events.record({
      action: `submission.${action}`,
      entityType: 'submission',
      entityId: id,
      fromState: s.status,
      toState: patch.status!,
      reason: reason?.trim() || null,
    });
    return id;
  });
}
