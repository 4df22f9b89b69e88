export * from './qualifications.js';
export * from './rules.js';
export * from './region-match.js';
export * from './check.js';
export * from './requests.js';
