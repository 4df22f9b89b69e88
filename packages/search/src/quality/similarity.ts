/**
 * Near-duplicate similarity of two listings, in [0, 1].
 *
 * Three signals, each chosen to survive rewording:
 * - words (0.6): cosine of TF-IDF vectors over synonym-folded jieba words (瑕疵 = 缺陷,
 *   摔倒 = 跌倒), each word also weighted by its class (boilerplate almost nothing, techniques
 *   and tasks half, who/where a little less than objects and problems), plus partial credit
 *   for weakly related words (清点 ~ 盘点);
 * - title (0.3): how much of each title's weight occurs anywhere in the other listing,
 *   averaged over both directions. A title states the need; a rewording keeps its object
 *   (钢材, 跌倒) somewhere even when the two titles share no word, while two different needs
 *   with look-alike titles (钢材… vs 药品…缺陷检测) leave the object unmatched. Comparing
 *   title with title instead rewarded look-alike titles and missed reworded ones;
 * - bigrams (0.1): overlap of content character bigrams (containment and Dice averaged),
 *   for words jieba cut differently or that no synonym group knows. It stays small because
 *   templated but different needs share long phrases.
 * Every vector also carries a little unshared mass (compiled.ts), so that two listings made
 * of nothing but boilerplate do not look alike. The weights are round values, chosen on
 * hand-written pairs (pairs.fixture.ts), not fitted.
 */
import type { Segmenter } from '../segment.js';
import type { SynonymTable } from '../synonyms.js';
import { DocumentFrequencies } from './document-frequencies.js';
import { defaultDuplicateSynonyms } from './lexicon.js';
import { compile, indexOf, termOf, type CompiledProfile } from './compiled.js';
import { CLASS_WEIGHT, listingProfile, type Listing, type ListingProfile } from './profile.js';

export interface SimilarityDeps {
  segmenter: Segmenter;
  /** Synonym table for folding words; defaults to the search table plus the duplicate groups; null turns folding off. */
  synonyms?: SynonymTable | null;
  /** Document frequencies of the corpus the listings come from; without it the prior alone gives IDF. */
  df?: DocumentFrequencies;
}

export const SIGNAL_WEIGHTS = { words: 0.6, title: 0.3, bigrams: 0.1 } as const;

/**
 * Default cut-off for "near duplicate". Reworded descriptions of one need share only part of
 * their words: on the hand-written pairs (pairs.fixture.ts) paraphrases score 0.37–0.66 and
 * needs that share technique, place or population but ask for different things 0.06–0.35,
 * without corpus frequencies and with demo corpora of 100–3,000 needs. 0.36 sits in that
 * gap, nearer the different pairs: a warning the submitter can dismiss costs less than a
 * duplicate that slips through. Lightly edited copies score above 0.8, identical text 1.
 * The margins are small (0.01–0.02 each side), so a score near the cut-off means "worth a
 * look", not a verdict.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.36;

export interface SimilarityDetail {
  similarity: number;
  words: number;
  title: number;
  bigrams: number;
  /** Shared meaningful terms (no boilerplate or word fragments), as the first listing wrote them, strongest first. */
  sharedTerms: string[];
}

/** The frequencies used when no corpus is given: shared, so it refuses documents. */
class NoCorpus extends DocumentFrequencies {
  override add(): void {
    throw new Error('No corpus: pass your own DocumentFrequencies to add documents');
  }
  override remove(): void {
    throw new Error('No corpus: pass your own DocumentFrequencies to remove documents');
  }
}
const NO_CORPUS: DocumentFrequencies = new NoCorpus();

/**
 * Partial credit, from a's side, for a's terms that b lacks but b has a weakly related
 * term for (清点 ~ 盘点): a_t · b_u · weight for the best such u.
 */
function softDot(a: CompiledProfile, b: CompiledProfile): number {
  let dot = 0;
  let k = 0;
  const n = a.softT.length;
  while (k < n) {
    const t = a.softT[k]!;
    let best = 0;
    for (; k < n && a.softT[k] === t; k++) {
      const u = a.softU[k]!;
      if (indexOf(a.ids, u) >= 0) continue;
      const j = indexOf(b.ids, u);
      if (j >= 0) best = Math.max(best, a.softS[k]! * b.w[j]!);
    }
    if (best > 0 && indexOf(b.ids, t) < 0) dot += a.w[indexOf(a.ids, t)]! * best;
  }
  return dot;
}

/** Share of a title's weight (class × idf) whose terms occur anywhere in `other`. */
function coverage(a: CompiledProfile, other: CompiledProfile): number {
  if (a.titleTotal <= 0) return 0;
  const x = a.titleIds,
    y = other.ids;
  let i = 0,
    j = 0,
    found = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      found += a.titleW[i]!;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return found / a.titleTotal;
}

/** Overlap of two sorted bigram code arrays: containment and Dice, averaged. */
function bigramOverlap(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0,
    j = 0,
    common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!,
      y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const containment = common / Math.min(a.length, b.length);
  const dice = (2 * common) / (a.length + b.length);
  return (containment + dice) / 2;
}

function sharedOfIdentical(a: ListingProfile, max: number): string[] {
  return [...a.terms]
    .filter(([t]) => (a.classes.get(t) ?? 0) >= CLASS_WEIGHT.technique)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, max)
    .map(([t]) => a.surface.get(t) ?? t);
}

/** Resolves the defaults once, so callers comparing many pairs do not repeat it. */
export function resolveDeps(deps: SimilarityDeps): Required<SimilarityDeps> {
  return {
    segmenter: deps.segmenter,
    synonyms: deps.synonyms === undefined ? defaultDuplicateSynonyms() : deps.synonyms,
    df: deps.df ?? NO_CORPUS,
  };
}

/** Similarity of two precomputed profiles, with its parts and the shared terms (none collected when maxSharedTerms is 0). */
export function compareProfiles(
  a: ListingProfile,
  b: ListingProfile,
  df: DocumentFrequencies = NO_CORPUS,
  maxSharedTerms = 8,
): SimilarityDetail {
  // The same text, however vague, is a duplicate.
  if (a.key === b.key) return { similarity: 1, words: 1, title: 1, bigrams: 1, sharedTerms: sharedOfIdentical(a, maxSharedTerms) };
  const ca = compile(a, df),
    cb = compile(b, df);
  const shared: Array<[number, number]> = [];
  let dot = 0;
  for (let i = 0, j = 0; i < ca.ids.length && j < cb.ids.length;) {
    const x = ca.ids[i]!,
      y = cb.ids[j]!;
    if (x < y) {
      i++;
      continue;
    }
    if (x > y) {
      j++;
      continue;
    }
    const v = ca.w[i]! * cb.w[j]!;
    dot += v;
    if (maxSharedTerms > 0 && ca.cls[i]! >= CLASS_WEIGHT.technique) shared.push([x, v]);
    i++;
    j++;
  }
  // Weak relations in either direction (one-way expansions are not symmetric), averaged.
  dot += (softDot(ca, cb) + softDot(cb, ca)) / 2;
  const words = ca.norm > 0 && cb.norm > 0 ? Math.min(1, dot / (ca.norm * cb.norm)) : 0;

  // An empty title on either side gives no title evidence; its weight goes to the words.
  const hasTitles = a.titleTerms.size > 0 && b.titleTerms.size > 0;
  const title = hasTitles ? (coverage(ca, cb) + coverage(cb, ca)) / 2 : 0;
  const bigrams = bigramOverlap(a.bigrams, b.bigrams);
  const wWords = SIGNAL_WEIGHTS.words + (hasTitles ? 0 : SIGNAL_WEIGHTS.title);
  const similarity = Math.min(1, Math.max(0, wWords * words + SIGNAL_WEIGHTS.title * title + SIGNAL_WEIGHTS.bigrams * bigrams));

  shared.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const sharedTerms = shared.slice(0, maxSharedTerms).map(([id]) => {
    const t = termOf(id);
    return a.surface.get(t) ?? t;
  });
  return { similarity, words, title, bigrams, sharedTerms };
}

/** Near-duplicate similarity of two listings ({ title, text }), in [0, 1]. */
export function nearDuplicateSimilarity(a: Listing, b: Listing, deps: SimilarityDeps): number {
  return nearDuplicateDetail(a, b, deps).similarity;
}

/** The same with the signals and shared terms. */
export function nearDuplicateDetail(a: Listing, b: Listing, deps: SimilarityDeps): SimilarityDetail {
  const d = resolveDeps(deps);
  return compareProfiles(listingProfile(a, d), listingProfile(b, d), d.df);
}
