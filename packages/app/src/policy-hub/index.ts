// The policy hub's public face (docs/policies.md): routes and other features use only this.
export * from './access.js';
export * from './ingest-policy.js';
export * from './get-policy.js';
export * from './list-policies.js';
export * from './transition-policy.js';
export * from './present.js';
