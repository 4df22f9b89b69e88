/**
 * Where a search request's time goes over HTTP: `scale` listings as in the `search` benchmark,
 * the app on loopback, 200 sequential searches under the V8 profiler (written to FILE).
 * `--baseline` also times trivial requests and the index catch-up, `--phases` the parts of a
 * search in process, `--heap` samples allocations (to /tmp/search-http.heapprofile).
 *
 *   npx tsx bench/dev/search-http-profile.ts [--scale 20000] [--profile FILE] [--baseline] [--phases] [--heap]
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as demo from '@scenebridge/demo';
import { openBenchDatabase } from '../lib/db.js';
import { seedListings, sequentialGets } from '../lib/listings.js';
import { loginCookie, startApp } from '../lib/server.js';
import { percentile } from '../lib/stats.js';

const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(opt('--scale') ?? 20_000);
const bench = await openBenchDatabase();
const world = await seedListings(bench.services, scale, console.log, Date.now() + 600_000);
await bench.services.search.current();
const server = await startApp(bench.services);
const cookie = await loginCookie(server.origin, demo.DEMO_BROKER_EMAIL, demo.DEMO_PASSWORD);
const paths = world.queries.map((q) => `/api/v1/search?${new URLSearchParams({ q })}`);
await sequentialGets(server.origin, paths, cookie);
if (args.includes('--baseline')) {
  const t = await sequentialGets(
    server.origin,
    paths.map(() => '/api/v1/auth/me'),
    cookie,
  );
  console.log(`GET /auth/me p50 ${percentile(t, 50).toFixed(2)} ms, p95 ${percentile(t, 95).toFixed(2)} ms`);
  const t2 = await sequentialGets(
    server.origin,
    paths.map(() => '/healthz'),
  );
  console.log(`GET /healthz p50 ${percentile(t2, 50).toFixed(2)} ms`);
  const sample = await (await fetch(`${server.origin}${paths[0]}`, { headers: { cookie } })).text();
  const parsed = JSON.parse(sample) as { items: unknown[]; facets: unknown };
  console.log(
    `response ${sample.length} chars: items ${JSON.stringify(parsed.items).length}, facets ${JSON.stringify(parsed.facets).length}`,
  );
  const t3 = await sequentialGets(server.origin, paths, cookie);
  console.log(`search p50 ${percentile(t3, 50).toFixed(2)} ms, p95 ${percentile(t3, 95).toFixed(2)} ms`);
  const s = performance.now();
  for (let i = 0; i < 200; i++) await bench.services.search.current();
  console.log(`index catch-up (probe) ${((performance.now() - s) / 200).toFixed(2)} ms`);
}
if (args.includes('--phases')) {
  const { searchListings } = await import('@scenebridge/app/search');
  const { runSearch } = await import('@scenebridge/app/search');
  const { login } = await import('@scenebridge/app/auth');
  const { actor } = await login({ services: bench.services, email: demo.DEMO_BROKER_EMAIL, password: demo.DEMO_PASSWORD });
  const state = await bench.services.search.current();
  const time = async (label: string, fn: (q: string) => unknown) => {
    const t: number[] = [];
    for (let r = 0; r < 2; r++)
      for (const q of world.queries) {
        const s = performance.now();
        await fn(q);
        t.push(performance.now() - s);
      }
    console.log(`${label.padEnd(16)} p50 ${percentile(t, 50).toFixed(2)} ms, p95 ${percentile(t, 95).toFixed(2)} ms`);
  };
  await time('runSearch', (q) => runSearch(state.engine, { seesAll: true, organizationId: null }, q, {}, 'relevance'));
  await time('searchListings', (q) =>
    searchListings({ services: bench.services, actor: actor as never, params: { q, page: 1, pageSize: 20 } }),
  );
  const { textsOf } = await import('@scenebridge/app/search');
  await time('index.current', () => bench.services.search.current());
  const pageIds = new Map(
    world.queries.map((q) => [q, runSearch(state.engine, { seesAll: true, organizationId: null }, q, {}, 'relevance').ids.slice(0, 20)]),
  );
  await time('textsOf(20)', (q) => textsOf(bench.services.db, state, pageIds.get(q)!));
  await time('queryTerms', (q) => state.engine.queryTerms(q, { nearMiss: false }));
  await time('HTTP', (q) => sequentialGets(server.origin, [`/api/v1/search?${new URLSearchParams({ q })}`], cookie));
  await time('runSearch', (q) => runSearch(state.engine, { seesAll: true, organizationId: null }, q, {}, 'relevance'));
}
const session = new Session();
session.connect();
if (args.includes('--heap')) {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await sequentialGets(server.origin, paths, cookie);
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  fs.writeFileSync('/tmp/search-http.heapprofile', JSON.stringify(heap));
}
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const times = [...(await sequentialGets(server.origin, paths, cookie)), ...(await sequentialGets(server.origin, paths, cookie))];
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync(opt('--profile') ?? '/tmp/search-http.cpuprofile', JSON.stringify(profile));
console.log(`p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
await server.close();
await bench.close();
