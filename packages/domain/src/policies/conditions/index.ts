export * from './profile.js';
export * from './rules.js';
export * from './evaluate.js';
