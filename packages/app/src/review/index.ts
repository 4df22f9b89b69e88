// The review feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './policy.js';
export * from './assign-reviewer-manually.js';
export * from './assign-reviewers.js';
export * from './declare-conflict.js';
export * from './declare-relation.js';
export * from './decide-selection.js';
export * from './get-my-assignment.js';
export * from './list-my-assignments.js';
export * from './list-my-relations.js';
export * from './list-reviewers.js';
export * from './rank-call.js';
export * from './export-ranking.js';
export * from './remind-overdue-reviews.js';
export * from './remove-assignment.js';
export * from './save-scores.js';
export * from './withdraw-relation.js';
export * from './subscribers.js';
