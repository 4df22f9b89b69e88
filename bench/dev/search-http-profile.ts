/**
 * Where a search request's time goes over HTTP: `scale` listings as in the `search` benchmark,
 * the app on loopback, 200 sequential searches under the V8 profiler (written to FILE).
 *
 *   npx tsx bench/dev/search-http-profile.ts [--scale 20000] [--profile FILE]
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { demo } from '@scenebridge/domain';
import { openBenchDatabase } from '../lib/db.js';
import { seedListings, sequentialGets } from '../lib/listings.js';
import { loginCookie, startApp } from '../lib/server.js';
import { percentile } from '../lib/stats.js';

const args = process.argv.slice(2);
const opt = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const scale = Number(opt('--scale') ?? 20_000);
const bench = await openBenchDatabase();
const world = await seedListings(bench.services, scale, console.log, Date.now() + 600_000);
await bench.services.search.current();
const server = await startApp(bench.services);
const cookie = await loginCookie(server.origin, demo.DEMO_BROKER_EMAIL, demo.DEMO_PASSWORD);
const paths = world.queries.map((q) => `/api/v1/search?${new URLSearchParams({ q })}`);
await sequentialGets(server.origin, paths, cookie);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const times = [...await sequentialGets(server.origin, paths, cookie), ...await sequentialGets(server.origin, paths, cookie)];
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync(opt('--profile') ?? '/tmp/search-http.cpuprofile', JSON.stringify(profile));
console.log(`p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
await server.close();
await bench.close();
