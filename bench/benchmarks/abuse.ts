/**
 * `abuse`: is the app still answering while 10 clients hammer its heaviest endpoints? `scale`
 * listings in the database (bench/lib/listings.ts); then, for a bounded time, 10 concurrent
 * clients (one worker thread) cycle through: the quality check with the largest valid body, an
 * import dry run of a legitimate `scale`-row XLSX (at most 20,000, the importer's limit),
 * searches with 200-character queries, and logins with wrong passwords; meanwhile another thread GETs /healthz every 50 ms. Per-user
 * limits of the heavy endpoints are off (openBenchDatabase), so this is the worst case of one
 * signed-in abuser; the login limit stays on (wrong passwords get 429 soon, as they would).
 */
import { Worker } from 'node:worker_threads';
import { buildWorkbook, sampleRow } from '@scenebridge/app/imports/spreadsheet/testing';
import { makeCall, makeOrganization, makeUser, scenarioNeedData, TEST_PASSWORD } from '@scenebridge/server/testing';
import { openBenchDatabase } from '../lib/db.js';
import { seedListings } from '../lib/listings.js';
import { replyOf } from '../lib/load.js';
import { loginCookie, startApp, type RunningApp } from '../lib/server.js';
import { percentile } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const CLIENTS = 10;
const PROBE_INTERVAL_MS = 50;
const durationS = () => Number(process.env.BENCH_DURATION_S ?? 20);

interface Hammer {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

// Plain JavaScript run with `eval`: worker entry points are not loaded through tsx.
const HAMMER_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { origin, requests, clients, durationMs } = workerData;
const counts = {};
let next = 0;
async function client(until) {
  while (Date.now() < until) {
    const r = requests[next++ % requests.length];
    try {
      const res = await fetch(origin + r.path, { method: r.method, headers: r.headers, body: r.body, signal: AbortSignal.timeout(60000) });
      const body = await res.text();
      // The import queue sheds load on purpose (503 IMPORT_BUSY): counted apart from failures.
      const key = r.name + ' ' + res.status + (res.status === 503 && body.includes('"IMPORT_BUSY"') ? ' busy' : '');
      counts[key] = (counts[key] || 0) + 1;
    } catch (e) { counts[r.name + ' error'] = (counts[r.name + ' error'] || 0) + 1; }
  }
}
const until = Date.now() + durationMs;
Promise.all(Array.from({ length: clients }, () => client(until))).then(() => parentPort.postMessage({ counts }));
`;

const PROBE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { origin, durationMs, intervalMs } = workerData;
(async () => {
  const times = [];
  let failures = 0;
  const until = Date.now() + durationMs;
  while (Date.now() < until) {
    const t = performance.now();
    try {
      const res = await fetch(origin + '/healthz', { signal: AbortSignal.timeout(30000) });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
    } catch { failures++; }
    const ms = performance.now() - t;
    times.push(ms);
    await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - ms)));
  }
  parentPort.postMessage({ times: Float64Array.from(times), failures });
})();
`;

function multipart(name: string, content: Buffer) {
  const boundary = '----sbabuse7d3f';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

async function hammers(server: RunningApp, bench: Awaited<ReturnType<typeof openBenchDatabase>>, scale: number, queries: string[]) {
  const { services } = bench;
  const org = await makeOrganization(services);
  const admin = await makeUser(services, org.id, ['org_admin']);
  const opOrg = await makeOrganization(services, { kind: 'government', operator: true });
  const operator = await makeUser(services, opOrg.id, ['operator']);
  const call = await makeCall(services, { status: 'open' });
  const sessions = {
    admin: await loginCookie(server.origin, admin.email, TEST_PASSWORD),
    operator: await loginCookie(server.origin, operator.email, TEST_PASSWORD),
  };
  const csrf = async (cookie: string) =>
    ((await (await fetch(`${server.origin}/api/v1/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string }).csrfToken;
  const auth = async (cookie: string) => ({ cookie, 'x-csrf-token': await csrf(cookie) });

  const longText = (n: number) => queries.join('，').repeat(50).slice(0, n);
  const quality = JSON.stringify({
    listType: 'scenario_need',
    data: scenarioNeedData({ title: longText(100), description: longText(5000), expectedOutcome: longText(500) }),
  });
  const rows = Math.max(10, Math.min(20_000, scale));
  const xlsx = await buildWorkbook(
    'scenario_need',
    Array.from({ length: rows }, (_, i) => sampleRow('scenario_need', i)),
  );
  const upload = multipart('import.xlsx', xlsx);
  const search = (q: string) => `/api/v1/search?${new URLSearchParams({ q: q.repeat(20).slice(0, 200) })}`;
  const list: Array<Hammer & { name: string }> = [
    {
      name: 'quality',
      method: 'POST',
      path: '/api/v1/quality/check',
      headers: { ...(await auth(sessions.admin)), 'content-type': 'application/json' },
      body: Buffer.from(quality),
    },
    {
      name: 'import',
      method: 'POST',
      path: `/api/v1/imports?callId=${call.id}&mode=dry_run`,
      headers: { ...(await auth(sessions.operator)), 'content-type': upload.contentType },
      body: upload.body,
    },
    ...queries.slice(0, 4).map((q) => ({ name: 'search', method: 'GET' as const, path: search(q), headers: { cookie: sessions.admin } })),
    {
      name: 'login',
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ email: admin.email, password: 'wrong-password-123' })),
    },
  ];
  return { list, xlsxBytes: xlsx.length, rows, qualityBytes: Buffer.byteLength(quality) };
}

export default defineBenchmark({
  description: '/healthz latency while 10 clients hammer quality check, import dry run, long searches and wrong-password logins',
  defaultScale: 5_000,
  timeLimitS: 900,
  figures: [
    { name: 'healthz_p50_ms', digits: 1 },
    { name: 'healthz_p95_ms', target: { kind: 'max', value: 200 }, digits: 1 },
    { name: 'healthz_max_ms', digits: 0 },
    { name: 'healthz_failures', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'healthz_probes', digits: 0 },
    { name: 'hammer_requests', digits: 0 },
    { name: 'hammer_5xx', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'hammer_shed', digits: 0 },
    { name: 'idle_healthz_p95_ms', digits: 1 },
  ],
  async run({ scale, log, deadline }) {
    const bench = await openBenchDatabase();
    let server: RunningApp | undefined;
    try {
      const world = await seedListings(bench.services, scale, (m) => log(`abuse: ${m}`), deadline);
      server = await startApp(bench.services);
      await bench.services.search.current();
      const h = await hammers(server, bench, scale, world.queries);
      log(`abuse: quality body ${h.qualityBytes} B, import ${h.rows} rows (${(h.xlsxBytes / 1024).toFixed(0)} KB)`);
      const probe = (ms: number) => {
        const w = new Worker(PROBE_WORKER, {
          eval: true,
          workerData: { origin: server!.origin, durationMs: ms, intervalMs: PROBE_INTERVAL_MS },
        });
        return replyOf<{ times: Float64Array; failures: number }>(w, ms + 60_000).finally(() => w.terminate());
      };
      const idle = await probe(3_000);
      const ms = durationS() * 1000;
      const hammer = new Worker(HAMMER_WORKER, {
        eval: true,
        workerData: { origin: server.origin, requests: h.list, clients: CLIENTS, durationMs: ms },
      });
      const [busy, counts] = await Promise.all([
        probe(ms),
        replyOf<{ counts: Record<string, number> }>(hammer, ms + 120_000).finally(() => hammer.terminate()),
      ]);
      await server.drain(120_000);
      const total = Object.values(counts.counts).reduce((a, b) => a + b, 0);
      const fivexx = Object.entries(counts.counts)
        .filter(([k]) => / 5\d\d$/.test(k))
        .reduce((a, [, v]) => a + v, 0);
      const shed = Object.entries(counts.counts)
        .filter(([k]) => k.endsWith(' busy'))
        .reduce((a, [, v]) => a + v, 0);
      log(`abuse: hammer answers ${JSON.stringify(counts.counts)}`);
      const figures = {
        healthz_p50_ms: percentile(busy.times, 50),
        healthz_p95_ms: percentile(busy.times, 95),
        healthz_max_ms: percentile(busy.times, 100),
        healthz_failures: busy.failures,
        healthz_probes: busy.times.length,
        hammer_requests: total,
        hammer_5xx: fivexx,
        hammer_shed: shed,
        idle_healthz_p95_ms: percentile(idle.times, 95),
      };
      log(
        `abuse: /healthz p50 ${figures.healthz_p50_ms.toFixed(1)} ms, p95 ${figures.healthz_p95_ms.toFixed(1)} ms, max ${figures.healthz_max_ms.toFixed(0)} ms over ${figures.healthz_probes} probes (idle p95 ${figures.idle_healthz_p95_ms.toFixed(1)} ms)`,
      );
      return figures;
    } finally {
      await server?.close();
      await bench.close();
    }
  },
});
