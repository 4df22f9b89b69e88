export * from './money.js';
export * from './schema.js';
export * from './inputs.js';
export * from './evaluate.js';
export * from './propose.js';
