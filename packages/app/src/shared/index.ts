// The shared feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './html.js';
export * from './policy.js';
export * from './subscribers.js';
export * from './transaction.js';
export * from './list-workbook.js';
