// The auth feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './change-password.js';
export * from './create-first-operator.js';
export * from './forget-idle-login-counters.js';
export * from './login.js';
export * from './logout.js';
export * from './password.js';
export * from './resolve-session.js';
export * from './session-cache.js';
export * from './throttle.js';
export * from './tokens.js';
export * from './abilities.js';
