// The matching feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './decide-match.js';
export * from './export-interests.js';
export * from './express-interest.js';
export * from './list-interests.js';
export * from './list-matches.js';
export * from './policy.js';
export * from './present.js';
export * from './rank-matches.js';
export * from './subscribers.js';
