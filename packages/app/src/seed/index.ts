// The seed feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './seed-publish.js';
export * from './seed.js';
