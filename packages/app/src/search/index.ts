// The search feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './classification.js';
export * from './doc-table.js';
export * from './facets.js';
export * from './highlight.js';
export * from './listing-index.js';
export * from './listings.js';
export * from './query.js';
export * from './search-index.js';
export * from './search.js';
export * from './snapshots.js';
