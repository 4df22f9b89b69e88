export * from './assignment.js';
export * from './scoring.js';
export * from './defence.js';
