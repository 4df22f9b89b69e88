// The 公示 feature's public face: what the HTTP routes, the portal, jobs and other features use.
export * from './advance-publicities-by-clock.js';
export * from './apply-publicity-transition.js';
export * from './create-publicity.js';
export * from './decide-objection.js';
export * from './export-objections.js';
export * from './get-publicity.js';
export * from './list-objections.js';
export * from './lodge-objection.js';
export * from './policy.js';
export * from './present.js';
export * from './subjects.js';
export * from './subscribers.js';
export * from './transition-publicity.js';
