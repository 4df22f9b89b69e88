// The review of 揭榜 applications (评审, 答辩/路演): what the HTTP routes and other features use.
export * from './assign-application-reviewers.js';
export * from './assign-application-reviewer-manually.js';
export * from './cancel-defence-slot.js';
export * from './create-defence-slot.js';
export * from './declare-application-conflict.js';
export * from './export-application-ranking.js';
export * from './get-my-application-review.js';
export * from './list-defence-slots.js';
export * from './list-my-application-reviews.js';
export * from './policy.js';
export * from './rank-applications.js';
export * from './remove-application-review.js';
export * from './reschedule-defence-slot.js';
export * from './save-application-scores.js';
export * from './subscribers.js';
