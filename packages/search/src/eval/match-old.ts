/**
 * The matching score as it was before issue 12, kept runnable only so `npm run eval` can
 * compare: key terms without the number/fragment/function-word filter, every query word
 * counted as shared, budget full marks for any stated budget, unknown maturity 0.2, no
 * off-topic rule. Production code does not import this.
 */
import { regionFit, sectorFit, type CapabilitySide, type NeedSide } from '@scenebridge/domain';
import type { SearchEngine } from '../engine.js';
import { matchSides, type MatchFields } from '../matching/rank.js';

const KEY_TERMS = 24;
const CANDIDATES = 150;
const FULL_TERM_COVERAGE = 0.5;
const SYNONYM_CREDIT = 0.6;
const WEIGHTS = { terms: 40, sector: 20, tech: 20, region: 8, budget: 4, maturity: 8 };

function oldKeyTerms<F>(engine: SearchEngine<F>, title: string, text: string): Array<{ term: string; weight: number }> {
  const tf = new Map<string, number>();
  const add = (words: string[], w: number) => {
    for (const t of words) if (t.length >= 2) tf.set(t, (tf.get(t) ?? 0) + w);
  };
  add(engine.segmenter.words(title), 2);
  add(engine.segmenter.words(text), 1);
  return [...tf]
    .map(([term, f]) => ({ term, weight: Math.log1p(f) * engine.idfOf(term) }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, KEY_TERMS);
}

function oldScore(need: NeedSide, cap: CapabilitySide, termFit: number): number {
  const have = new Set(cap.techFields);
  const tech = need.techFields.length === 0 ? 0 : need.techFields.filter((t) => have.has(t)).length / need.techFields.length;
  const t = cap.maturityTrl;
  const maturity = t === null ? 0.2 : t >= 7 ? 1 : t >= 5 ? 0.6 : t >= 3 ? 0.3 : 0.1;
  const budget = need.budgetMax !== null || need.budgetMin !== null ? 1 : 0.3;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const fits = {
    terms: Math.max(0, Math.min(1, termFit)),
    sector: sectorFit(need, cap),
    tech,
    region: regionFit(need.regionCode, cap.regionCode),
    budget,
    maturity,
  };
  return r2((Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).reduce((a, k) => a + r2(WEIGHTS[k] * r2(fits[k])), 0));
}

export function rankMatchTargetsOld<F extends MatchFields>(
  engine: SearchEngine<F>,
  source: MatchFields,
  text: { title: string; text: string },
  filter: (hit: { id: string; doc: number }) => boolean,
): Array<{ id: string; score: number }> {
  const keys = oldKeyTerms(engine, text.title, text.text);
  if (keys.length === 0) return [];
  const total = keys.reduce((a, k) => a + k.weight, 0);
  const weightOf = new Map(keys.map((k) => [k.term, k.weight]));
  const hits = engine.search(keys.map((k) => k.term).join(' '), {
    limit: CANDIDATES,
    nearMiss: false,
    preferWordMatches: true,
    filter,
  });
  return hits
    .map((h) => {
      let covered = 0;
      const shared = new Set<string>();
      for (const t of h.matchedTerms) {
        covered += weightOf.get(t) ?? 0;
        shared.add(t);
      }
      for (const s of h.matchedSynonyms) {
        if (shared.has(s.from)) continue;
        covered += SYNONYM_CREDIT * (weightOf.get(s.from) ?? 0);
        shared.add(s.from);
      }
      const termFit = total > 0 ? Math.min(1, covered / total / FULL_TERM_COVERAGE) : 0;
      const { need, cap } = matchSides(source, h.fields!);
      return { id: h.id, score: oldScore(need, cap, termFit) };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
