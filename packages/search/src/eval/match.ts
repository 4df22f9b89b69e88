/**
 * The matching evaluation (shared/eval/README-matching.md): DIR/match_listings.tsv and
 * DIR/match_qrels.tsv. The listings go through the path real listings take: an empty sector or
 * technology-field column is filled with the classifier's suggestions (what the submission form
 * offers), the text is indexed by the same engine, and each listing is ranked by the same
 * `rankMatchTargets` the app calls; `old` is the scoring before issue 12 over the same engine.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultClassifier } from '../classify.js';
import { SearchEngine } from '../engine.js';
import { inferMissingFields } from '../matching/infer.js';
import { rankMatchTargets, type MatchFields } from '../matching/rank.js';
import { rankMatchTargetsOld } from './match-old.js';
import { mean, ndcgAt } from './metrics.js';
import { readTsv } from './tsv.js';

export interface MatchFigures {
  ndcg10: number;
  p5: number;
}
export interface MatchDirection {
  ours: MatchFigures;
  old: MatchFigures;
  queries: number;
}
export interface MatchEvalResult {
  needToCapability: MatchDirection;
  capabilityToNeed: MatchDirection;
  /** Over every ranked pair: judged ≥ 1 pairs flagged weak, and unjudged pairs shown (not weak) in the top 10. */
  threshold: { relevantPairs: number; relevantWeak: number; shownTop10: number; shownTop10Unjudged: number };
  /** Listings whose sector or technology fields were filled by the classifier. */
  classified: { sector: number; techFields: number };
  perListing: Array<{ id: string; ours: number; old: number }>;
}

interface EvalListing {
  id: string;
  title: string;
  text: string;
  fields: MatchFields;
}

const codes = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const numOrNull = (s: string | undefined) => (s && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

export function hasMatchData(dir: string): boolean {
  return existsSync(join(dir, 'match_listings.tsv')) && existsSync(join(dir, 'match_qrels.tsv'));
}

export function loadMatchListings(dir: string): { listings: EvalListing[]; classified: { sector: number; techFields: number } } {
  const rows = readTsv(join(dir, 'match_listings.tsv'), ['id', 'list_type', 'title', 'description', 'sectors', 'tech_fields']);
  const classifier = defaultClassifier();
  const classified = { sector: 0, techFields: 0 };
  const listings = rows.map((r) => {
    const isNeed = r.list_type === 'scenario_need';
    const sectors = codes(r.sectors);
    const techFields = codes(r.tech_fields);
    const given = {
      listType: isNeed ? 'scenario_need' : 'capability',
      sector: isNeed ? (sectors[0] ?? null) : null,
      sectors: isNeed ? [] : sectors,
      techFields,
    };
    // The app's path: the classifier fills what the listing left empty, kept apart (inferred).
    const inferred = inferMissingFields(given, `${r.title}。${r.description}`, classifier);
    if (inferred?.sector || inferred?.sectors) classified.sector++;
    if (inferred?.techFields) classified.techFields++;
    const fields: MatchFields = {
      ...given,
      inferred,
      regionCode: r.region?.trim() || null,
      budgetMin: isNeed ? numOrNull(r.budget_min_wan) : null,
      budgetMax: isNeed ? numOrNull(r.budget_max_wan) : null,
      maturityTrl: isNeed ? null : numOrNull(r.trl),
    };
    return { id: r.id!, title: r.title!, text: r.description!, fields };
  });
  return { listings, classified };
}

const precisionAt = (ranked: readonly string[], judged: ReadonlyMap<string, number>, k = 5) =>
  ranked.slice(0, k).filter((id) => (judged.get(id) ?? 0) >= 1).length / k;

export function runMatchEval(dir: string): MatchEvalResult {
  const { listings, classified } = loadMatchListings(dir);
  const qrels = readTsv(join(dir, 'match_qrels.tsv'), ['need_id', 'capability_id', 'grade']);
  const engine = new SearchEngine<MatchFields>();
  engine.addAll(listings.map((l) => ({ id: l.id, title: l.title, text: l.text, fields: l.fields })));
  engine.optimize();

  const judged = new Map<string, Map<string, number>>();
  const judge = (a: string, b: string, g: number) => {
    const m = judged.get(a) ?? new Map<string, number>();
    m.set(b, Math.max(m.get(b) ?? 0, g));
    judged.set(a, m);
  };
  for (const q of qrels) {
    const g = Number(q.grade);
    if (!Number.isFinite(g)) throw new Error(`match_qrels.tsv: bad grade "${q.grade}" for ${q.need_id}/${q.capability_id}`);
    judge(q.need_id!, q.capability_id!, g);
    judge(q.capability_id!, q.need_id!, g);
  }

  const threshold = { relevantPairs: 0, relevantWeak: 0, shownTop10: 0, shownTop10Unjudged: 0 };
  const perListing: MatchEvalResult['perListing'] = [];
  const direction = (listType: string, counts: (j: ReadonlyMap<string, number>) => boolean): MatchDirection => {
    const ours: MatchFigures[] = [];
    const old: MatchFigures[] = [];
    for (const l of listings) {
      const j = judged.get(l.id);
      if (l.fields.listType !== listType || !j || !counts(j)) continue;
      const filter = (d: { id: string; doc: number }) => d.id !== l.id && engine.fieldsAt(d.doc)?.listType !== listType;
      const ranked = rankMatchTargets(engine, l.fields, l, { filter });
      const oursIds = ranked.map((r) => r.id);
      const oldIds = rankMatchTargetsOld(engine, l.fields, l, filter).map((r) => r.id);
      ours.push({ ndcg10: ndcgAt(oursIds, j), p5: precisionAt(oursIds, j) });
      old.push({ ndcg10: ndcgAt(oldIds, j), p5: precisionAt(oldIds, j) });
      perListing.push({ id: l.id, ours: ours[ours.length - 1]!.ndcg10, old: old[old.length - 1]!.ndcg10 });
      for (const r of ranked) {
        if ((j.get(r.id) ?? 0) >= 1) {
          threshold.relevantPairs++;
          if (r.match.weak) threshold.relevantWeak++;
        }
      }
      for (const r of ranked.slice(0, 10)) {
        if (r.match.weak) continue;
        threshold.shownTop10++;
        if (!j.has(r.id)) threshold.shownTop10Unjudged++;
      }
    }
    const avg = (xs: MatchFigures[]) => ({ ndcg10: mean(xs.map((x) => x.ndcg10)), p5: mean(xs.map((x) => x.p5)) });
    return { ours: avg(ours), old: avg(old), queries: ours.length };
  };
  return {
    needToCapability: direction('scenario_need', (j) => [...j.values()].some((g) => g >= 2)),
    capabilityToNeed: direction('capability', (j) => [...j.values()].some((g) => g >= 1)),
    threshold,
    classified,
    perListing,
  };
}
