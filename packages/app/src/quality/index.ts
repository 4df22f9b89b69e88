// The quality feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './check-quality.js';
export * from './list-duplicate-clusters.js';
export * from './merge-duplicates.js';
export * from './policy.js';
export * from './rules.js';
export * from './subscribers.js';
