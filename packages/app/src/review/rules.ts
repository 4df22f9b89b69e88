/** What the review use cases share: the assignment machine's refusals and the assignment sets. */
import { findAssignment, findCall, type AssignmentRow, type CallRow } from '@scenebridge/db';
import {
  allowedActions,
  decide,
  DomainError,
  isCallInReview,
  notFound,
  REVIEW_ASSIGNMENT_STATE_LABELS,
  reviewAssignmentMachine,
  type Actor as MachineActor,
  type ReviewAssignmentAction,
  type ReviewAssignmentState,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { assignmentPolicy, authorizeReview } from './policy.js';

export const ACTIVE = (a: AssignmentRow) => a.status !== 'conflict_declared';

/** `decide` on the assignment machine, with a refusal that names the state in Chinese. */
export function decideAssignment(a: AssignmentRow, action: ReviewAssignmentAction, actors: MachineActor[], reason?: string) {
  const from = a.status as ReviewAssignmentState;
  try {
    return decide(reviewAssignmentMachine, { from, action, actors, reason });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'ILLEGAL_TRANSITION') throw e;
    throw new DomainError(e.code, `该评审任务${REVIEW_ASSIGNMENT_STATE_LABELS[from] ?? from}，不能执行此操作`, e.status, e.details);
  }
}

export const withdrawable = (a: AssignmentRow) =>
  allowedActions(reviewAssignmentMachine, a.status as ReviewAssignmentState, ['operator']).includes('withdraw');

/** Pairs a reviewer declared a conflict on are never assigned again. */
export function declaredConflicts(existing: AssignmentRow[]) {
  return existing.filter((a) => a.status === 'conflict_declared').map((a) => ({ itemId: a.submissionId, reviewerId: a.reviewerUserId }));
}

/** The call whose review the operator runs; it must be in review. */
export async function reviewingCall(services: Services, actor: Actor | null, callId: string): Promise<CallRow> {
  authorizeReview(actor, 'assign');
  const call = await findCall(services.db, callId);
  if (!call) throw notFound('征集');
  if (!isCallInReview(call.status)) throw new DomainError('CALL_NOT_REVIEWING', '征集尚未进入评审阶段', 409);
  return call;
}

/** The caller's own assignment: the role first (403), then the assignment (404 if not theirs). */
export async function myAssignment(
  services: Services,
  actor: Actor | null,
  id: string,
  action: 'view' | 'score' | 'declareConflict' = 'view',
) {
  authorizeReview(actor, 'score');
  const a = await findAssignment(services.db, id);
  if (!a) throw notFound(assignmentPolicy.label);
  assignmentPolicy.authorize(actor, action, a);
  return a;
}
