/**
 * Runs the evaluation on a data folder with the layout of shared/eval: sector.tsv,
 * items.tsv, passages.tsv, queries.tsv, qrels.tsv. Everything is computed in-process on a
 * fresh engine: sector / technology-field classification, and retrieval for our engine and
 * for the plain BM25 baseline over the same corpus.
 */
import { join } from 'node:path';
import { Classifier } from '../classify.js';
import { SearchEngine } from '../engine.js';
import { BaselineBm25 } from './baseline.js';
import { hasMatchData, runMatchEval, type MatchEvalResult } from './match.js';
import { hasPolicyTerms, runPolicyTermsEval, type PolicyTermsResult } from './policy-terms.js';
import { mean, microSetScores, ndcgAt, recallAt, sectorScores, type SectorScores, type SetScores } from './metrics.js';
import { readTsv } from './tsv.js';

export const K = 10;

export interface CorpusDoc {
  id: string;
  title: string;
  text: string;
}

export interface PerQuery {
  qid: string;
  judged: number;
  ours: { ndcg10: number; recall10: number };
  baseline: { ndcg10: number; recall10: number };
}

export interface EvalResult {
  counts: { sector_items: number; tech_items: number; queries: number; corpus: number };
  sector: SectorScores;
  techFields: SetScores;
  retrieval: { ours: { ndcg10: number; recall10: number }; baseline: { ndcg10: number; recall10: number } };
  perQuery: PerQuery[];
  /** Queries of queries.tsv without any judged document ≥ 1 (not averaged). */
  skippedQueries: string[];
  timings: { classifyMs: number; indexMs: number; baselineIndexMs: number; oursQueryMsP50: number; oursQueryMsMax: number };
  sectorPredictions: Array<{ id: string; gold: string; pred: string; confidence: number }>;
  /** Present when DIR has match_listings.tsv and match_qrels.tsv. */
  matching?: MatchEvalResult;
  /** Present when DIR has policy_terms.tsv. */
  policyTerms?: PolicyTermsResult;
}

/**
 * An item's text is its name, then 。, then the description (shared/eval/README.md); the
 * name becomes the title. Texts without a short leading sentence stay whole.
 */
export function splitItemText(text: string): { title: string; text: string } {
  const i = text.indexOf('。');
  if (i > 0 && i <= 80) return { title: text.slice(0, i), text: text.slice(i + 1) };
  return { title: '', text };
}

const splitCodes = (s: string) =>
  new Set(
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

export function runEval(dir: string): EvalResult {
  const sectorRows = readTsv(join(dir, 'sector.tsv'), ['id', 'text', 'sector', 'tech_fields']);
  const itemRows = readTsv(join(dir, 'items.tsv'), ['id', 'text']);
  const passageRows = readTsv(join(dir, 'passages.tsv'), ['id', 'title', 'text']);
  const queryRows = readTsv(join(dir, 'queries.tsv'), ['qid', 'query']);
  const qrelRows = readTsv(join(dir, 'qrels.tsv'), ['qid', 'doc_id', 'grade']);

  // --- classification ---
  let t0 = performance.now();
  const classifier = new Classifier();
  const predictions = sectorRows.map((r) => classifier.classify(r.text!));
  const classifyMs = performance.now() - t0;
  const sector = sectorScores(
    sectorRows.map((r) => r.sector!.trim()),
    predictions.map((p) => p.sectors[0]?.code ?? ''),
  );
  const techIdx = sectorRows.map((r, i) => ({ gold: splitCodes(r.tech_fields!), i })).filter((x) => x.gold.size > 0);
  const techFields = microSetScores(
    techIdx.map((x) => x.gold),
    techIdx.map((x) => new Set(predictions[x.i]!.techFields.map((t) => t.code))),
  );

  // --- retrieval corpus ---
  const corpus: CorpusDoc[] = [
    ...passageRows.map((r) => ({ id: r.id!, title: r.title!, text: r.text! })),
    ...itemRows.map((r) => ({ id: r.id!, ...splitItemText(r.text!) })),
  ];
  t0 = performance.now();
  const engine = new SearchEngine();
  engine.addAll(corpus.map((d) => ({ id: d.id, title: d.title, text: d.text })));
  const indexMs = performance.now() - t0;
  t0 = performance.now();
  const baseline = new BaselineBm25();
  for (const d of corpus) baseline.add(d.id, d.title, d.text);
  const baselineIndexMs = performance.now() - t0;

  const judgments = new Map<string, Map<string, number>>();
  for (const r of qrelRows) {
    const g = Number(r.grade);
    if (!Number.isFinite(g)) throw new Error(`qrels.tsv: bad grade "${r.grade}" for ${r.qid}/${r.doc_id}`);
    const m = judgments.get(r.qid!) ?? new Map<string, number>();
    m.set(r.doc_id!, Math.max(m.get(r.doc_id!) ?? 0, g));
    judgments.set(r.qid!, m);
  }

  const perQuery: PerQuery[] = [];
  const skippedQueries: string[] = [];
  const latencies: number[] = [];
  for (const q of queryRows) {
    const judged = judgments.get(q.qid!);
    if (!judged || ![...judged.values()].some((g) => g >= 1)) {
      skippedQueries.push(q.qid!);
      continue;
    }
    const s = performance.now();
    const ours = engine.search(q.query!, { limit: K }).map((h) => h.id);
    latencies.push(performance.now() - s);
    const base = baseline.search(q.query!, K).map((h) => h.id);
    perQuery.push({
      qid: q.qid!,
      judged: judged.size,
      ours: { ndcg10: ndcgAt(ours, judged, K), recall10: recallAt(ours, judged, K) },
      baseline: { ndcg10: ndcgAt(base, judged, K), recall10: recallAt(base, judged, K) },
    });
  }
  latencies.sort((a, b) => a - b);

  return {
    counts: { sector_items: sectorRows.length, tech_items: techIdx.length, queries: perQuery.length, corpus: corpus.length },
    sector,
    techFields,
    retrieval: {
      ours: { ndcg10: mean(perQuery.map((p) => p.ours.ndcg10)), recall10: mean(perQuery.map((p) => p.ours.recall10)) },
      baseline: { ndcg10: mean(perQuery.map((p) => p.baseline.ndcg10)), recall10: mean(perQuery.map((p) => p.baseline.recall10)) },
    },
    perQuery,
    skippedQueries,
    timings: {
      classifyMs,
      indexMs,
      baselineIndexMs,
      oursQueryMsP50: latencies[Math.floor(latencies.length / 2)] ?? 0,
      oursQueryMsMax: latencies[latencies.length - 1] ?? 0,
    },
    sectorPredictions: sectorRows.map((r, i) => ({
      id: r.id!,
      gold: r.sector!,
      pred: predictions[i]!.sectors[0]?.code ?? '',
      confidence: predictions[i]!.sectors[0]?.confidence ?? 0,
    })),
    ...(hasMatchData(dir) ? { matching: runMatchEval(dir) } : {}),
    ...(hasPolicyTerms(dir) ? { policyTerms: runPolicyTermsEval(dir, passageRows) } : {}),
  };
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** The JSON object of shared/eval/README.md ("policyTerms" when the folder has policy_terms.tsv). */
export function toJson(r: EvalResult) {
  return {
    counts: r.counts,
    sector: { accuracy: r4(r.sector.accuracy), macroF1: r4(r.sector.macroF1) },
    techFields: { microF1: r4(r.techFields.f1) },
    retrieval: {
      ours: { ndcg10: r4(r.retrieval.ours.ndcg10), recall10: r4(r.retrieval.ours.recall10) },
      baseline: { ndcg10: r4(r.retrieval.baseline.ndcg10), recall10: r4(r.retrieval.baseline.recall10) },
    },
    ...(r.matching ? { matching: matchingJson(r.matching) } : {}),
    ...(r.policyTerms ? { policyTerms: policyTermsJson(r.policyTerms) } : {}),
  };
}

function policyTermsJson(p: PolicyTermsResult) {
  const fig = (s: { precision: number; recall: number; tp: number; fp: number; fn: number }) => ({
    precision: r4(s.precision),
    recall: r4(s.recall),
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
  });
  const perType = Object.fromEntries(Object.entries(p.perType).map(([t, s]) => [t, fig(s)]));
  return { ...fig(p), f1: r4(p.f1), perType };
}

function matchingJson(m: MatchEvalResult) {
  const fig = (x: { ndcg10: number; p5: number }) => ({ ndcg10: r4(x.ndcg10), p5: r4(x.p5) });
  const dir = (d: MatchEvalResult['needToCapability']) => ({ ours: fig(d.ours), old: fig(d.old) });
  return { needToCapability: dir(m.needToCapability), capabilityToNeed: dir(m.capabilityToNeed) };
}

export interface Subset {
  label: string;
  from: string;
  to: string;
}

/** Human-readable report: summary table, optional query-range rows, per-query nDCG@10. */
export function formatReport(r: EvalResult, subsets: readonly Subset[] = []): string {
  const f = (x: number) => x.toFixed(3);
  const pct = (a: number, b: number) => (b > 0 ? `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%` : 'n/a');
  const L: string[] = [];
  L.push(
    `corpus ${r.counts.corpus} docs · ${r.counts.queries} queries · ${r.counts.sector_items} sector items (${r.counts.tech_items} with tech fields)`,
  );
  if (r.skippedQueries.length) L.push(`skipped (no judged doc with grade ≥ 1): ${r.skippedQueries.join(', ')}`);
  L.push('');
  L.push('Classification');
  L.push(`  sector accuracy      ${f(r.sector.accuracy)}  (${r.sector.correct}/${r.sector.n})`);
  L.push(`  sector macro-F1      ${f(r.sector.macroF1)}  (over ${Object.keys(r.sector.perClass).length} gold codes)`);
  L.push(
    `  tech-field micro-F1  ${f(r.techFields.f1)}  (P ${f(r.techFields.precision)}, R ${f(r.techFields.recall)}; TP ${r.techFields.tp}, FP ${r.techFields.fp}, FN ${r.techFields.fn})`,
  );
  L.push('');
  L.push(`Retrieval (mean over queries)      nDCG@10   Recall@10`);
  const row = (name: string, o: { ndcg10: number; recall10: number }) =>
    `  ${name.padEnd(33)}${f(o.ndcg10).padStart(7)}   ${f(o.recall10).padStart(9)}`;
  L.push(row('ours', r.retrieval.ours));
  L.push(row('baseline (BM25, jieba tokens)', r.retrieval.baseline));
  L.push(
    `  ours vs baseline: nDCG@10 ${pct(r.retrieval.ours.ndcg10, r.retrieval.baseline.ndcg10)}, Recall@10 ${pct(r.retrieval.ours.recall10, r.retrieval.baseline.recall10)}`,
  );
  for (const s of subsets) {
    const qs = r.perQuery.filter(
      (p) => p.qid.localeCompare(s.from, 'en', { numeric: true }) >= 0 && p.qid.localeCompare(s.to, 'en', { numeric: true }) <= 0,
    );
    const o = { ndcg10: mean(qs.map((p) => p.ours.ndcg10)), recall10: mean(qs.map((p) => p.ours.recall10)) };
    const b = { ndcg10: mean(qs.map((p) => p.baseline.ndcg10)), recall10: mean(qs.map((p) => p.baseline.recall10)) };
    L.push('');
    L.push(`  ${s.label}: ${s.from}…${s.to} (${qs.length} queries)`);
    L.push(row('ours', o));
    L.push(row('baseline', b));
    L.push(`  ours vs baseline: nDCG@10 ${pct(o.ndcg10, b.ndcg10)}, Recall@10 ${pct(o.recall10, b.recall10)}`);
  }
  L.push('');
  L.push('Per query              nDCG@10 ours  baseline   Recall@10 ours  baseline');
  for (const p of r.perQuery) {
    L.push(
      `  ${p.qid.padEnd(20)} ${f(p.ours.ndcg10).padStart(9)} ${f(p.baseline.ndcg10).padStart(9)}   ${f(p.ours.recall10).padStart(14)} ${f(p.baseline.recall10).padStart(9)}`,
    );
  }
  if (r.matching) L.push('', ...formatMatching(r.matching));
  if (r.policyTerms) L.push('', ...formatPolicyTerms(r.policyTerms));
  L.push('');
  L.push('Sector predictions (id gold → predicted, confidence)');
  for (const s of r.sectorPredictions)
    L.push(`  ${s.id.padEnd(8)} ${s.gold.padEnd(22)} ${s.gold === s.pred ? '  ' : '✗ '}${s.pred.padEnd(22)} ${s.confidence.toFixed(2)}`);
  L.push('');
  L.push(
    `timings: classify ${r.timings.classifyMs.toFixed(0)} ms (incl. model build), index ${r.timings.indexMs.toFixed(0)} ms, baseline index ${r.timings.baselineIndexMs.toFixed(0)} ms, query p50 ${r.timings.oursQueryMsP50.toFixed(2)} ms, max ${r.timings.oursQueryMsMax.toFixed(2)} ms`,
  );
  return L.join('\n');
}

function formatPolicyTerms(p: PolicyTermsResult): string[] {
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, s: PolicyTermsResult['perType'][string]) =>
    `  ${name.padEnd(13)} P ${f(s.precision)}  R ${f(s.recall)}  (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})`;
  return [
    `Policy terms (${p.passages} passages scored): F1 ${f(p.f1)}`,
    row('all', p),
    ...Object.entries(p.perType).map(([t, s]) => row(t, s)),
  ];
}

function formatMatching(m: MatchEvalResult): string[] {
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, d: MatchEvalResult['needToCapability']) => [
    `  ${name} (${d.queries})`.padEnd(36) + `ours ${f(d.ours.ndcg10)} / ${f(d.ours.p5)}   old ${f(d.old.ndcg10)} / ${f(d.old.p5)}`,
  ];
  const t = m.threshold;
  return [
    'Matching (nDCG@10 / P@5)',
    ...row('need → capability', m.needToCapability),
    ...row('capability → need', m.capabilityToNeed),
    `  filled by the classifier: ${m.classified.sector} sectors, ${m.classified.techFields} technology-field lists`,
    `  threshold: ${t.relevantWeak}/${t.relevantPairs} judged pairs flagged weak; ${t.shownTop10Unjudged}/${t.shownTop10} shown top-10 pairs unjudged`,
    '  per listing nDCG@10 ours/old: ' + m.perListing.map((p) => `${p.id} ${f(p.ours)}/${f(p.old)}`).join(', '),
  ];
}
