// The review feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './reminders.js';
export * from './review.js';
