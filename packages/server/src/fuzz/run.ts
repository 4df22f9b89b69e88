/** Runs the API fuzzer route by route with a fixed number of generated requests each. */
import fc from 'fast-check';
import { login, type TestContext } from '../testing.js';
import { checkOne, operationsFrom, PropertyFailure, requestArb, type Finding, type FuzzRequest, type Operation } from './api-fuzz.js';
import type { World } from './world.js';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Only operations whose key contains this text. */
  only?: string;
  /** Shrink a failure to a minimal request (slower; off in the bounded run). */
  shrink?: boolean;
  log?: (line: string) => void;
}

export interface FuzzReport {
  operations: number;
  sent: number;
  findings: Finding[];
  statuses: Record<number, number>;
}

/** A stable seed per operation, so one route's failure replays alone with FUZZ_ONLY. */
function seedFor(base: number, key: string): number {
  let h = base | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h | 0;
}

export function describeRequest(op: Operation, req: FuzzRequest): string {
  const b = req.body;
  const body =
    b.kind === 'json'
      ? JSON.stringify(b.value)
      : b.kind === 'raw'
        ? `${b.contentType} ${JSON.stringify(b.text)}`
        : b.kind === 'multipart'
          ? `multipart ${JSON.stringify(b.payload.toString('latin1').slice(0, 300))}`
          : '';
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
  return `${req.caller}: ${op.method} ${cut(req.url, 300)} ${cut(body ?? '', 600)}`;
}

/** Signed-in callers whose session a previous route ended get a new one. */
async function keepSessions(ctx: TestContext, world: World) {
  for (const who of ['orgAdmin', 'operator'] as const) {
    const me = await world.clients[who].get('/api/v1/auth/me');
    if (me.statusCode !== 200) world.clients[who] = await login(ctx.app, world.emails[who]);
  }
}

export async function fuzzApi(ctx: TestContext, world: World, opts: FuzzOptions): Promise<FuzzReport> {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops = operationsFrom(doc).filter((op) => !opts.only || op.key.includes(opts.only));
  let sent = 0;
  const findings: Finding[] = [];
  const statuses: Record<number, number> = {};
  for (const op of ops) {
    await keepSessions(ctx, world);
    const seed = seedFor(opts.seed, op.key);
    const result = await fc.check(
      fc.asyncProperty(requestArb(op, world), async (req) => {
        sent++;
        const res = await checkOne(ctx, world, op, req);
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      }),
      { seed, numRuns: opts.runs, endOnFailure: !opts.shrink },
    );
    if (result.failed) {
      const err = result.errorInstance;
      const base = err instanceof PropertyFailure ? err.finding : { route: op.key, kind: '5xx' as const, status: 0, detail: String(err) };
      const finding = { ...base, request: result.counterexample ? describeRequest(op, result.counterexample[0]) : '?' };
      findings.push(finding);
      opts.log?.(
        `FINDING ${finding.kind} ${finding.route} (${finding.status}) ${finding.detail}\n  ${finding.request}\n  replay: FUZZ_SEED=${opts.seed} FUZZ_ONLY='${op.key}'`,
      );
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  }
  return { operations: ops.length, sent, findings, statuses };
}
