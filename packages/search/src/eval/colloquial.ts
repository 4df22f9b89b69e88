/**
 * Everyday-language coverage (issue 12): for each pair of our dev set, how much of what the
 * official query finds the colloquial one finds too, over a corpus (the demo listings), with
 * the hit-set cuts the app's search applies. "before" is the default synonym table without the
 * colloquial vocabulary, "after" the table a fresh install ships with.
 *
 * - overlap@10: |top10(colloquial) ∩ top10(official)| / |top10(official)|
 * - recall@20: |top20(colloquial) ∩ top10(official)| / |top10(official)|
 * - found: pairs whose colloquial query has at least one of the official top 10 in its top 10
 */
import { SearchEngine, type SearchOptions } from '../engine.js';
import { defaultSynonyms } from '../synonyms.js';
import { COLLOQUIAL_PAIRS, type ColloquialPair } from './colloquial-pairs.js';
import { mean } from './metrics.js';
import type { CorpusDoc } from './run.js';

/** The cuts of app/src/search/query.ts (runSearch), so hit sets are what users get. */
export const APP_MATCH_OPTIONS = { minBigramCoverage: 0.5, minRelativeScore: 0.15, preferWordMatches: true } as const;

export interface PairResult {
  id: string;
  heldOut: boolean;
  officialHits: number;
  before: { hits: number; overlap10: number; recall20: number };
  after: { hits: number; overlap10: number; recall20: number };
}

export interface Summary {
  pairs: number;
  overlap10: number;
  recall20: number;
  found: number;
}

export interface ColloquialResult {
  corpus: number;
  perPair: PairResult[];
  before: Summary;
  after: Summary;
  heldOut: { pairs: number; before: Summary; after: Summary };
}

function hitCount(engine: SearchEngine, q: string): number {
  let n = 0;
  engine.search(q, { ...APP_MATCH_OPTIONS, limit: 1, collect: () => void n++ } satisfies SearchOptions<Record<string, unknown>>);
  return n;
}

function measure(engine: SearchEngine, pair: ColloquialPair, gold: string[]) {
  const ids = engine.search(pair.colloquial, { ...APP_MATCH_OPTIONS, limit: 20 }).map((h) => h.id);
  const share = (got: string[]) => (gold.length ? got.filter((id) => gold.includes(id)).length / gold.length : 0);
  return { hits: hitCount(engine, pair.colloquial), overlap10: share(ids.slice(0, 10)), recall20: share(ids) };
}

function summarise(rows: PairResult[], side: 'before' | 'after'): Summary {
  return {
    pairs: rows.length,
    overlap10: mean(rows.map((r) => r[side].overlap10)),
    recall20: mean(rows.map((r) => r[side].recall20)),
    found: rows.filter((r) => r[side].overlap10 > 0).length,
  };
}

export function runColloquialEval(corpus: readonly CorpusDoc[], pairs: readonly ColloquialPair[] = COLLOQUIAL_PAIRS): ColloquialResult {
  const build = (colloquial: boolean) => {
    const e = new SearchEngine({ synonyms: defaultSynonyms({ colloquial }) });
    e.addAll(corpus.map((d) => ({ id: d.id, title: d.title, text: d.text })));
    return e;
  };
  const before = build(false);
  const after = build(true);
  const perPair = pairs.map((pair): PairResult => {
    // The official query's own results are the reference, with the shipped table.
    const gold = after.search(pair.official, { ...APP_MATCH_OPTIONS, limit: 10 }).map((h) => h.id);
    return {
      id: pair.id,
      heldOut: !!pair.heldOut,
      officialHits: hitCount(after, pair.official),
      before: measure(before, pair, gold),
      after: measure(after, pair, gold),
    };
  });
  const held = perPair.filter((r) => r.heldOut);
  return {
    corpus: corpus.length,
    perPair,
    before: summarise(perPair, 'before'),
    after: summarise(perPair, 'after'),
    heldOut: { pairs: held.length, before: summarise(held, 'before'), after: summarise(held, 'after') },
  };
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** The figures for `--json`. */
export function colloquialJson(r: ColloquialResult) {
  return {
    pairs: r.before.pairs,
    corpus: r.corpus,
    overlap10_before: r4(r.before.overlap10),
    overlap10_after: r4(r.after.overlap10),
    recall20_before: r4(r.before.recall20),
    recall20_after: r4(r.after.recall20),
    found_before: r.before.found,
    found_after: r.after.found,
    held_out: {
      pairs: r.heldOut.pairs,
      overlap10_before: r4(r.heldOut.before.overlap10),
      overlap10_after: r4(r.heldOut.after.overlap10),
    },
  };
}

export function formatColloquial(r: ColloquialResult, pairs: readonly ColloquialPair[] = COLLOQUIAL_PAIRS): string {
  const f = (x: number) => x.toFixed(3);
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const L: string[] = [];
  L.push(`Colloquial queries (${r.before.pairs} pairs of src/eval/colloquial-pairs.ts over ${r.corpus} demo listings, app cuts)`);
  L.push('                         overlap@10  recall@20  found');
  const row = (name: string, s: Summary) =>
    `  ${name.padEnd(23)}${f(s.overlap10).padStart(10)}${f(s.recall20).padStart(11)}${`${s.found}/${s.pairs}`.padStart(7)}`;
  L.push(row('before (no colloquial)', r.before));
  L.push(row('after', r.after));
  if (r.heldOut.pairs) {
    L.push(row('held-out before', r.heldOut.before));
    L.push(row('held-out after', r.heldOut.after));
  }
  L.push('  pair  hits off. | before: hits ov@10 | after: hits ov@10   colloquial → official');
  for (const p of r.perPair) {
    const pair = byId.get(p.id);
    L.push(
      `  ${p.id.padEnd(5)} ${String(p.officialHits).padStart(8)} | ${String(p.before.hits).padStart(12)} ${f(p.before.overlap10)} | ${String(p.after.hits).padStart(11)} ${f(p.after.overlap10)}   ${pair?.colloquial ?? ''} → ${pair?.official ?? ''}${p.heldOut ? ' (held out)' : ''}`,
    );
  }
  return L.join('\n');
}
