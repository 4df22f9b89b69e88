// The notifications feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './list-my-notifications.js';
export * from './mark-all-notifications-read.js';
export * from './mark-notification-read.js';
export * from './policy.js';
export * from './present.js';
export * from './notification-preferences.js';
export * from './notice.js';
