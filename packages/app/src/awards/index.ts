// The awards (中榜, 任务书) feature's public face: what the HTTP routes, the portal, the 公示 and other features use.
export * from './award-challenge.js';
export * from './award-source-need.js';
// Delivery, acceptance and payments (task B2).
export * from './assign-acceptors.js';
export * from './deliver-milestone.js';
export * from './eliminate-award.js';
export * from './export-awards.js';
export * from './get-award.js';
export * from './list-awards.js';
export * from './policy.js';
export * from './present.js';
export * from './record-acceptance.js';
export * from './record-payment.js';
export * from './start-award.js';
export * from './subscribers.js';
export * from './terminate-with-challenge.js';
export * from './award-notifications.js';
export * from './award-results.js';
export * from './public-results.js';
export * from './award-links.js';
