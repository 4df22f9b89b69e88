export { buildApp } from './app.js';
export { loadConfig, testConfig, type AppConfig } from '@scenebridge/app/config';
export type { Actor, Services } from '@scenebridge/app/context';
export { createServices, openServices } from '@scenebridge/app/services';
export { seedDemoData, type SeedScale } from '@scenebridge/app/seed';
