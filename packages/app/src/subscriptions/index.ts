// The subscriptions feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './create-subscription.js';
export * from './delete-my-subscription.js';
export * from './export-subscriptions.js';
export * from './get-my-subscription.js';
export * from './list-my-subscriptions.js';
export * from './list-subscription-hits.js';
export * from './policy.js';
export * from './present.js';
export * from './scan-subscriptions.js';
export * from './schemas.js';
export * from './send-digests.js';
export * from './set-subscribed-with-token.js';
export * from './subscription-matcher.js';
export * from './update-my-subscription.js';
