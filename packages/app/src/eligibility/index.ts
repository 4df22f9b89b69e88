// The eligibility feature's public face: screening of an organisation against a challenge's rules, and overrides.
export * from './check-eligibility.js';
export * from './evaluate-eligibility.js';
export * from './policy.js';
export * from './record-override.js';
export * from './sources.js';
