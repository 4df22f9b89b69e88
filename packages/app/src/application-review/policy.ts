/**
 * Who may do what in the review of 揭榜 applications. The operator runs it (assignments,
 * ranking, defence slots) and is checked by role before anything is loaded, as in the calls'
 * review (review/policy.ts). A reviewer scores their own application reviews; another
 * reviewer's does not exist (404).
 */
import { definePolicy, type Rule } from '../shared/index.js';

const ownReview: Rule<{ reviewerUserId: string }> = (a, x) => !!a && a.roles.includes('reviewer') && x.reviewerUserId === a.userId;

export const applicationReviewPolicy = definePolicy<{ reviewerUserId: string }, 'score' | 'declareConflict'>('揭榜评审任务', {
  view: ownReview,
  score: ownReview,
  declareConflict: ownReview,
});
