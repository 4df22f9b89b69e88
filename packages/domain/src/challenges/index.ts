export * from './schema.js';
export * from './deadline.js';
