export * from './acceptance.js';
