// The publication feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './correct-entry.js';
export * from './export-public-entries.js';
export * from './get-public-batch.js';
export * from './get-public-entry.js';
export * from './list-benchmark-cases.js';
export * from './list-latest-batches.js';
export * from './list-public-batches.js';
export * from './list-public-entries.js';
export * from './present.js';
export * from './promote-to-benchmark.js';
export * from './publish-batch.js';
export * from './search-public-entries.js';
export * from './snapshot.js';
export * from './documents/index.js';
export * from './subscribers.js';
export * from './preview-batch.js';
export * from './batch-number.js';
