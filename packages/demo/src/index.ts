/**
 * Deterministic demo data (no I/O): organisations, needs, capabilities, calls and users, for
 * `npm start`, tests and benchmarks.
 */
export * from './constants.js';
export * from './random.js';
export { personName, mobilePhone, landlinePhone, address, CQ_DISTRICTS, OTHER_REGIONS } from './people.js';
export * from './organizations.js';
export * from './affinity.js';
export { SECTOR_TEMPLATES, SECTOR_TEMPLATE_BY_CODE, TECH_PHRASES, type SceneTemplate, type SectorTemplate } from './scenes.js';
export { generateScenarioNeeds, type DemoScenarioNeed } from './needs.js';
export { generateCapabilities, brandOf, type DemoCapability } from './capabilities.js';
export * from './dataset.js';
export * from './challenges.js';
export * from './policies/policy-seeds.js';
