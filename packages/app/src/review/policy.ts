/**
 * Who may do what in review. The operator runs a call's review (assignments, ranking, selection,
 * the reviewer list); a reviewer scores their own assignments and declares their own relations.
 * The role is checked before anything is loaded, so who lacks it learns nothing about the object
 * (403); a reviewer asking for another reviewer's assignment is told it does not exist (404).
 */
import { forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The review of the platform's calls as a whole: the policy's resource carries nothing. */
export type ReviewProcess = null;
export const REVIEW_PROCESS: ReviewProcess = null;

const operator: Rule<ReviewProcess> = (a) => isOperator(a);
const reviewer: Rule<ReviewProcess> = (a) => !!a && a.roles.includes('reviewer');

export type ReviewAction = 'assign' | 'rank' | 'select' | 'listReviewers' | 'score' | 'declareRelation';

/** The review of the platform's calls, before any object is loaded. */
export const reviewPolicy = definePolicy<ReviewProcess, ReviewAction>('评审', {
  // That calls are reviewed is no secret: lacking the role is a 403, never a 404.
  view: () => true,
  assign: operator,
  rank: operator,
  select: operator,
  listReviewers: operator,
  score: reviewer,
  declareRelation: reviewer,
});

const REFUSALS: Partial<Record<ReviewAction, string>> = {
  score: '只有评审专家可以评审',
  declareRelation: '只有评审专家可以声明关联关系',
};

/** `reviewPolicy.authorize` with the refusal a reviewer-only route has always given. */
export function authorizeReview(actor: Actor | null, action: ReviewAction): void {
  if (!reviewPolicy.allow(actor, action, REVIEW_PROCESS)) throw forbidden(REFUSALS[action]);
}

const ownAssignment: Rule<{ reviewerUserId: string }> = (a, x) => reviewer(a, REVIEW_PROCESS) && x.reviewerUserId === a!.userId;

/**
 * One review assignment, as its reviewer works on it. The operator sees assignments through the
 * call's ranking and withdraws them as `assign`; another reviewer's assignment does not exist.
 */
export const assignmentPolicy = definePolicy<{ reviewerUserId: string }, 'score' | 'declareConflict'>('评审任务', {
  view: ownAssignment,
  score: ownAssignment,
  declareConflict: ownAssignment,
});
