/**
 * `search`: `scale` listings in the database (bench/lib/listings.ts), the app's own index built
 * from them, and 200 queries of the kinds people type (a fifth with a sector filter):
 *
 * - index_build_s: reading every listing from the database and indexing it (first search);
 * - p50_ms / p95_ms: GET /api/v1/search over loopback, one client, one query after another
 *   (the whole request: session, index catch-up, search, facets, snippets from the database);
 * - p95_concurrent_ms: the same requests from 50 concurrent connections;
 * - inproc_p95_ms: the search with its facet counts in process (no HTTP, no snippets), against
 * - minisearch_p95_ms: MiniSearch 7 over the same titles and texts with the same segmenter,
 *   the same queries, top 20 — vs_minisearch_ratio = inproc_p95_ms / minisearch_p95_ms;
 * - peak_rss_mb: peak resident memory of the process (database included on PGlite) before
 *   MiniSearch is built.
 */
import MiniSearch from 'minisearch';
import * as demo from '@scenebridge/demo';
import { listingsChangedSince } from '@scenebridge/db';
import { defaultSegmenter } from '@scenebridge/search';
import { runSearch } from '@scenebridge/app/search';
import { openBenchDatabase } from '../lib/db.js';
import { seedListings, sequentialGets } from '../lib/listings.js';
import { runLoad } from '../lib/load.js';
import { RssSampler } from '../lib/rss.js';
import { loginCookie, startApp, type RunningApp } from '../lib/server.js';
import { median, percentile } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const CONNECTIONS = 50;
const SECTORS = ['manufacturing', 'healthcare', 'city', 'agriculture', 'education', 'elderly_care', 'energy', 'transport'];

export default defineBenchmark({
  description: 'GET /api/v1/search: index build, one client and 50 concurrent clients, vs MiniSearch on the same corpus',
  defaultScale: 100_000,
  timeLimitS: 1800,
  figures: [
    { name: 'index_build_s', digits: 1 },
    { name: 'p50_ms', digits: 1 },
    { name: 'p95_ms', target: { kind: 'max', value: 20 }, digits: 1 },
    { name: 'p95_concurrent_ms', digits: 1 },
    { name: 'concurrent_requests_per_s', digits: 0 },
    { name: 'errors', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'inproc_p50_ms', digits: 2 },
    { name: 'inproc_p95_ms', digits: 2 },
    { name: 'minisearch_p95_ms', digits: 2 },
    { name: 'vs_minisearch_ratio', target: { kind: 'max', value: 1 }, digits: 3 },
    { name: 'minisearch_build_s', digits: 1 },
    { name: 'peak_rss_mb', digits: 0 },
    { name: 'listings', digits: 0 },
    { name: 'seed_s', digits: 1 },
  ],
  async run({ scale, log, deadline }) {
    const bench = await openBenchDatabase();
    let server: RunningApp | undefined;
    const rss = new RssSampler().start();
    try {
      const { services } = bench;
      const world = await seedListings(services, scale, (m) => log(`search: ${m}`), deadline);

      const t = performance.now();
      const state = await services.search.current();
      const indexBuildS = (performance.now() - t) / 1000;
      log(`search: index of ${state.engine.size} listings built in ${indexBuildS.toFixed(1)} s`);

      const paths = world.queries.map((q, i) => {
        const p = new URLSearchParams({ q });
        if (i % 5 === 4) p.set('sector', SECTORS[i % SECTORS.length]!);
        return `/api/v1/search?${p}`;
      });
      server = await startApp(services);
      const cookie = await loginCookie(server.origin, demo.DEMO_BROKER_EMAIL, demo.DEMO_PASSWORD);
      await sequentialGets(server.origin, paths.slice(0, 20), cookie);
      const rounds = [];
      for (let r = 0; r < 3 && Date.now() < deadline; r++) rounds.push(await sequentialGets(server.origin, paths, cookie));
      const p50 = median(rounds.map((x) => percentile(x, 50)));
      const p95 = median(rounds.map((x) => percentile(x, 95)));
      log(`search: one client p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);

      const requests = paths.map((path) => ({ path, headers: { cookie } }));
      await runLoad({ url: server.origin, connections: CONNECTIONS, durationS: 3, requests });
      await server.drain();
      const load = await runLoad({ url: server.origin, connections: CONNECTIONS, durationS: 10, requests });
      await server.drain();
      log(
        `search: ${CONNECTIONS} clients ${load.requests} req, ${load.requests_per_s.toFixed(0)}/s, p95 ${load.p95_ms.toFixed(1)} ms, errors ${load.errors} (timeouts ${load.timeouts}, non-2xx ${load.non2xx}, status ${JSON.stringify(load.statusCodes)})`,
      );

      // In process: our search with facets, then MiniSearch, same queries, alternating rounds.
      const viewer = { seesAll: true, organizationId: null };
      const ours = () =>
        world.queries.map((q, i) => {
          const s = performance.now();
          runSearch(state.engine, viewer, q, i % 5 === 4 ? { sector: [SECTORS[i % SECTORS.length]!] } : {}, 'relevance');
          return performance.now() - s;
        });
      ours();
      const oursRounds = [ours(), ours(), ours()];
      const peakRss = rss.stop();

      const seg = defaultSegmenter();
      const mini = new MiniSearch<{ id: string; title: string; text: string; sector: string }>({
        fields: ['title', 'text'],
        storeFields: ['sector'],
        tokenize: (s) => seg.words(s),
        processTerm: (t) => t,
        searchOptions: { boost: { title: 2 }, tokenize: (s) => seg.words(s), processTerm: (t) => t },
      });
      const tm = performance.now();
      let after: { xid: string; id: string } | undefined;
      for (;;) {
        const rows = await listingsChangedSince(services.db, null, 5000, after);
        if (rows.length === 0) break;
        mini.addAll(rows.map((r) => ({ id: r.id, title: r.title, text: `${r.description}\n${r.extraText}`, sector: r.sector ?? '' })));
        const last = rows[rows.length - 1]!;
        after = { xid: last.changeXid, id: last.id };
        if (rows.length < 5000) break;
      }
      const miniBuildS = (performance.now() - tm) / 1000;
      const theirs = () =>
        world.queries.map((q, i) => {
          const s = performance.now();
          const sector = SECTORS[i % SECTORS.length]!;
          mini.search(q, i % 5 === 4 ? { filter: (r) => r.sector === sector } : {}).slice(0, 20);
          return performance.now() - s;
        });
      theirs();
      const miniRounds = [theirs(), theirs(), theirs()];
      const inprocP95 = median(oursRounds.map((x) => percentile(x, 95)));
      const miniP95 = median(miniRounds.map((x) => percentile(x, 95)));
      log(
        `search: in process p95 ours ${inprocP95.toFixed(2)} ms, MiniSearch ${miniP95.toFixed(2)} ms (built in ${miniBuildS.toFixed(1)} s)`,
      );
      return {
        index_build_s: indexBuildS,
        p50_ms: p50,
        p95_ms: p95,
        p95_concurrent_ms: load.p95_ms,
        concurrent_requests_per_s: load.requests_per_s,
        errors: load.errors,
        inproc_p50_ms: median(oursRounds.map((x) => percentile(x, 50))),
        inproc_p95_ms: inprocP95,
        minisearch_p95_ms: miniP95,
        vs_minisearch_ratio: inprocP95 / miniP95,
        minisearch_build_s: miniBuildS,
        peak_rss_mb: peakRss,
        listings: state.engine.size,
        seed_s: world.seedS,
      };
    } finally {
      rss.stop();
      await server?.close();
      await bench.close();
    }
  },
});
