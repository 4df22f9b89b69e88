/**
 * `policy_match`: the policy hub's matching (docs/policies.md). Seeded by code in bulk SQL:
 * `scale` approved organisations (default 10,000), 90 % with a policy profile, a third with
 * 高新技术企业, a fifth with 专精特新, half with a checked 失信 flag; 100 published policies with
 * 20 measures each (2,000), every measure with 1–4 structured conditions over region, size,
 * R&D share, qualifications, sectors, revenue bands and age.
 *
 * Figures: one 免申即享 comparison run of one measure over every organisation (`runRedemption`,
 * one transaction, rows inserted for the met ones) and the same run again (idempotent, adds 0);
 * "measures for me" (`measuresForMe`, in process, the live-measure cache warm) for 300 requests
 * by different organisations: p50 / p95, and the first (cold) request that fills the cache.
 */
import { measuresForMe, runRedemption } from '@scenebridge/app/policy-hub';
import type { Actor } from '@scenebridge/app/context';
import { schema } from '@scenebridge/db';
import { SECTOR_CODES } from '@scenebridge/domain';
import { REVENUE_BAND_CODES, type PolicyCondition } from '@scenebridge/domain/policies';
import { makeOrganization, makeUser } from '@scenebridge/server/testing';
import { sql } from 'drizzle-orm';
import { openBenchDatabase } from '../lib/db.js';
import { median, percentile, prng, timed } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const POLICIES = 100;
const MEASURES_PER_POLICY = 20;
const FOR_ME_REQUESTS = 300;
const REGIONS = ['500000', '500112', '500103', '500106'];
/** A text[] literal as one parameter (drizzle would spread a JS array into a list). */
const pgArray = (list: readonly string[]) => `{${list.join(',')}}`;

/** 1–4 conditions, deterministic from the seed; the first measure is the run's (three conditions). */
function conditionsFor(rand: () => number, i: number): PolicyCondition[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const pool: PolicyCondition[] = [
    { kind: 'region', regionCodes: [pick(REGIONS)] },
    { kind: 'employees', max: 100 + Math.floor(rand() * 900) },
    { kind: 'rd_share', minPercent: Math.floor(rand() * 6) },
    { kind: 'qualification', codes: [pick(['high_tech_enterprise', 'specialized_sme'])], match: 'all' },
    { kind: 'sector', sectors: [pick(SECTOR_CODES), pick(SECTOR_CODES)].filter((s, k, a) => a.indexOf(s) === k) },
    { kind: 'revenue_band', bands: REVENUE_BAND_CODES.slice(0, 2 + Math.floor(rand() * 4)) },
    { kind: 'founded_within_years', years: 3 + Math.floor(rand() * 15) },
    { kind: 'not_dishonest' },
  ];
  if (i === 0) return [pool[0]!, pool[1]!, pool[7]!];
  const n = 1 + Math.floor(rand() * 4);
  const chosen = new Map<string, PolicyCondition>();
  while (chosen.size < n) {
    const c = pick(pool);
    chosen.set(c.kind, c);
  }
  return [...chosen.values()];
}

export default defineBenchmark({
  description: `免申即享 run of one measure over \`scale\` organisations; "measures for me" over ${POLICIES * MEASURES_PER_POLICY} measures`,
  defaultScale: 10_000,
  timeLimitS: 900,
  figures: [
    { name: 'run_s', target: { kind: 'max', value: 2 }, digits: 2 },
    { name: 'rerun_s', digits: 2 },
    { name: 'run_added', digits: 0 },
    { name: 'run_unknown', digits: 0 },
    { name: 'for_me_p50_ms', digits: 1 },
    { name: 'for_me_p95_ms', target: { kind: 'max', value: 50 }, digits: 1 },
    { name: 'for_me_cold_ms', digits: 0 },
    { name: 'measures', digits: 0 },
    { name: 'seed_s', digits: 1 },
  ],
  async run({ scale, log, deadline }) {
    const orgs = Math.max(100, Math.floor(scale));
    const bench = await openBenchDatabase();
    try {
      const { services } = bench;
      const db = services.db;
      const rand = prng(2026);
      const seeded = await timed(async () => {
        const kinds = ['private_enterprise', 'soe', 'ai_company', 'new_rd_institution'];
        await db.execute(sql`
          insert into organizations (name, credit_code, kind, region_code, contact_name, contact_phone, status)
          select '比对测试单位' || g, 'PM' || lpad(g::text, 16, '0'),
                 (${pgArray(kinds)}::text[])[1 + g % 4], (${pgArray(REGIONS.slice(1))}::text[])[1 + g % 3], '张三', '13800138000', 'approved'
          from generate_series(1, ${orgs}) g`);
        await db.execute(sql`
          with o as (select id, row_number() over (order by credit_code) g from organizations where credit_code like 'PM%')
          insert into organization_policy_profiles (organization_id, employees, revenue_band, rd_share_percent, sectors, founded_on)
          select id, (g * 37) % 1200, (${pgArray(REVENUE_BAND_CODES)}::text[])[1 + g % 6], ((g * 13) % 900) / 100.0,
                 array[(${pgArray(SECTOR_CODES)}::text[])[1 + g % 21]], date '2000-01-01' + ((g * 97) % 9300)::int
          from o where g % 10 <> 0`);
        await db.execute(sql`
          with o as (select id, row_number() over (order by credit_code) g from organizations where credit_code like 'PM%')
          insert into organization_qualifications (organization_id, code, valid_until)
          select id, 'high_tech_enterprise', date '2026-06-30' + ((g * 7) % 900)::int from o where g % 3 = 0
          union all select id, 'specialized_sme', null from o where g % 5 = 0`);
        await db.execute(sql`
          with o as (select id, row_number() over (order by credit_code) g from organizations where credit_code like 'PM%')
          insert into organization_dishonesty_flags (organization_id, flagged, source, reason)
          select id, g % 50 = 0, '信用中国', '比对测试' from o where g % 2 = 0`);
        const measures: (typeof schema.policyMeasures.$inferInsert)[] = [];
        for (let p = 0; p < POLICIES; p++) {
          const text = `比对测试政策${p}\n${Array.from({ length: MEASURES_PER_POLICY }, (_, i) => `${i + 1}. 支持措施${i + 1}。`).join('\n')}`;
          const [row] = await db
            .insert(schema.policies)
            .values({
              title: `关于支持企业发展的若干措施（测试${p}）`,
              sourceText: text,
              sourceFormat: 'paste',
              sourceSha256: `bench-policy-match-${p}`,
              status: 'published',
              issuedOn: `2026-0${1 + (p % 9)}-15`,
            })
            .returning({ id: schema.policies.id });
          for (let i = 0; i < MEASURES_PER_POLICY; i++)
            measures.push({
              policyId: row!.id,
              seq: i,
              path: String(i + 1),
              depth: 1,
              marker: `${i + 1}.`,
              heading: `支持措施${i + 1}`,
              spanStart: 0,
              spanEnd: 5,
              conditions: conditionsFor(rand, p * MEASURES_PER_POLICY + i),
            });
        }
        const ids: string[] = [];
        for (let i = 0; i < measures.length; i += 500)
          ids.push(
            ...(
              await db
                .insert(schema.policyMeasures)
                .values(measures.slice(i, i + 500))
                .returning({ id: schema.policyMeasures.id })
            ).map((r) => r.id),
          );
        return { measureCount: ids.length, target: { id: ids[0]!, policyId: measures[0]!.policyId } };
      });
      log(`seeded ${orgs} organisations, ${seeded.value.measureCount} measures in ${seeded.seconds.toFixed(1)} s`);

      const opOrg = await makeOrganization(services, { kind: 'government', operator: true });
      const opUser = await makeUser(services, opOrg.id, ['operator']);
      const actorOf = (u: { id: string; email: string }, org: { id: string; name: string }, roles: Actor['roles']): Actor => ({
        userId: u.id,
        email: u.email,
        displayName: '比对测试',
        roles,
        organizationId: org.id,
        organizationName: org.name,
        organizationStatus: 'approved',
        organizationKind: 'private_enterprise',
        sessionId: 'bench',
        csrfToken: 'bench',
      });
      const operator = actorOf(opUser, opOrg, ['operator']);
      const { target } = seeded.value;
      const args = { services, actor: operator, policyId: target.policyId, measureId: target.id };
      const run = await timed(() => runRedemption(args));
      log(`run: ${JSON.stringify(run.value)} in ${run.seconds.toFixed(2)} s`);
      const rerun = await timed(() => runRedemption(args));
      if (rerun.value.added !== 0) throw new Error(`second run added ${rerun.value.added}`);

      const orgRows = await db
        .select({ id: schema.organizations.id, name: schema.organizations.name })
        .from(schema.organizations)
        .where(sql`credit_code like 'PM%'`)
        .limit(FOR_ME_REQUESTS);
      const member = (o: { id: string; name: string }) => actorOf({ id: opUser.id, email: opUser.email }, o, ['org_admin']);
      const query = { page: 1, pageSize: 20 };
      const cold = await timed(() => measuresForMe({ services, actor: member(orgRows[0]!), query }));
      const times: number[] = [];
      for (const o of orgRows) {
        if (Date.now() > deadline) break;
        const t = await timed(() => measuresForMe({ services, actor: member(o), query }));
        times.push(t.seconds * 1000);
      }
      return {
        run_s: run.seconds,
        rerun_s: rerun.seconds,
        run_added: run.value.added,
        run_unknown: run.value.unknown,
        for_me_p50_ms: median(times),
        for_me_p95_ms: percentile(times, 95),
        for_me_cold_ms: cold.seconds * 1000,
        measures: seeded.value.measureCount,
        seed_s: seeded.seconds,
      };
    } finally {
      await bench.close();
    }
  },
});
