/**
 * `public_list`: the public portal's list page `GET /public/needs?…` (server-rendered HTML, no
 * login) under 50 concurrent keep-alive connections over loopback, against the real app and
 * `scale` published entries (⅔ scenario needs, ⅓ capabilities) in numbered batches published
 * with the real publishBatch over several months. The same request mix also runs against the
 * JSON list `GET /api/v1/public/entries?listType=scenario_need&…` for comparison.
 *
 * The mix (500 requests, seeded): 40 % unfiltered (60 % pages 1–5, 25 % pages 1–50, 15 % any
 * page), then by sector, tech field, region, batch, two-filter combinations and keyword queries
 * (mostly page 1, some pages 2–5, a few anywhere). Filter values come from random published
 * entries, so common values are asked for more often; pages never go past the last one.
 * One warm-up round per target, then three measured rounds of each, alternating HTML and JSON
 * so both see the same machine; figures are medians over rounds, errors are summed. A keyword
 * page is the search engine's (its total and page count come from it); the JSON list matches
 * keywords literally.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { analyze, listBatches, listPublicEntries, type PublicEntryQuery } from '@scenebridge/db';
import { publishBatch } from '@scenebridge/app/publication';
import { searchPublished } from '@scenebridge/app/search';
import { openBenchDatabase } from '../lib/db.js';
import { runLoad, type LoadRequest, type LoadResult } from '../lib/load.js';
import { createSelectedCall, seedPublishWorld } from '../lib/published.js';
import { startApp, type RunningApp } from '../lib/server.js';
import { median, percentile, prng, timed } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const CONNECTIONS = 50;
const ROUNDS = 3;
const PAGE_SIZE = 20; // the portal's page size; the JSON requests ask for the same
const MIX_SIZE = 500;
const SERIAL_SAMPLE = 60;
const SEED = 2026;
const DAY = 86_400_000;
/** Keyword searches people type: common words, a district, an issuer word, and one that finds nothing. */
const KEYWORDS = ['智能', '检测', '巡检', '预警', '大模型', '机器人', '养老', '渝北区', '医院', '数字孪生', '量子通信卫星'];

interface Filter {
  sector?: string;
  techField?: string;
  regionCode?: string;
  batchId?: string;
  q?: string;
}

function roundSeconds(scale: number): number {
  const env = Number(process.env.BENCH_DURATION_S);
  if (Number.isFinite(env) && env > 0) return Math.min(120, env);
  return Math.max(3, Math.min(10, Math.round(scale / 1000)));
}

const keyOf = (f: Filter) => JSON.stringify([f.sector, f.techField, f.regionCode, f.batchId, f.q]);

function query(f: Filter, page: number): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['sector', 'techField', 'regionCode', 'batchId', 'q'] as const) if (f[k]) p.set(k, f[k]!);
  if (page > 1) p.set('page', String(page));
  return p;
}

export default defineBenchmark({
  description: `GET /public/needs (HTML list page) and /api/v1/public/entries, ${CONNECTIONS} concurrent clients over loopback`,
  defaultScale: 10_000,
  timeLimitS: 1200,
  figures: [
    { name: 'p50_ms', digits: 1 },
    { name: 'p95_ms', target: { kind: 'max', value: 100 }, digits: 1 },
    { name: 'errors', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'requests_per_s', digits: 0 },
    { name: 'p99_ms', digits: 1 },
    { name: 'api_p50_ms', digits: 1 },
    { name: 'api_p95_ms', target: { kind: 'max', value: 100 }, digits: 1 },
    { name: 'api_errors', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'api_requests_per_s', digits: 0 },
    { name: 'html_vs_api_p95_ratio', digits: 2 },
    { name: 'serial_p50_ms', digits: 1 },
    { name: 'serial_db_p50_ms', digits: 1 },
    { name: 'page_kb', digits: 1 },
    { name: 'entries', digits: 0 },
    { name: 'batches', digits: 0 },
    { name: 'seed_s', digits: 1 },
  ],
  async run({ scale, log, deadline }) {
    const total = Math.max(2, Math.floor(scale));
    const needs = Math.max(1, Math.round((total * 2) / 3));
    const capabilities = total - needs;
    // Several batches at every scale: 1,000 entries per batch at the default scale.
    const perBatch = Math.max(50, Math.min(1000, Math.ceil(total / 10)));
    const organizations = Math.max(30, Math.min(1000, Math.round(total * 0.03)));
    const bench = await openBenchDatabase();
    let server: RunningApp | undefined;
    try {
      const { services } = bench;
      const t0 = performance.now();
      const world = await seedPublishWorld(services, { organizations, needs, capabilities: Math.max(1, capabilities) });

      // Batches alternate needs and capabilities and are published three weeks apart, newest last.
      const plan: { listType: 'scenario_need' | 'capability'; count: number }[] = [];
      const left = { scenario_need: needs, capability: capabilities };
      while (left.scenario_need > 0 || left.capability > 0) {
        for (const listType of ['scenario_need', 'scenario_need', 'capability'] as const) {
          const count = Math.min(perBatch, left[listType]);
          if (count > 0) plan.push({ listType, count });
          left[listType] -= count;
        }
      }
      const needBatches: string[] = [];
      const now = services.now().getTime();
      for (const [i, b] of plan.entries()) {
        const at = new Date(now - (plan.length - 1 - i) * 21 * DAY);
        const call = await createSelectedCall(services, world, { listType: b.listType, count: b.count, at, label: `第${i + 1}期` });
        const batch = await publishBatch({ services: { ...services, now: () => at }, actor: world.actor, callId: call.callId });
        if (batch.entryCount !== b.count) throw new Error(`batch ${i + 1}: ${batch.entryCount} entries, expected ${b.count}`);
        if (b.listType === 'scenario_need') needBatches.push(batch.id);
        if (Date.now() > deadline) throw new Error('seeding did not finish within the time limit');
      }
      await analyze(services.db);
      const seedS = (performance.now() - t0) / 1000;
      log(
        `public_list: published ${total} entries (${needs} needs, ${capabilities} capabilities) in ${plan.length} batches over ` +
          `${organizations} organisations in ${seedS.toFixed(1)} s (${bench.handle.kind})`,
      );

      // ---- the request mix ------------------------------------------------------------------
      const published = world.pool.scenario_need.slice(0, world.taken.scenario_need);
      const rand = prng(SEED);
      const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const item = () => pickOf(published) as { sector?: string; techFields?: string[]; regionCode?: string | null };
      const sector = () => item().sector;
      const tech = () => pickOf(item().techFields ?? [undefined]);
      const region = () => item().regionCode ?? undefined;
      const kinds: [number, () => Filter][] = [
        [0.4, () => ({})],
        [0.12, () => ({ sector: sector() })],
        [0.1, () => ({ techField: tech() })],
        [0.08, () => ({ regionCode: region() })],
        [0.08, () => ({ batchId: pickOf(needBatches) })],
        [
          0.05,
          () => {
            const x = item();
            return { sector: x.sector, techField: pickOf(x.techFields ?? [undefined]) };
          },
        ],
        [
          0.05,
          () => {
            const x = item();
            return { sector: x.sector, regionCode: x.regionCode ?? undefined };
          },
        ],
        [0.04, () => ({ batchId: pickOf(needBatches), sector: sector() })],
        [0.05, () => ({ q: pickOf(KEYWORDS) })],
        [0.03, () => ({ q: pickOf(KEYWORDS), sector: sector() })],
      ];
      const totals = new Map<string, number>();
      const totalOf = async (f: Filter) => {
        const key = keyOf(f);
        if (!totals.has(key)) {
          const r = await listPublicEntries(services.db, { listType: 'scenario_need', ...f, text: f.q, limit: 1, offset: 0 });
          totals.set(key, r.total);
        }
        return totals.get(key)!;
      };
      // A keyword goes through the search engine on the portal (ranked, synonyms), so its page
      // shows the engine's total; the JSON list still matches the words literally.
      const searchTotals = new Map<string, number>();
      const pageTotalOf = async (f: Filter) => {
        if (!f.q) return totalOf(f);
        const key = keyOf(f);
        if (!searchTotals.has(key)) {
          const r = await searchPublished({
            services,
            params: { ...f, q: f.q, listType: 'scenario_need', offset: 0, limit: 1 },
          });
          searchTotals.set(key, r.total);
        }
        return searchTotals.get(key)!;
      };
      const mix: { filter: Filter; page: number }[] = [];
      for (let i = 0; i < MIX_SIZE; i++) {
        let r = rand();
        const make = (kinds.find(([w]) => (r -= w) < 0) ?? kinds[0]!)[1];
        const filter = make();
        await totalOf(filter);
        const pages = Math.max(1, Math.ceil((await pageTotalOf(filter)) / PAGE_SIZE));
        const where = rand();
        const unfiltered = keyOf(filter) === keyOf({});
        const page = unfiltered
          ? where < 0.6
            ? 1 + Math.floor(rand() * Math.min(5, pages))
            : where < 0.85
              ? 1 + Math.floor(rand() * Math.min(50, pages))
              : 1 + Math.floor(rand() * pages)
          : where < 0.7
            ? 1
            : where < 0.9
              ? 1 + Math.floor(rand() * Math.min(5, pages))
              : 1 + Math.floor(rand() * pages);
        mix.push({ filter, page });
      }
      const htmlRequests: LoadRequest[] = mix.map(({ filter, page }) => {
        const q = query(filter, page).toString();
        return { path: `/public/needs${q ? `?${q}` : ''}` };
      });
      const apiRequests: LoadRequest[] = mix.map(({ filter, page }) => {
        const q = query(filter, 1);
        q.set('page', String(page));
        q.set('pageSize', String(PAGE_SIZE));
        return { path: `/api/v1/public/entries?listType=scenario_need&${q.toString()}` };
      });
      const deep = mix.filter((m) => m.page > 5).length;
      log(
        `public_list: mix of ${MIX_SIZE} requests, ${totals.size} distinct filters, ${mix.filter((m) => keyOf(m.filter) === keyOf({})).length} unfiltered, ` +
          `${mix.filter((m) => m.filter.q).length} keyword, ${deep} beyond page 5 (deepest ${Math.max(...mix.map((m) => m.page))}); ` +
          `${needBatches.length} need batches`,
      );

      server = await startApp(services);
      const { origin } = server;

      // ---- correctness of what is measured, and one client alone (no queueing) --------------
      const serial: number[] = [];
      const serialDb: number[] = [];
      let pageBytes = 0;
      for (let i = 0; i < SERIAL_SAMPLE; i++) {
        const m = mix[i]!;
        const h = await timed(async () => {
          const res = await fetch(`${origin}${htmlRequests[i]!.path}`, { signal: AbortSignal.timeout(30_000) });
          return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
        });
        if (h.value.status !== 200 || !h.value.type.startsWith('text/html')) {
          throw new Error(`GET ${htmlRequests[i]!.path} → ${h.value.status} ${h.value.type}: ${h.value.body.slice(0, 300)}`);
        }
        const expected = totals.get(keyOf(m.filter))!;
        const shown = m.filter.q ? searchTotals.get(keyOf(m.filter))! : expected;
        // The page states the number of matching entries (共 <strong>N</strong> 项).
        if (!h.value.body.includes(`>${shown}<`)) throw new Error(`GET ${htmlRequests[i]!.path}: page does not show the total ${shown}`);
        const res = await fetch(`${origin}${apiRequests[i]!.path}`, { signal: AbortSignal.timeout(30_000) });
        const json = (await res.json()) as { total: number; items: unknown[] };
        if (res.status !== 200 || json.total !== expected)
          throw new Error(`GET ${apiRequests[i]!.path} → ${res.status}, total ${json.total}, expected ${expected}`);
        serial.push(h.seconds * 1000);
        pageBytes += Buffer.byteLength(h.value.body);
        // What the page handler asks the database, without HTTP or rendering.
        const q: PublicEntryQuery = {
          listType: 'scenario_need',
          ...m.filter,
          text: m.filter.q,
          limit: PAGE_SIZE,
          offset: (m.page - 1) * PAGE_SIZE,
        };
        const d = await timed(() =>
          Promise.all([listPublicEntries(services.db, q), listBatches(services.db, { listType: 'scenario_need', limit: 200, offset: 0 })]),
        );
        serialDb.push(d.seconds * 1000);
      }
      log(
        `public_list: one client alone, ${SERIAL_SAMPLE} mix requests: HTML p50 ${median(serial).toFixed(1)} ms, p95 ${percentile(serial, 95).toFixed(1)} ms; ` +
          `the page's two queries in-process p50 ${median(serialDb).toFixed(1)} ms, p95 ${percentile(serialDb, 95).toFixed(1)} ms; page ${(pageBytes / SERIAL_SAMPLE / 1024).toFixed(1)} KB on average`,
      );
      await server.drain();

      // ---- load ------------------------------------------------------------------------------
      const seconds = roundSeconds(total);
      const describe = (r: LoadResult) =>
        `${r.requests} req in ${r.durationS.toFixed(1)} s (${r.requests_per_s.toFixed(0)}/s), p50 ${r.p50_ms.toFixed(1)} ms, ` +
        `p95 ${r.p95_ms.toFixed(1)} ms, p99 ${r.p99_ms.toFixed(1)} ms, max ${r.max_ms.toFixed(0)} ms, errors ${r.errors}` +
        (r.errors
          ? ` (non-2xx ${r.non2xx}, socket ${r.socketErrors}, timeouts ${r.timeouts}, codes ${JSON.stringify(r.statusCodes)})`
          : '');
      const targets = [
        ['html', htmlRequests],
        ['api', apiRequests],
      ] as const;
      for (const [name, requests] of targets) {
        const warm = await runLoad({ url: origin, connections: CONNECTIONS, durationS: Math.min(3, seconds), requests });
        log(`public_list: ${name} warm-up ${describe(warm)}`);
        await server.drain();
      }
      const rounds: Record<'html' | 'api', LoadResult[]> = { html: [], api: [] };
      for (let i = 0; i < ROUNDS && Date.now() + 2 * seconds * 1000 < deadline; i++) {
        for (const [name, requests] of targets) {
          const loop = monitorEventLoopDelay({ resolution: 10 });
          loop.enable();
          const r = await runLoad({ url: origin, connections: CONNECTIONS, durationS: seconds, requests });
          loop.disable();
          log(
            `public_list: ${name} round ${i + 1}/${ROUNDS} ${describe(r)}; server event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
          );
          rounds[name].push(r);
          await server.drain();
        }
      }
      if (rounds.html.length === 0) throw new Error('no measured round fitted in the time limit');
      const med = (rs: LoadResult[], k: 'p50_ms' | 'p95_ms' | 'p99_ms' | 'requests_per_s') => median(rs.map((r) => r[k]));
      return {
        p50_ms: med(rounds.html, 'p50_ms'),
        p95_ms: med(rounds.html, 'p95_ms'),
        errors: rounds.html.reduce((n, r) => n + r.errors, 0),
        requests_per_s: med(rounds.html, 'requests_per_s'),
        p99_ms: med(rounds.html, 'p99_ms'),
        api_p50_ms: med(rounds.api, 'p50_ms'),
        api_p95_ms: med(rounds.api, 'p95_ms'),
        api_errors: rounds.api.reduce((n, r) => n + r.errors, 0),
        api_requests_per_s: med(rounds.api, 'requests_per_s'),
        // Ratio within each pair of rounds (same machine state), median over the pairs.
        html_vs_api_p95_ratio: median(rounds.html.map((r, i) => r.p95_ms / rounds.api[i]!.p95_ms)),
        serial_p50_ms: median(serial),
        serial_db_p50_ms: median(serialDb),
        page_kb: pageBytes / SERIAL_SAMPLE / 1024,
        entries: total,
        batches: plan.length,
        seed_s: seedS,
      };
    } finally {
      if (server) await server.close();
      await bench.close();
    }
  },
});
