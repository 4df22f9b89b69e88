export * from './registry.js';
export * from './jobs.js';
