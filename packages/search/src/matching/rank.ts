/**
 * Two-way matching over the search engine, pure: candidates come from the index (the source's
 * key terms as the query), each is scored by the domain's `matchScore`, and the list is sorted.
 * The app ranks a listing's matches with this, and `npm run eval` measures this same function.
 */
import { matchScore, type CapabilitySide, type MatchScore, type NeedSide } from '@scenebridge/domain';
import type { SearchEngine } from '../engine.js';
import type { InferredFields } from './infer.js';
import { keyTerms } from './key-terms.js';

/** What matching reads of a listing (the app's ListingFields has all of it). */
export interface MatchFields {
  listType: string;
  sector: string | null;
  sectors: readonly string[];
  techFields: readonly string[];
  regionCode: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  maturityTrl: number | null;
  /** What the classifier read from the text for the fields left empty (`inferMissingFields`). */
  inferred?: InferredFields;
}

export const CANDIDATES = 150;
/**
 * Covering this weighted share of the source's key terms counts as a full text fit. Two texts
 * written by different people about the same problem share about a third of their telling
 * words; the rest is each one's own site, history and phrasing.
 */
export const FULL_TERM_COVERAGE = 1 / 3;
/** A key term found only through a synonym counts this much. */
export const SYNONYM_CREDIT = 0.6;

/** The fields matching scores: the owner's, and the inferred ones where the owner's are empty. */
export function effectiveFields(f: MatchFields): { sector: string | null; sectors: readonly string[]; techFields: readonly string[] } {
  return {
    sector: f.sector ?? f.inferred?.sector ?? null,
    sectors: f.sectors.length > 0 ? f.sectors : (f.inferred?.sectors ?? []),
    techFields: f.techFields.length > 0 ? f.techFields : (f.inferred?.techFields ?? []),
  };
}

export function matchSides(source: MatchFields, target: MatchFields): { need: NeedSide; cap: CapabilitySide } {
  const [n, c] = source.listType === 'scenario_need' ? [source, target] : [target, source];
  const ne = effectiveFields(n);
  const ce = effectiveFields(c);
  return {
    need: { sector: ne.sector, techFields: ne.techFields, regionCode: n.regionCode, budgetMin: n.budgetMin, budgetMax: n.budgetMax },
    cap: { sectors: ce.sectors, techFields: ce.techFields, regionCode: c.regionCode, maturityTrl: c.maturityTrl },
  };
}

export interface RankedMatch<F> {
  id: string;
  fields: F;
  termFit: number;
  /** Key terms of the source found in the target, without those inside a longer one shown. */
  shared: string[];
  match: MatchScore;
  /** The search engine's score of the target for the source's key terms: orders equal scores. */
  textScore: number;
}

export interface RankOptions {
  candidates?: number;
  /**
   * Which documents may be matched (the caller's visibility and type rules; never the source).
   * Handed to the engine as is: it runs for every hit above the running top-k threshold.
   */
  filter: (hit: { id: string; doc: number }) => boolean;
}

export function rankMatchTargets<F extends MatchFields>(
  engine: SearchEngine<F>,
  source: MatchFields,
  text: { title: string; text: string },
  opts: RankOptions,
): RankedMatch<F>[] {
  const keys = keyTerms(engine, text.title, text.text);
  if (keys.length === 0) return [];
  const total = keys.reduce((a, k) => a + k.weight, 0);
  const weightOf = new Map(keys.map((k) => [k.term, k.weight]));
  // For each key term, the longer key terms holding it: worked out once, not per hit.
  const holders = new Map(
    keys.map((k) => [k.term, keys.filter((u) => u.term.length > k.term.length && u.term.includes(k.term)).map((u) => u.term)]),
  );
  const hits = engine.search(keys.map((k) => k.term).join(' '), {
    // Words only, so every hit is a word match: the word-first path gives the same hits and
    // scores without per-document bookkeeping. Its hits come in document order, so tens of
    // thousands of them reach the filter before the top-k fills: the filter reads typed arrays.
    limit: opts.candidates ?? CANDIDATES,
    nearMiss: false,
    preferWordMatches: true,
    filter: opts.filter,
  });
  const out = hits.map((h) => {
    let covered = 0;
    const shared: string[] = [];
    // Only key terms count and show: the query's re-segmentation adds sub-words and number parts.
    for (const t of h.matchedTerms) {
      const w = weightOf.get(t);
      if (w === undefined) continue;
      covered += w;
      shared.push(t);
    }
    for (const s of h.matchedSynonyms) {
      const w = weightOf.get(s.from);
      if (w === undefined || shared.includes(s.from)) continue;
      covered += SYNONYM_CREDIT * w;
      shared.push(s.from);
    }
    const termFit = Math.min(1, covered / total / FULL_TERM_COVERAGE);
    const { need, cap } = matchSides(source, h.fields!);
    const shown = shared.filter((t) => !holders.get(t)!.some((u) => shared.includes(u)));
    return { id: h.id, fields: h.fields!, termFit, shared: shown, match: matchScore(need, cap, termFit), textScore: h.score };
  });
  // Equal scores: the closer text first (the search engine's own score), then by id for a stable order.
  return out.sort((a, b) => b.match.score - a.match.score || b.textScore - a.textScore || (a.id < b.id ? -1 : 1));
}
