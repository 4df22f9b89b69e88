/**
 * The `search` benchmark's corpus and queries without a database, for working on the engine:
 * the same generator, seed sentences and query mix as bench/lib/listings.ts, indexed the way the
 * app's listing index does it, then `runSearch` timed in process. `--dump FILE` writes each
 * query's total, capped flag, top 20 and facet counts, so two versions can be compared for
 * identical results (`--compare FILE`).
 *
 *   npx tsx bench/dev/search-inproc.ts [--scale 100000] [--dump out.json] [--compare out.json]
 */
import fs from 'node:fs';
import * as demo from '@scenebridge/demo';
import type { ListType } from '@scenebridge/domain';
import { SearchEngine } from '@scenebridge/search';
import type { ListingFields } from '@scenebridge/app/search';
import { runSearch } from '@scenebridge/app/search';
import { benchmarkQueries, lengthenDescriptions } from '../lib/listings.js';
import { percentile, median, prng } from '../lib/stats.js';

const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(opt('--scale') ?? 100_000);
const SECTORS = ['manufacturing', 'healthcare', 'city', 'agriculture', 'education', 'elderly_care', 'energy', 'transport'];
const needs = Math.round((scale * 2) / 3);
const ds = demo.generateDemoDataset({
  seed: 2026,
  organizations: Math.max(30, Math.min(2000, Math.round(scale / 100))),
  needs,
  capabilities: scale - needs,
  now: new Date('2026-11-01T00:00:00Z'),
});
type Item = Record<string, unknown> & { title: string; description: string; ownerCreditCode: string };
const pool: Record<ListType, Item[]> = { scenario_need: ds.needs as unknown as Item[], capability: ds.capabilities as unknown as Item[] };
const rand = prng(4242);
lengthenDescriptions(pool, rand);

const t0 = performance.now();
const engine = new SearchEngine<ListingFields>();
let n = 0;
for (const listType of ['scenario_need', 'capability'] as const) {
  for (const item of pool[listType]) {
    const cases = (item.referenceCases as Array<{ title: string; summary: string }> | undefined) ?? [];
    const extra = [item.expectedOutcome as string | undefined, ...cases.map((c) => `${c.title} ${c.summary}`)].filter(Boolean).join('\n');
    const sectors = (item.sectors as string[] | undefined) ?? (item.sector ? [item.sector as string] : []);
    const at = Date.parse('2026-11-01T00:00:00Z') - (n % 2000) * 3_600_000;
    engine.add({
      id: `L${n++}`,
      title: item.title,
      text: `${item.description}\n${extra}`,
      fields: {
        listType,
        status: 'submitted',
        organizationId: item.ownerCreditCode,
        organizationName: '',
        title: item.title,
        sector: (item.sector as string | undefined) ?? sectors[0] ?? null,
        sectors,
        techFields: (item.techFields as string[]) ?? [],
        regionCode: (item.regionCode as string | undefined) ?? null,
        budgetMin: (item.budgetMin as number | undefined) ?? null,
        budgetMax: (item.budgetMax as number | undefined) ?? null,
        maturityTrl: (item.maturityTrl as number | undefined) ?? null,
        contactPublic: false,
        createdAt: at,
        submittedAt: at,
        deadline: null,
        batchId: null,
        batchTitle: null,
        publishedAt: null,
      },
    });
  }
}
engine.optimize();
console.log(`indexed ${engine.size} listings in ${((performance.now() - t0) / 1000).toFixed(1)} s`, engine.stats());

const queries = benchmarkQueries([...pool.scenario_need, ...pool.capability], rand);

const viewer = { seesAll: true, organizationId: null };
const filtersOf = (i: number) => (i % 5 === 4 ? { sector: [SECTORS[i % SECTORS.length]!] } : {});
const once = () => queries.map((q, i) => runSearch(engine, viewer, q, filtersOf(i), 'relevance'));
const timedRound = () =>
  queries.map((q, i) => {
    const s = performance.now();
    runSearch(engine, viewer, q, filtersOf(i), 'relevance');
    return performance.now() - s;
  });
timedRound();
const profileFile = opt('--profile');
if (profileFile) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  timedRound();
  timedRound();
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(profileFile, JSON.stringify(profile));
  session.disconnect();
}
const rounds = Array.from({ length: Number(opt('--rounds') ?? 5) }, timedRound);
const per = queries.map((_, i) => median(rounds.map((r) => r[i]!)));
console.log(
  `in process p50 ${median(rounds.map((r) => percentile(r, 50))).toFixed(2)} ms, p95 ${median(rounds.map((r) => percentile(r, 95))).toFixed(2)} ms, fastest round ${Math.min(...rounds.map((r) => r.reduce((a, b) => a + b, 0))).toFixed(0)} ms`,
);
if (args.includes('--phases')) {
  const opts = { minBigramCoverage: 0.5, minRelativeScore: 0.15, preferWordMatches: true };
  const t: number[] = [],
    c: number[] = [];
  for (let r = 0; r < 3; r++)
    queries.forEach((q, i) => {
      const s = performance.now();
      const m = engine.matches(q, opts);
      const e = performance.now() - s;
      if (r === 2) {
        t[i] = e;
        c[i] = m.count;
      }
    });
  console.log(
    `matches() only p50 ${percentile(t, 50).toFixed(2)} p95 ${percentile(t, 95).toFixed(2)} ms, round ${t.reduce((a, b) => a + b, 0).toFixed(0)} ms; hits p50 ${percentile(c, 50)} p95 ${percentile(c, 95)}`,
  );
  const slow = per
    .map((x, i) => [x, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 10);
  for (const [x, i] of slow) {
    const terms = engine.queryTerms(queries[i]!);
    const e = engine as unknown as {
      words: Map<string, { n: number }>;
      chars: Array<{ n: number } | undefined>;
      bigrams: Array<Map<number, { n: number }> | undefined>;
    };
    let wordP = 0,
      charP = 0,
      bigP = 0;
    for (const q of terms) {
      if (q.source !== 'bigram') wordP += e.words.get(q.term)?.n ?? 0;
      else if (q.term.length === 1) {
        const n = e.chars[q.term.charCodeAt(0) - 0x3400]?.n ?? 0;
        if (n <= engine.size / 4) charP += n;
      } else bigP += e.bigrams[q.term.charCodeAt(0) - 0x3400]?.get(q.term.charCodeAt(1))?.n ?? 0;
    }
    console.log(`   postings: words ${wordP}, bigrams ${bigP}, chars ${charP}`);
    console.log(
      `${x.toFixed(1)} ms total, ${t[i]!.toFixed(1)} ms matches, ${c[i]} hits  ${queries[i]}  terms: ${terms.map((q) => `${q.term}/${q.source[0]}`).join(' ')}`,
    );
  }
}
if (args.includes('--slow')) {
  const order = per
    .map((t, i) => [t, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 15);
  for (const [t, i] of order) console.log(`${t.toFixed(1).padStart(6)} ms  ${JSON.stringify(queries[i])}${i % 5 === 4 ? ' +sector' : ''}`);
}

const signature = once().map((o, i) => ({
  q: queries[i],
  total: o.total,
  capped: o.capped,
  top: o.ids.slice(0, 20).map((id, j) => `${id}:${o.scores[j]!.toFixed(4)}`),
  facets: Object.fromEntries(Object.entries(o.facets).map(([k, v]) => [k, v.map((x) => `${x.value}=${x.count}`).join(',')])),
}));
const dump = opt('--dump');
if (dump) fs.writeFileSync(dump, JSON.stringify(signature, null, 1));
const compare = opt('--compare');
if (compare) {
  const before = JSON.parse(fs.readFileSync(compare, 'utf8')) as typeof signature;
  let same = 0;
  const diffs: string[] = [];
  before.forEach((b, i) => {
    const a = signature[i]!;
    if (JSON.stringify(a) === JSON.stringify(b)) {
      same++;
      return;
    }
    const what = [
      a.total !== b.total ? `total ${b.total}→${a.total}` : '',
      a.top.join() !== b.top.join() ? 'top20' : '',
      JSON.stringify(a.facets) !== JSON.stringify(b.facets) ? 'facets' : '',
    ]
      .filter(Boolean)
      .join(' ');
    diffs.push(`${JSON.stringify(a.q)}: ${what}`);
  });
  console.log(`identical: ${same}/${before.length}`);
  for (const d of diffs.slice(0, 20)) console.log(`  ${d}`);
}
