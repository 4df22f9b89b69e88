// The subscriptions feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './digests.js';
export * from './subscription-matcher.js';
export * from './subscriptions.js';
