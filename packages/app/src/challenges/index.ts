// The challenges feature's public face: what the HTTP routes, the portal, jobs and other features use.
export * from './apply-challenge-transition.js';
export * from './close-challenges-by-clock.js';
export * from './create-challenge.js';
export * from './export-challenges.js';
export * from './get-challenge.js';
export * from './list-challenges.js';
export * from './policy.js';
export * from './present.js';
export * from './subscribers.js';
export * from './transition-challenge.js';
export * from './update-challenge.js';
export * from './public.js';
