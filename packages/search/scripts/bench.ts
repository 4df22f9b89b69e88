/**
 * Search latency at scale: N synthetic listings (demo needs and capabilities plus listings
 * recombined from the seed sentences), 200 queries of 2–5 words, top 20, single client.
 *
 *   npx tsx packages/search/scripts/bench.ts [--docs 100000] [--minisearch] [--seeds DIR]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as demo from '@scenebridge/demo';
import { SearchEngine, type SearchDocument } from '@scenebridge/search/engine';
import { defaultSegmenter } from '@scenebridge/search/segment';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => {
  const i = args.indexOf(n);
  return i >= 0 && args[i + 1] ? args[i + 1]! : d;
};
const N = Number(opt('--docs', '100000'));
const seedsDir = opt('--seeds', resolve(new URL('.', import.meta.url).pathname, '../../../../shared/seeds'));

const rng = new demo.Rng('search-bench');
const sentences = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) =>
    readFileSync(join(seedsDir, f), 'utf8')
      .split(/[。\n]/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12 && s.length <= 200),
  );
const ds = demo.generateDemoDataset({
  seed: 'search-bench',
  needs: 3000,
  capabilities: 1500,
  organizations: 200,
  now: new Date('2026-01-01T00:00:00Z'),
});
const base = [
  ...ds.needs.map((n) => ({ title: n.title, text: n.description, sector: n.sector })),
  ...ds.capabilities.map((c) => ({ title: c.title, text: c.description, sector: c.sectors?.[0] ?? 'manufacturing' })),
];

const docs: SearchDocument<{ sector: string }>[] = [];
for (let i = 0; i < N; i++) {
  if (i % 2 === 0) {
    const b = base[rng.int(0, base.length - 1)]!;
    docs.push({ id: `d${i}`, title: b.title, text: b.text + rng.pick(sentences), fields: { sector: b.sector } });
  } else {
    const title = rng.pick(sentences).slice(0, 30);
    const text = Array.from({ length: rng.int(1, 4) }, () => rng.pick(sentences)).join('。');
    docs.push({ id: `d${i}`, title, text, fields: { sector: 'policy' } });
  }
}
const seg = defaultSegmenter();
const queries: string[] = [];
for (let i = 0; i < 200; i++) {
  const d = docs[rng.int(0, docs.length - 1)]!;
  const words = [...new Set(seg.cut(`${d.title}${d.text}`).filter((w) => w.length >= 2))];
  queries.push(Array.from({ length: rng.int(2, 5) }, () => rng.pick(words)).join(' '));
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}
function timeQueries(run: (q: string) => unknown) {
  for (const q of queries.slice(0, 20)) run(q);
  const t: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    run(q);
    t.push(performance.now() - s);
  }
  return { p50: pct(t, 0.5), p95: pct(t, 0.95), p99: pct(t, 0.99) };
}
const mb = () => process.memoryUsage().rss / 2 ** 20;
const f = (x: number) => x.toFixed(2);

let chars = 0;
for (const d of docs) chars += (d.title?.length ?? 0) + (d.text?.length ?? 0);
{
  const t = performance.now();
  for (const d of docs) {
    seg.jieba.cutForSearch(d.title ?? '', true);
    seg.jieba.cutForSearch(d.text ?? '', true);
  }
  console.log(
    `corpus: ${N} docs, ${(chars / N).toFixed(0)} chars on average; jieba cutForSearch alone takes ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
global.gc?.();
let m0 = mb();
let t0 = performance.now();
const engine = new SearchEngine<{ sector: string }>();
engine.addAll(docs);
const build = performance.now() - t0;
global.gc?.();
console.log(`ours: ${N} docs built in ${(build / 1000).toFixed(1)} s, +${(mb() - m0).toFixed(0)} MB RSS`, engine.stats());
const full = timeQueries((q) => engine.search(q, { limit: 20 }));
const plain = timeQueries((q) => engine.search(q, { limit: 20, expand: false, nearMiss: false }));
console.log(`ours full (synonyms + bigrams)  p50 ${f(full.p50)}  p95 ${f(full.p95)}  p99 ${f(full.p99)} ms`);
console.log(`ours words only                 p50 ${f(plain.p50)}  p95 ${f(plain.p95)}  p99 ${f(plain.p99)} ms`);

if (args.includes('--minisearch')) {
  const { default: MiniSearch } = await import('minisearch');
  m0 = mb();
  t0 = performance.now();
  const ms = new MiniSearch({
    fields: ['title', 'text'],
    storeFields: [],
    tokenize: (s: string) => seg.words(s),
    processTerm: (t: string) => t,
    searchOptions: { boost: { title: 2 } },
  });
  ms.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
  console.log(`minisearch: built in ${((performance.now() - t0) / 1000).toFixed(1)} s, +${(mb() - m0).toFixed(0)} MB RSS`);
  const r = timeQueries((q) => ms.search(q).slice(0, 20));
  console.log(`minisearch (same tokens, OR)    p50 ${f(r.p50)}  p95 ${f(r.p95)}  p99 ${f(r.p99)} ms`);
}
