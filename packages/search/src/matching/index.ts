export * from './key-terms.js';
export * from './rank.js';
export * from './infer.js';
