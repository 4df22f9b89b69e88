// The audit feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './list-audit.js';
export * from './policy.js';
export * from './verify-audit-chain.js';
