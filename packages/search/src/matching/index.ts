export * from './key-terms.js';
export * from './rank.js';
