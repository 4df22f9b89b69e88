/** What the HTTP server, the CLI and the benchmarks start from. Use cases: `@scenebridge/app/<feature>/<file>`. */
export { loadConfig, testConfig, type AppConfig } from './config.js';
export type { Actor, Services } from './context.js';
export { createServices, openServices } from './services.js';
export { seedDemoData, type SeedScale } from './seed/index.js';
export { appJobs, createJobRunner } from './jobs/index.js';
