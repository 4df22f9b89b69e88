export * from './acceptance.js';
export * from './delivery-schema.js';
