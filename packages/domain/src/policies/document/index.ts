export * from './chinese-numbers.js';
export * from './markers.js';
export * from './segment.js';
export * from './metadata.js';
export * from './validity.js';
export * from './fields.js';
