// The auth feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './auth.js';
export * from './bootstrap.js';
export * from './password.js';
export * from './session-cache.js';
export * from './throttle.js';
export * from './tokens.js';
