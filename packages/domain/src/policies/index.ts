// The policy hub's domain (docs/policies.md): reading notices, terms, calculators, conditions, lifecycles.
export * from './machine.js';
export * from './reading/index.js';
export * from './terms/index.js';
export * from './calculators/index.js';
export * from './conditions/index.js';
export * from './document/index.js';
export * from './support-types.js';
export * from './digest/index.js';
