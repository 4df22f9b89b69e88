// The search feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './classify-text.js';
export * from './doc-table.js';
export * from './facets.js';
export * from './get-listing.js';
export * from './highlight.js';
export * from './listing-index.js';
export { loadVisibleListing } from './load-visible-listing.js';
export * from './policy.js';
export * from './query.js';
export * from './search-index.js';
export * from './search-listings.js';
export * from './search-published.js';
export * from './snapshots.js';
