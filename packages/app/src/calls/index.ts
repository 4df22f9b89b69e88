// The calls feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './advance-calls-by-clock.js';
export * from './create-call.js';
export * from './get-call.js';
export * from './list-calls.js';
export * from './policy.js';
export * from './present.js';
export * from './rules.js';
export * from './transition-call.js';
export * from './update-call-details.js';
export * from './subscribers.js';
