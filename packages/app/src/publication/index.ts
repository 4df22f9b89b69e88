// The publication feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './publication.js';
export * from './snapshot.js';
export * from './documents/index.js';
