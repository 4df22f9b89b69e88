/**
 * `match`: one listing → its ranked matches with explanations, over `scale` listings (the same
 * data as `search`). p50/p95 of GET /api/v1/listings/:id/matches over loopback, one client, for
 * 200 listings picked at random (needs and capabilities alike), after a warm-up; also the
 * in-process ranking alone (no HTTP, no database reads).
 */
import * as demo from '@scenebridge/demo';
import { listingTexts } from '@scenebridge/db';
import { rankMatches } from '@scenebridge/app/matching';
import { openBenchDatabase } from '../lib/db.js';
import { seedListings, sequentialGets } from '../lib/listings.js';
import { loginCookie, startApp, type RunningApp } from '../lib/server.js';
import { median, percentile, prng } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const SAMPLE = 200;

export default defineBenchmark({
  description: 'GET /api/v1/listings/:id/matches: one listing to its ranked, explained matches',
  defaultScale: 100_000,
  timeLimitS: 1500,
  figures: [
    { name: 'p50_ms', digits: 1 },
    { name: 'p95_ms', digits: 1 },
    { name: 'inproc_p50_ms', digits: 2 },
    { name: 'inproc_p95_ms', digits: 2 },
    { name: 'listings', digits: 0 },
  ],
  async run({ scale, log, deadline }) {
    const bench = await openBenchDatabase();
    let server: RunningApp | undefined;
    try {
      const { services } = bench;
      await seedListings(services, scale, (m) => log(`match: ${m}`), deadline);
      const state = await services.search.current();
      const ids: string[] = [];
      state.engine.forEach((d) => {
        ids.push(d.id);
      });
      const rand = prng(77);
      const sample = Array.from({ length: SAMPLE }, () => ids[Math.floor(rand() * ids.length)]!);

      server = await startApp(services);
      const cookie = await loginCookie(server.origin, demo.DEMO_BROKER_EMAIL, demo.DEMO_PASSWORD);
      const paths = sample.map((id) => `/api/v1/listings/${id}/matches`);
      await sequentialGets(server.origin, paths.slice(0, 20), cookie);
      const rounds = [];
      for (let r = 0; r < 3 && Date.now() < deadline; r++) rounds.push(await sequentialGets(server.origin, paths, cookie));

      const texts = await listingTexts(services.db, sample);
      const viewer = { seesAll: true, organizationId: null };
      const inproc = () =>
        sample.map((id) => {
          const s = performance.now();
          rankMatches(state.engine, viewer, id, state.engine.fieldsOf(id)!, texts.get(id)!);
          return performance.now() - s;
        });
      inproc();
      const local = [inproc(), inproc(), inproc()];
      const figures = {
        p50_ms: median(rounds.map((x) => percentile(x, 50))),
        p95_ms: median(rounds.map((x) => percentile(x, 95))),
        inproc_p50_ms: median(local.map((x) => percentile(x, 50))),
        inproc_p95_ms: median(local.map((x) => percentile(x, 95))),
        listings: state.engine.size,
      };
      log(
        `match: p50 ${figures.p50_ms.toFixed(1)} ms, p95 ${figures.p95_ms.toFixed(1)} ms; in process p95 ${figures.inproc_p95_ms.toFixed(2)} ms`,
      );
      return figures;
    } finally {
      await server?.close();
      await bench.close();
    }
  },
});
