// The uploads feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './zip-guard.js';
export * from './read-upload.js';
