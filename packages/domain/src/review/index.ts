export * from './assignment.js';
export * from './scoring.js';
