import { DataDirLockedError } from '@scenebridge/db';
import { buildApp } from './app.js';
import { loadConfig } from '@scenebridge/app/config';
import { appJobs, createJobRunner } from '@scenebridge/app/jobs';
import { seedDemoData } from '@scenebridge/app/seed';
import { openServices } from '@scenebridge/app/services';
import { checkNoDemoAccounts, checkStartSettings, UnsafeStartError } from '@scenebridge/app/startup-checks';

const config = loadConfig();
let opened;
try {
  checkStartSettings(config);
  opened = await openServices(config);
  await checkNoDemoAccounts(config, opened.services);
} catch (e) {
  if (e instanceof DataDirLockedError || e instanceof UnsafeStartError) {
    console.error(`\n${e.message}\n`);
    await opened?.handle.close();
    process.exit(2);
  }
  throw e;
}
const { services, handle } = opened;
const app = await buildApp(services);

const seeded = config.seed === 'auto' ? await seedDemoData({ services }) : null;
const jobs = createJobRunner(services, appJobs(services, app.log), app.log);
// Calls open and close by their times before the first request (unless a process just did it).
await jobs.tick(['calls.advance-by-clock']);
jobs.start();

const address = await app.listen({ port: config.port, host: config.host });
const url = address.replace('[::1]', 'localhost');
const lines = [
  '',
  `SceneBridge 场景桥 is running at ${url}`,
  `  API docs:  ${url}/api/docs`,
  `  Database:  ${handle.kind === 'pglite' ? `PGlite, data folder ${handle.location}` : `PostgreSQL ${handle.location}`}`,
];
if (seeded) {
  lines.push(seeded.created ? '  Demo data: generated now' : '  Demo data: already present');
  lines.push('  Demo logins (password for all: ' + seeded.password + '):');
  for (const l of seeded.logins) lines.push(`    ${l.role.padEnd(12)} ${l.email}  (${l.organization})`);
}
console.log(lines.join('\n') + '\n');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await jobs.stop();
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
