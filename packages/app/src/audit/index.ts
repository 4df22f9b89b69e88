// The audit feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './audit-filters.js';
export * from './export-audit.js';
export * from './list-audit.js';
export * from './list-audit-people.js';
export * from './policy.js';
export * from './verify-audit-chain.js';
