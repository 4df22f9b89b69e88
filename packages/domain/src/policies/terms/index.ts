export * from './types.js';
export * from './numbers.js';
export * from './units.js';
export * from './extract.js';
