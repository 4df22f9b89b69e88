import { DataDirLockedError } from '@scenebridge/db';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createOutboxJob } from './mail/index.js';
import { advanceCallsByClock } from './use-cases/calls.js';
import { scanSubscriptions, sendDigests } from './use-cases/digests.js';
import { searchMatcher } from './search/subscription-matcher.js';
import { remindOverdueReviews } from './use-cases/reminders.js';
import { forgetIdleLoginCounters } from './use-cases/auth.js';
import { seedDemoData } from './seed.js';
import { openServices } from './services.js';
import { checkNoDemoAccounts, checkStartSettings, UnsafeStartError } from './startup-checks.js';

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
await advanceCallsByClock({ services });
// Notification jobs. Each is safe to run in several processes at once (see each job's comment).
const outbox = createOutboxJob(services, app.log);
const matcher = searchMatcher(services);
const SLOW_JOBS_MS = 5 * 60_000;
let slowJobsAt = 0;
let notifying = false;
async function notificationJobs() {
  if (notifying) return;
  notifying = true;
  const run = (name: string, job: () => Promise<unknown>) => job().catch((e: unknown) => app.log.error(e, `${name} failed`));
  try {
    await run('subscription scan', () => scanSubscriptions(services, matcher));
    // Digests and reminders work in days: every few minutes is plenty.
    if (Date.now() - slowJobsAt >= SLOW_JOBS_MS) {
      slowJobsAt = Date.now();
      await run('digests', () => sendDigests(services));
      await run('review reminders', () => remindOverdueReviews(services));
      await run('idle login counters', () => forgetIdleLoginCounters(services));
    }
    await run('outbox delivery', () => outbox.run());
  } finally {
    notifying = false;
  }
}
const clock = setInterval(() => {
  advanceCallsByClock({ services }).catch((e: unknown) => app.log.error(e, 'clock job failed'));
  void notificationJobs();
}, config.clockIntervalMs);
void notificationJobs();

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
  clearInterval(clock);
  outbox.close();
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
