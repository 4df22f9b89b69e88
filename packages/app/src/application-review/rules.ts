/** What the application-review use cases share: the challenge under review, the reviewer's own row, the machine. */
import { findApplicationReview, findChallenge, type ApplicationReviewRow, type ChallengeWithOrg, type Executor } from '@scenebridge/db';
import {
  decide,
  DomainError,
  notFound,
  REVIEW_ASSIGNMENT_STATE_LABELS,
  reviewAssignmentMachine,
  type Actor as MachineActor,
  type ReviewAssignmentAction,
  type ReviewAssignmentState,
  type ReviewScheme,
} from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { authorizeReview } from '../review/index.js';
import { applicationReviewPolicy } from './policy.js';

/** The states an application is reviewed in: submitted, and kept in view once shortlisted or decided. */
export const REVIEWED_STATES = ['submitted', 'shortlisted', 'proposed', 'awarded', 'not_awarded'] as const;
export const ACTIVE = (a: ApplicationReviewRow) => a.status !== 'conflict_declared';

export const schemeOf = (c: { reviewScheme: unknown }) => c.reviewScheme as ReviewScheme;

export function decideReview(a: ApplicationReviewRow, action: ReviewAssignmentAction, actors: MachineActor[], reason?: string) {
  const from = a.status as ReviewAssignmentState;
  try {
    return decide(reviewAssignmentMachine, { from, action, actors, reason });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'ILLEGAL_TRANSITION') throw e;
    throw new DomainError(e.code, `该评审任务${REVIEW_ASSIGNMENT_STATE_LABELS[from] ?? from}，不能执行此操作`, e.status, e.details);
  }
}

/** Pairs a reviewer stepped aside from are never assigned again. */
export const declaredConflicts = (rows: readonly ApplicationReviewRow[]) =>
  rows.filter((a) => a.status === 'conflict_declared').map((a) => ({ itemId: a.applicationId, reviewerId: a.reviewerUserId }));

/** The challenge the operator reviews: the role first (403), then the challenge (404), then its state (409). */
export async function challengeUnderReview(db: Executor, actor: Actor | null, challengeId: string): Promise<ChallengeWithOrg> {
  authorizeReview(actor, 'assign');
  const c = await findChallenge(db, challengeId);
  if (!c || c.submittedAt === null) throw notFound('榜单');
  if (c.status !== 'under_review') throw new DomainError('CHALLENGE_NOT_UNDER_REVIEW', '榜单尚未进入评审阶段', 409);
  return c;
}

/** The operator reads a challenge's review in any state once it was submitted for review. */
export async function challengeForOperator(db: Executor, actor: Actor | null, challengeId: string): Promise<ChallengeWithOrg> {
  authorizeReview(actor, 'rank');
  const c = await findChallenge(db, challengeId);
  if (!c || c.submittedAt === null) throw notFound('榜单');
  return c;
}

/** The caller's own application review: the role first (403), then the row (404 if not theirs). */
export async function myApplicationReview(db: Executor, actor: Actor | null, id: string, action: 'view' | 'score' | 'declareConflict') {
  authorizeReview(actor, 'score');
  const a = await findApplicationReview(db, id);
  if (!a) throw notFound(applicationReviewPolicy.label);
  applicationReviewPolicy.authorize(actor, action, a);
  return a;
}
