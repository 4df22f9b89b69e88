export * from './schema.js';
export * from './window.js';
