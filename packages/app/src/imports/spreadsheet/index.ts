export * from './columns.js';
export * from './parse.js';
export * from './template.js';
