export * from './read-policy.js';
