/**
 * `challenge_deadline`: the 揭榜 rush. `scale` applications (default 1,000) are drafted
 * beforehand by 200 approved organisations (from the demo-data generator) on
 * ⌈scale / 200⌉ open challenges, plus `scale / 10` more drafts on one more challenge. Then every
 * challenge's deadline is set to 60 s ahead (server time), and the 200 clients (one logged-in
 * organisation admin each, concurrent, loopback HTTP against the real app) submit their drafts at
 * random moments spread over the last 60 s before the deadline; the extra drafts are submitted
 * in the second just after it. Afterwards the database is read back.
 *
 * - `accepted`: submits before the deadline answered 200.
 * - `lost`: answered 200 (submitted) but not stored as submitted — must be 0.
 * - `late_accepted`: submits after the deadline answered 200, or any application stored with a
 *   submission time at or after the deadline — must be 0.
 * - `refused_at_deadline`: submits sent before the deadline whose transaction ran after it
 *   (409 APPLICATION_DEADLINE_PASSED, the draft kept): the honest edge of the rush.
 * - `errors`: any other answer to a submit sent before the deadline.
 * - `p50_ms` / `p95_ms`: submit latency before the deadline.
 * One run (the window is real time); the figures are that run's.
 */
import { makeChallenge } from '@scenebridge/app/challenges/testing';
import * as demo from '@scenebridge/demo';
import { schema } from '@scenebridge/db';
import { seedDemoData } from '@scenebridge/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openBenchDatabase } from '../lib/db.js';
import { startApp, type RunningApp } from '../lib/server.js';
import { percentile, prng } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const CLIENTS = 200;
const WINDOW_MS = 60_000;
/** Submits are spread over [deadline − 60 s, deadline − this]. */
const LAST_SEND_BEFORE_MS = 20;
const AFTER_MS = 1_000;
const SEED = 2026;

interface Session {
  cookie: string;
  csrf: string;
  organizationId: string;
}

async function login(origin: string, email: string): Promise<Omit<Session, 'organizationId'>> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demo.DEMO_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('sb_session='))!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function send(origin: string, s: Session, method: string, path: string, body: unknown) {
  const started = performance.now();
  const res = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown>, ms: performance.now() - started };
}

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

function draftBody() {
  return {
    plan: '基于机器视觉与边缘计算的在线检测方案：部署线阵相机、训练缺陷分类模型，并与产线系统联调验收。',
    teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
    quoteFen: 450_000_000,
    schedule: [{ plannedDate: '2099-03-01' }, { plannedDate: '2099-09-30' }],
    memberOrganizationIds: [],
  };
}

export default defineBenchmark({
  description: `揭榜 submits from ${CLIENTS} concurrent clients in the last 60 s before a deadline, plus attempts just after`,
  defaultScale: 1_000,
  timeLimitS: 900,
  figures: [
    { name: 'accepted', digits: 0 },
    { name: 'lost', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'late_accepted', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'refused_at_deadline', digits: 0 },
    { name: 'late_refused', digits: 0 },
    { name: 'errors', target: { kind: 'max', value: 0 }, digits: 0 },
    { name: 'p50_ms', digits: 1 },
    { name: 'p95_ms', digits: 1 },
    { name: 'prepare_s', digits: 1 },
  ],
  async run({ scale, log }) {
    const total = Math.max(1, Math.floor(scale));
    const clients = Math.min(CLIENTS, total);
    const perClient = Math.ceil(total / clients);
    const lateTotal = Math.max(1, Math.round(total / 10));
    // 200 organisation admins log in from one loopback address: the per-address login limit would refuse them.
    const bench = await openBenchDatabase({ loginRateLimitPerMinute: 100_000 });
    let server: RunningApp | undefined;
    const prepStarted = Date.now();
    try {
      const { services, handle } = bench;
      const db = handle.db;
      await seedDemoData({ services, scale: { organizations: clients + 20, needs: 0, capabilities: 0 }, seed: SEED });
      // Approved organisations with an admin: one posts the challenges, `clients` apply.
      const admins = await db
        .select({ email: schema.users.email, organizationId: schema.users.organizationId })
        .from(schema.users)
        .innerJoin(schema.organizations, eq(schema.organizations.id, schema.users.organizationId))
        .where(
          and(
            eq(schema.organizations.status, 'approved'),
            eq(schema.organizations.isPlatformOperator, false),
            sql`'org_admin' = any(${schema.users.roles})`,
          ),
        );
      const byOrg = new Map<string, string>();
      for (const a of admins) if (a.organizationId && !byOrg.has(a.organizationId)) byOrg.set(a.organizationId, a.email);
      const orgs = [...byOrg.entries()];
      if (orgs.length < clients + 1) throw new Error(`only ${orgs.length} approved organisations with an admin; need ${clients + 1}`);
      const [ownerOrgId] = orgs[0]!;
      const rules = { maxOpenApplicationsPerOrganization: 20, excludeDishonest: true } as const;
      const challenges: string[] = [];
      for (let i = 0; i < perClient + 1; i++) {
        challenges.push((await makeChallenge(services, ownerOrgId, { status: 'open', input: { eligibility: rules } })).id);
      }
      const lateChallenge = challenges.pop()!;

      server = await startApp(services);
      const { origin } = server;
      const sessions: Session[] = [];
      for (const [organizationId, email] of orgs.slice(1, clients + 1)) sessions.push({ ...(await login(origin, email)), organizationId });

      // Drafts, prepared before the rush: client k drafts on challenges 0…perClient−1 until `total` are made.
      const plans: { session: Session; ids: string[] }[] = sessions.map((s) => ({ session: s, ids: [] }));
      let made = 0;
      for (let c = 0; c < perClient && made < total; c++) {
        for (const p of plans) {
          if (made >= total) break;
          const r = await send(origin, p.session, 'POST', `/challenges/${challenges[c]}/applications`, draftBody());
          if (r.status !== 201) throw new Error(`draft: ${r.status} ${JSON.stringify(r.json)}`);
          p.ids.push(r.json.id as string);
          made++;
        }
      }
      const late: { session: Session; id: string }[] = [];
      for (let i = 0; i < lateTotal; i++) {
        const s = sessions[i % sessions.length]!;
        const r = await send(origin, s, 'POST', `/challenges/${lateChallenge}/applications`, draftBody());
        if (r.status !== 201) {
          if (r.status === 409) break; // every client has one already
          throw new Error(`late draft: ${r.status} ${JSON.stringify(r.json)}`);
        }
        late.push({ session: s, id: r.json.id as string });
      }
      await server.drain();
      const prepareS = (Date.now() - prepStarted) / 1000;

      // The deadline: 60 s (plus a second to get going) from now by the server's clock, for every challenge.
      const deadline = new Date(Date.now() + WINDOW_MS + 1_000);
      await db
        .update(schema.challenges)
        .set({ applicationDeadline: deadline })
        .where(inArray(schema.challenges.id, [...challenges, lateChallenge]));
      log(
        `challenge_deadline: ${made} drafts by ${sessions.length} clients on ${challenges.length} challenges + ${late.length} late drafts, prepared in ${prepareS.toFixed(1)} s (${handle.kind}); deadline ${deadline.toISOString()}`,
      );

      const rand = prng(SEED);
      const start = deadline.getTime() - WINDOW_MS;
      const span = WINDOW_MS - LAST_SEND_BEFORE_MS;
      const main: { id: string; status: number; code?: string; ms: number }[] = [];
      const after: { id: string; status: number; code?: string }[] = [];
      const submit = async (s: Session, id: string) => send(origin, s, 'POST', `/applications/${id}/transitions`, { action: 'submit' });
      const code = (j: Record<string, unknown>) => (j.error as { code?: string } | undefined)?.code;
      await Promise.all([
        ...plans.map(async (p) => {
          const times = p.ids.map(() => start + rand() * span).sort((a, b) => a - b);
          for (const [i, id] of p.ids.entries()) {
            await sleepUntil(times[i]!);
            const r = await submit(p.session, id);
            main.push({ id, status: r.status, code: code(r.json), ms: r.ms });
          }
        }),
        ...late.map(async (l) => {
          await sleepUntil(deadline.getTime() + 1 + rand() * AFTER_MS);
          const r = await submit(l.session, l.id);
          after.push({ id: l.id, status: r.status, code: code(r.json) });
        }),
      ]);
      await server.drain();

      // Read back what was stored.
      const stored = await db
        .select({ id: schema.applications.id, status: schema.applications.status, submittedAt: schema.applications.submittedAt })
        .from(schema.applications);
      const byId = new Map(stored.map((r) => [r.id, r]));
      const accepted = main.filter((r) => r.status === 200);
      const lost = accepted.filter((r) => byId.get(r.id)?.status !== 'submitted' || !byId.get(r.id)?.submittedAt).length;
      const lateIds = new Set([
        ...after.filter((r) => r.status === 200).map((r) => r.id),
        ...stored.filter((r) => r.submittedAt && r.submittedAt.getTime() >= deadline.getTime()).map((r) => r.id),
      ]);
      const refusedAtDeadline = main.filter((r) => r.status === 409 && r.code === 'APPLICATION_DEADLINE_PASSED').length;
      const errors = main.filter((r) => r.status !== 200 && !(r.status === 409 && r.code === 'APPLICATION_DEADLINE_PASSED'));
      const drafts = stored.filter((r) => r.status === 'draft').length;
      if (errors.length) log(`challenge_deadline: errors ${JSON.stringify(errors.slice(0, 5))}`);
      const ms = main.map((r) => r.ms);
      log(
        `challenge_deadline: ${accepted.length}/${main.length} accepted before the deadline, ${refusedAtDeadline} refused at it, ` +
          `${after.filter((r) => r.code === 'APPLICATION_DEADLINE_PASSED').length}/${after.length} refused after it; ` +
          `${drafts} drafts kept readable; lost ${lost}, late accepted ${lateIds.size}`,
      );
      return {
        accepted: accepted.length,
        lost,
        late_accepted: lateIds.size,
        refused_at_deadline: refusedAtDeadline,
        late_refused: after.filter((r) => r.status === 409 && r.code === 'APPLICATION_DEADLINE_PASSED').length,
        errors: errors.length,
        p50_ms: percentile(ms, 50),
        p95_ms: percentile(ms, 95),
        prepare_s: prepareS,
      };
    } finally {
      await server?.close();
      await bench.close();
    }
  },
});
