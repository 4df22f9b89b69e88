/**
 * `dashboard`: the outcome dashboard's statistics API (GET /api/v1/dashboard and its funnel and
 * targets) under 20 concurrent keep-alive clients over loopback, against the real app and a
 * database seeded by the demo-data generator, then filled in bulk SQL (generate_series) with
 * `scale` deals (default 100,000), their activity log (one per deal), and scale / 2 registered
 * contract lineages (default 50,000) plus changes and cancellations as later versions.
 *
 * The request mix: 40 % the year's dashboard, 20 % last year's, 10 % a half-year, 15 % a batch's
 * funnel, 15 % the targets. The dashboard keeps answers for DASHBOARD_ANSWER_TTL_MS
 * (docs/dashboard.md), so under load most requests share a read; `uncached_ms` is the median
 * time of one whole dashboard read straight from the database (no cache), sequentially.
 * Each distinct request once (filling the cache), one warm-up round, then three measured
 * rounds; figures are the medians of the rounds.
 */
import * as demo from '@scenebridge/demo';
import {
  attentionLists,
  funnelChart,
  periodOf,
  readDashboard,
  targetRows,
  throughputChart,
  turnoverChart,
} from '@scenebridge/app/dashboard';
import { seedDemoData, type SeedScale } from '@scenebridge/server';
import { CONTRACT_TYPES } from '@scenebridge/domain';
import { sql } from 'drizzle-orm';
import { openBenchDatabase } from '../lib/db.js';
import { runLoad, type LoadRequest, type LoadResult } from '../lib/load.js';
import { loginCookie, startApp, type RunningApp } from '../lib/server.js';
import { median, prng, timed } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const CONNECTIONS = 20;
const ROUNDS = 3;
const MIX_SIZE = 400;
const SEED = 2026;
const SEED_SCALE: SeedScale = { organizations: 200, needs: 2_000, capabilities: 1_000 };

function roundSeconds(): number {
  const env = Number(process.env.BENCH_DURATION_S);
  if (Number.isFinite(env) && env > 0) return Math.min(120, env);
  return 10;
}

const rowsOf = (res: unknown) => (res as { rows: Record<string, unknown>[] }).rows;

export default defineBenchmark({
  description: `GET /api/v1/dashboard (+ funnel, targets), ${CONNECTIONS} concurrent clients over loopback; scale = deals, contracts = scale / 2`,
  defaultScale: 100_000,
  timeLimitS: 900,
  figures: [
    { name: 'p50_ms', digits: 1 },
    { name: 'p95_ms', target: { kind: 'max', value: 150 }, digits: 1 },
    { name: 'errors', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'requests_per_s', digits: 0 },
    { name: 'p99_ms', digits: 1 },
    { name: 'uncached_ms', digits: 0 },
    { name: 'seed_s', digits: 1 },
  ],
  async run({ scale, log, deadline }) {
    const deals = Math.max(100, Math.floor(scale));
    const contracts = Math.max(50, Math.floor(deals / 2));
    const bench = await openBenchDatabase();
    let server: RunningApp | undefined;
    try {
      const { services } = bench;
      const db = services.db;
      const seeded = await timed(async () => {
        const r = await seedDemoData({ services, scale: SEED_SCALE, seed: SEED });
        if (!r.created) throw new Error('database was not empty');
        // Deals: a need of the demo data, a supplier organisation, a broker; stages spread over
        // 2025–2026 (20 % suggested, 25 % intent, 15 % meeting, 10 % negotiating, 20 % signed, 10 % declined).
        await db.execute(sql`
          with ne as (select array_agg(id order by id) a, array_agg(organization_id order by id) o from submissions where list_type = 'scenario_need'),
               so as (select array_agg(id order by id) a from organizations),
               br as (select coalesce(array_agg(id order by id), '{}') a from users where 'broker' = any(roles) or 'operator' = any(roles)),
               g as (select g, (g * 2654435761::bigint) % 1000 as h, timestamptz '2025-01-01 09:00+08' + ((g * 7) % 700) * interval '1 day' as base
                     from generate_series(1, ${deals}) g)
          insert into deals (code, title, source, need_id, demand_organization_id, supply_organization_id, status, activity,
                             broker_user_id, expected_amount_fen, intent_at, meeting_at, negotiating_at, signed_at, declined_at,
                             last_activity_at, dormant_since, created_at)
          select 'DJ-B-' || g.g, '基准对接项目' || g.g, 'manual',
                 ne.a[1 + g.g % array_length(ne.a, 1)], ne.o[1 + g.g % array_length(ne.a, 1)],
                 case when so.a[1 + (g.g * 31) % array_length(so.a, 1)] = ne.o[1 + g.g % array_length(ne.a, 1)]
                      then so.a[1 + (g.g * 31 + 1) % array_length(so.a, 1)] else so.a[1 + (g.g * 31) % array_length(so.a, 1)] end,
                 s.status,
                 case when s.status not in ('signed', 'declined') and g.h % 20 = 0 then 'dormant' else 'active' end,
                 case when array_length(br.a, 1) > 0 then br.a[1 + g.g % array_length(br.a, 1)] end,
                 (10000 + (g.g * 7919) % 500000) * 100,
                 case when s.rank >= 1 then g.base end,
                 case when s.rank >= 2 then g.base + (1 + g.h % 20) * interval '1 day' end,
                 case when s.rank >= 3 then g.base + (21 + g.h % 30) * interval '1 day' end,
                 case when s.rank >= 4 then g.base + (51 + g.h % 40) * interval '1 day' end,
                 case when s.status = 'declined' then g.base + interval '10 days' end,
                 g.base + (g.h % 90) * interval '1 day',
                 case when s.status not in ('signed', 'declined') and g.h % 20 = 0 then g.base + (g.h % 90) * interval '1 day' end,
                 g.base - interval '3 days'
          from g cross join ne cross join so cross join br
          cross join lateral (select case when g.h < 200 then 'suggested' when g.h < 450 then 'intent' when g.h < 600 then 'meeting'
                                          when g.h < 700 then 'negotiating' when g.h < 900 then 'signed' else 'declined' end as status) st
          cross join lateral (select st.status, case st.status when 'suggested' then 0 when 'intent' then 1 when 'meeting' then 2
                                                   when 'negotiating' then 3 when 'signed' then 4 else 1 end as rank) s`);
        await db.execute(sql`
          insert into deal_activities (deal_id, kind, note, occurred_at)
          select id, 'call', '电话沟通', last_activity_at from deals`);
        // Contracts: originals registered; every 10th changed (a registered change supersedes it),
        // every 33rd cancelled (a registered cancellation supersedes it).
        await db.execute(sql`
          with ne as (select array_agg(id order by id) a from submissions where list_type = 'scenario_need'),
               so as (select array_agg(id order by id) a from organizations),
               dl as (select array_agg(id order by id) a from deals where status = 'signed'),
               ty as (select array[${sql.join(
                 CONTRACT_TYPES.map((t) => sql`${t}`),
                 sql`, `,
               )}]::text[] a),
               rg as (select array['500103','500104','500105','500106','500107','500108','500109','500110','500112','500113',
                                   '500114','500115','500116','500117','500118','500119','500120','500151','500152','500153'] a),
               na as (select array['institution_research','institution_university','enterprise_state','enterprise_private','enterprise_other','other_organization'] a),
               tf as (select array['computer_vision','nlp','speech','knowledge_graph'] a)
          insert into tech_contracts (lineage_id, version_no, kind, seller_organization_id, project_name, contract_type,
                 buyer_name, buyer_credit_code, buyer_region_code, buyer_nature_code, seller_name, seller_credit_code,
                 seller_region_code, seller_nature_code, signed_on, valid_from, valid_until, contract_amount_fen,
                 technology_amount_fen, payment_method, technology_field, deal_id, need_id, status, registered_at,
                 superseded_at, origin, import_key)
          select gen_random_uuid(), 1, 'original', so.a[1 + g % array_length(so.a, 1)], '基准技术合同' || g, ty.a[1 + g % array_length(ty.a, 1)],
                 '买方' || g, '91500000MA' || lpad(g::text, 8, '0'), '500112', 'enterprise_private', '卖方' || g, '12500000MB' || lpad(g::text, 8, '0'),
                 rg.a[1 + (g * 7) % array_length(rg.a, 1)], na.a[1 + (g * 3) % array_length(na.a, 1)],
                 date '2024-01-01' + (g * 13) % 1095, date '2024-01-01' + (g * 13) % 1095, date '2024-01-01' + (g * 13) % 1095 + 365,
                 (1000 + (g * 7919) % 990000) * 1000, (1000 + (g * 7919) % 990000) * 800, 'lump_sum',
                 tf.a[1 + g % array_length(tf.a, 1)],
                 case when g % 3 = 0 and array_length(dl.a, 1) > 0 then dl.a[1 + g % array_length(dl.a, 1)] end,
                 case when g % 5 = 0 then ne.a[1 + g % array_length(ne.a, 1)] end,
                 'registered', timestamptz '2024-02-01 10:00+08' + ((g * 13) % 1095) * interval '1 day',
                 case when g % 10 = 0 or g % 33 = 0 then now() end, 'import', 'bench-' || g
          from generate_series(1, ${contracts}) g cross join ne cross join so cross join dl cross join ty cross join rg cross join na cross join tf`);
        await db.execute(sql`
          insert into tech_contracts (lineage_id, version_no, kind, supersedes_id, seller_organization_id, project_name, contract_type,
                 buyer_name, buyer_credit_code, buyer_region_code, buyer_nature_code, seller_name, seller_credit_code,
                 seller_region_code, seller_nature_code, signed_on, valid_from, valid_until, contract_amount_fen,
                 technology_amount_fen, payment_method, technology_field, deal_id, need_id, status, registered_at, origin, import_key)
          select c.lineage_id, 2, case when c.superseded_at is not null and substring(c.import_key from 7)::int % 10 = 0 then 'change' else 'cancellation' end,
                 c.id, c.seller_organization_id, c.project_name, c.contract_type, c.buyer_name, c.buyer_credit_code, c.buyer_region_code,
                 c.buyer_nature_code, c.seller_name, c.seller_credit_code, c.seller_region_code, c.seller_nature_code, c.signed_on,
                 c.valid_from, c.valid_until, c.contract_amount_fen + 100000, c.technology_amount_fen, c.payment_method,
                 c.technology_field, c.deal_id, c.need_id, 'registered', c.registered_at + interval '30 days', 'import', c.import_key || '-v2'
          from tech_contracts c where c.superseded_at is not null and c.import_key like 'bench-%'`);
        await db.execute(sql`analyze`);
      });
      const counts = rowsOf(
        await db.execute(sql`select (select count(*)::int from deals) deals, (select count(*)::int from tech_contracts) versions,
          (select count(*)::int from tech_contracts c where c.status = 'registered' and c.superseded_at is null and c.kind <> 'cancellation') current`),
      )[0]!;
      log(
        `dashboard: seeded ${String(counts.deals)} deals, ${String(counts.versions)} contract versions (${String(counts.current)} current registered) in ${seeded.seconds.toFixed(1)} s (${bench.handle.kind})`,
      );

      const year = Number(new Date(services.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
      const uncached: number[] = [];
      for (let i = 0; i < 5; i++) uncached.push((await timed(() => readDashboard(services, { year }))).seconds * 1000);
      log(`dashboard: one uncached dashboard read ${uncached.map((t) => t.toFixed(0)).join(' / ')} ms`);
      // Where the time of a read goes, part by part (sequential, uncached).
      const period = periodOf({ year }, services.now());
      const parts: [string, () => Promise<unknown>][] = [
        ['targets', () => targetRows(db, period)],
        ['funnel', () => funnelChart(db, period, undefined)],
        ['turnover', () => turnoverChart(db, period)],
        ['throughput', () => throughputChart(db, period)],
        ['attention', () => attentionLists(db, services.now(), 60)],
      ];
      const partTimes: string[] = [];
      for (const [name, f] of parts) partTimes.push(`${name} ${((await timed(f)).seconds * 1000).toFixed(0)} ms`);
      log(`dashboard: parts ${partTimes.join(', ')}`);

      server = await startApp(services);
      const { origin } = server;
      const operator = await loginCookie(origin, demo.DEMO_OPERATOR_EMAIL, demo.DEMO_PASSWORD);
      const batches = rowsOf(
        await db.execute(sql`select id from batches where list_type = 'scenario_need' order by published_at desc limit 5`),
      ).map((b) => String(b.id));

      const rand = prng(SEED);
      const requests: LoadRequest[] = [];
      for (let i = 0; i < MIX_SIZE; i++) {
        const r = rand();
        const path =
          r < 0.4
            ? `/api/v1/dashboard?year=${year}`
            : r < 0.6
              ? `/api/v1/dashboard?year=${year - 1}`
              : r < 0.7
                ? `/api/v1/dashboard?from=${year}-01-01&to=${year}-06-30`
                : r < 0.85 && batches.length > 0
                  ? `/api/v1/dashboard/funnel?year=${year}&batchId=${batches[Math.floor(rand() * batches.length)]}`
                  : `/api/v1/dashboard/targets?year=${year}`;
        requests.push({ path, headers: { cookie: operator } });
      }

      const seconds = roundSeconds();
      const describe = (x: LoadResult) =>
        `${x.requests} req in ${x.durationS.toFixed(1)} s (${x.requests_per_s.toFixed(0)}/s), p50 ${x.p50_ms.toFixed(1)} ms, ` +
        `p95 ${x.p95_ms.toFixed(1)} ms, p99 ${x.p99_ms.toFixed(1)} ms, max ${x.max_ms.toFixed(0)} ms, errors ${x.errors}` +
        (x.errors
          ? ` (non-2xx ${x.non2xx}, socket ${x.socketErrors}, timeouts ${x.timeouts}, codes ${JSON.stringify(x.statusCodes)})`
          : '');
      // Fill the cache: each distinct request once, one after another (the first read of each
      // key goes to the database; the load rounds then measure the dashboard as people meet it).
      for (const path of new Set(requests.map((x) => x.path))) {
        const res = await fetch(`${origin}${path}`, { headers: { cookie: operator }, signal: AbortSignal.timeout(120_000) });
        if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
      const warm = await runLoad({ url: origin, connections: CONNECTIONS, durationS: Math.min(3, seconds), requests, timeoutS: 30 });
      log(`dashboard: warm-up ${describe(warm)}`);
      await server.drain();
      const rounds: LoadResult[] = [];
      for (let i = 0; i < ROUNDS && Date.now() + seconds * 1000 < deadline; i++) {
        const x = await runLoad({ url: origin, connections: CONNECTIONS, durationS: seconds, requests, timeoutS: 30 });
        log(`dashboard: round ${i + 1}/${ROUNDS} ${describe(x)}`);
        rounds.push(x);
        await server.drain();
      }
      if (rounds.length === 0) throw new Error('no measured round fitted in the time limit');
      return {
        p50_ms: median(rounds.map((x) => x.p50_ms)),
        p95_ms: median(rounds.map((x) => x.p95_ms)),
        errors: rounds.reduce((n, x) => n + x.errors, 0),
        requests_per_s: median(rounds.map((x) => x.requests_per_s)),
        p99_ms: median(rounds.map((x) => x.p99_ms)),
        uncached_ms: median(uncached),
        seed_s: seeded.seconds,
      };
    } finally {
      if (server) await server.close();
      await bench.close();
    }
  },
});
