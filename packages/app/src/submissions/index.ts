// The submissions feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './add-attachment.js';
export * from './create-submission-draft.js';
export * from './download-attachment.js';
export * from './get-submission.js';
export * from './list-submissions.js';
export * from './export-submissions.js';
export * from './policy.js';
export * from './present.js';
export * from './remove-attachment.js';
export * from './rules.js';
export * from './submission-history.js';
export * from './start-matching.js';
export * from './expire-by-clock.js';
export * from './transition-submission.js';
export * from './update-submission-draft.js';
export * from './uploads.js';
export * from './subscribers.js';
