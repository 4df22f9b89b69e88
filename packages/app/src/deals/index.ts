// The deals feature's public face: routes, jobs and other features use only this.
export * from './policy.js';
export * from './present.js';
export * from './access.js';
export * from './accept-interest.js';
export * from './create-deal.js';
export * from './transition-deal.js';
export * from './assign-broker.js';
export * from './update-amount.js';
export * from './log-activity.js';
export * from './get-deal.js';
export * from './list-deals.js';
export * from './export-deals.js';
export * from './deal-from-award.js';
export * from './clock.js';
export * from './subscribers.js';
export * from './wake-deal.js';
