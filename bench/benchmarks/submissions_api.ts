/**
 * `submissions_api`: GET /api/v1/submissions under 50 concurrent keep-alive connections over
 * loopback, against the real app (buildApp + listen on 127.0.0.1) and a database seeded by the
 * demo-data generator with `scale` submissions. The request mix is 60 % operator list pages
 * (60 % among pages 1–5, 25 % among pages 1–50, 15 % anywhere; 25 % filtered by status,
 * 15 % by list type) and 40 % organisation admins paging through their own submissions
 * (the four organisations with the most). One warm-up round, then three
 * measured rounds; p50/p95 are over all requests within a round, the figures are the medians
 * of the rounds, errors are summed over the measured rounds.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as demo from '@scenebridge/demo';
import { seedDemoData, type SeedScale } from '@scenebridge/server';
import { openBenchDatabase } from '../lib/db.js';
import { runLoad, type LoadRequest, type LoadResult } from '../lib/load.js';
import { loginCookie, startApp, type RunningApp } from '../lib/server.js';
import { median, prng, timed } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const CONNECTIONS = 50;
const ROUNDS = 3;
const PAGE_SIZE = 20;
const ORG_LOGINS = 4;
const MIX_SIZE = 500;
const SEED = 2026;

export function seedScaleFor(submissions: number): SeedScale {
  const needs = Math.round((submissions * 2) / 3);
  return {
    organizations: Math.max(30, Math.min(1000, Math.round(submissions * 0.03))),
    needs,
    capabilities: Math.max(0, submissions - needs),
  };
}

/** Round length: 10 s at the default scale, shorter for quick runs; BENCH_DURATION_S overrides. */
function roundSeconds(scale: number): number {
  const env = Number(process.env.BENCH_DURATION_S);
  if (Number.isFinite(env) && env > 0) return Math.min(120, env);
  return Math.max(3, Math.min(10, Math.round(scale / 1000)));
}

async function getList(origin: string, cookie: string, query: string): Promise<{ total: number; items: unknown[] }> {
  const res = await fetch(`${origin}/api/v1/submissions?${query}`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
  if (res.status !== 200) throw new Error(`GET /api/v1/submissions?${query} → ${res.status} ${await res.text()}`);
  return (await res.json()) as { total: number; items: unknown[] };
}

export default defineBenchmark({
  description: `GET /api/v1/submissions, ${CONNECTIONS} concurrent clients over loopback`,
  defaultScale: 10_000,
  timeLimitS: 900,
  figures: [
    { name: 'p50_ms', digits: 1 },
    { name: 'p95_ms', target: { kind: 'max', value: 100 }, digits: 1 },
    { name: 'errors', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'requests_per_s', digits: 0 },
    { name: 'p99_ms', digits: 1 },
    { name: 'seed_s', digits: 1 },
  ],
  async run({ scale, log, deadline }) {
    const total = Math.max(1, Math.floor(scale));
    const seedScale = seedScaleFor(total);
    const bench = await openBenchDatabase();
    let server: RunningApp | undefined;
    try {
      const { services } = bench;
      const seeded = await timed(() => seedDemoData({ services, scale: seedScale, seed: SEED }));
      if (!seeded.value.created) throw new Error('database was not empty');
      log(
        `submissions_api: seeded ${total} submissions over ${seedScale.organizations} organisations in ${seeded.seconds.toFixed(1)} s (${bench.handle.kind})`,
      );

      // The same generator, same seed: who owns the most submissions (their admins log in below).
      const ds = demo.generateDemoDataset({ seed: SEED, ...seedScale, now: services.now() });
      const perOwner = new Map<string, number>();
      for (const x of [...ds.needs, ...ds.capabilities]) perOwner.set(x.ownerCreditCode, (perOwner.get(x.ownerCreditCode) ?? 0) + 1);
      const owners = [...perOwner.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, ORG_LOGINS)
        .map(([code]) => code);
      const orgAdmins = owners.map(
        (code) => ds.users.find((u) => u.organizationCreditCode === code && u.roles.includes('org_admin'))!.email,
      );

      server = await startApp(services);
      const { origin } = server;

      const operator = await loginCookie(origin, demo.DEMO_OPERATOR_EMAIL, demo.DEMO_PASSWORD);
      const orgs: { cookie: string; pages: number }[] = [];
      for (const email of orgAdmins) {
        const cookie = await loginCookie(origin, email, demo.DEMO_PASSWORD);
        const first = await getList(origin, cookie, `page=1&pageSize=${PAGE_SIZE}`);
        orgs.push({ cookie, pages: Math.max(1, Math.ceil(first.total / PAGE_SIZE)) });
      }
      // Operator views: everything but drafts, and two filters. Their totals bound the pages asked for.
      const variants: { filter: string; weight: number; pages: number }[] = [];
      for (const [filter, weight] of [
        ['', 0.6],
        ['status=submitted&', 0.25],
        ['listType=capability&', 0.15],
      ] as const) {
        const first = await getList(origin, operator, `${filter}page=1&pageSize=${PAGE_SIZE}`);
        if (first.total >= PAGE_SIZE && first.items.length !== PAGE_SIZE)
          throw new Error(`page 1 of ${filter || 'all'} has ${first.items.length} items`);
        variants.push({ filter, weight, pages: Math.max(1, Math.ceil(first.total / PAGE_SIZE)) });
      }
      log(
        `submissions_api: operator sees ${variants[0]!.pages} pages; ${orgs.length} org admins see ${orgs.map((o) => o.pages).join('/')} pages`,
      );

      const rand = prng(SEED);
      const pick = (n: number) => 1 + Math.floor(rand() * n);
      const requests: LoadRequest[] = [];
      for (let i = 0; i < MIX_SIZE; i++) {
        if (rand() < 0.6) {
          let r = rand();
          const v = variants.find((x) => (r -= x.weight) < 0) ?? variants[0]!;
          // Mostly the first pages, some browsing further, some deep (OFFSET) pages anywhere.
          const where = rand();
          const page = where < 0.6 ? pick(Math.min(5, v.pages)) : where < 0.85 ? pick(Math.min(50, v.pages)) : pick(v.pages);
          requests.push({ path: `/api/v1/submissions?${v.filter}page=${page}&pageSize=${PAGE_SIZE}`, headers: { cookie: operator } });
        } else {
          const o = orgs[Math.floor(rand() * orgs.length)]!;
          requests.push({ path: `/api/v1/submissions?page=${pick(o.pages)}&pageSize=${PAGE_SIZE}`, headers: { cookie: o.cookie } });
        }
      }

      const seconds = roundSeconds(total);
      const describe = (r: LoadResult) =>
        `${r.requests} req in ${r.durationS.toFixed(1)} s (${r.requests_per_s.toFixed(0)}/s), p50 ${r.p50_ms.toFixed(1)} ms, ` +
        `p95 ${r.p95_ms.toFixed(1)} ms, p99 ${r.p99_ms.toFixed(1)} ms, max ${r.max_ms.toFixed(0)} ms, errors ${r.errors}` +
        (r.errors
          ? ` (non-2xx ${r.non2xx}, socket ${r.socketErrors}, timeouts ${r.timeouts}, codes ${JSON.stringify(r.statusCodes)})`
          : '');
      const warm = await runLoad({ url: origin, connections: CONNECTIONS, durationS: Math.min(3, seconds), requests });
      log(`submissions_api: warm-up ${describe(warm)}`);
      await server.drain();
      const rounds: LoadResult[] = [];
      for (let i = 0; i < ROUNDS && Date.now() + seconds * 1000 < deadline; i++) {
        // Event-loop delay of the server thread: long stalls (GC, synchronous database work) show here.
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        const r = await runLoad({ url: origin, connections: CONNECTIONS, durationS: seconds, requests });
        loop.disable();
        log(
          `submissions_api: round ${i + 1}/${ROUNDS} ${describe(r)}; server event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
        );
        rounds.push(r);
        await server.drain();
      }
      if (rounds.length === 0) throw new Error('no measured round fitted in the time limit');
      return {
        p50_ms: median(rounds.map((r) => r.p50_ms)),
        p95_ms: median(rounds.map((r) => r.p95_ms)),
        errors: rounds.reduce((n, r) => n + r.errors, 0),
        requests_per_s: median(rounds.map((r) => r.requests_per_s)),
        p99_ms: median(rounds.map((r) => r.p99_ms)),
        seed_s: seeded.seconds,
      };
    } finally {
      if (server) await server.close();
      await bench.close();
    }
  },
});
