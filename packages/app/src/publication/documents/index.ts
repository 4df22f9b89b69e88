export * from './types.js';
export * from './format.js';
export * from './xml.js';
export * from './xlsx.js';
export * from './docx.js';
export * from './atom.js';
export * from './ocds.js';
export * from './public-list.js';
