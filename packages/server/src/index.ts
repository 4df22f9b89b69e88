export { buildApp } from './app.js';
export { loadConfig, testConfig, type AppConfig } from './config.js';
export type { Actor, Services } from './context.js';
export { createServices, openServices } from './services.js';
export { seedDemoData, type SeedScale } from './seed.js';
