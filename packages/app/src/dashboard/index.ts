// The dashboard feature's public face: what the HTTP routes, the portal, jobs and benchmarks use.
export * from './cache.js';
export * from './export-dashboard.js';
export * from './export-statistics-report.js';
export * from './get-dashboard.js';
export * from './listing-views.js';
export * from './period.js';
export * from './policy.js';
export * from './targets.js';
