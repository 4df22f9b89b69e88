/**
 * A listing's profile for near-duplicate comparison: its words mapped to synonym
 * representatives, each with a class weight (what kind of word it is) and a term frequency,
 * separately for the title and for the whole listing, plus its content character bigrams.
 * Profiles are computed once per listing (segmentation is the expensive part) and compared
 * many times; IDF is applied at comparison time so the corpus can change in between.
 */
import { hasHan, isPunctuation, normalizeText } from '../normalize.js';
import { charBigrams, latinTokens, type Segmenter } from '../segment.js';
import { isStopWord } from '../stopwords.js';
import type { SynonymTable } from '../synonyms.js';
import { canonicalizerFor } from './canonical.js';
import { defaultDuplicateSynonyms, GENERIC_WORDS, SETTING_WORDS, TASK_WORDS, TECHNIQUE_WORDS } from './lexicon.js';

export interface Listing {
  title: string;
  text: string;
}

/** How much a word can say about *which* need a listing is (multiplied with its IDF). */
export const CLASS_WEIGHT = {
  /** 建设, 平台, 提升: boilerplate. */
  generic: 0.1,
  /** 机器视觉, 检测, 视频: shared by many different needs. */
  technique: 0.5,
  /** 95%, 2025年: specific but rarely repeated by someone rewording the same need. */
  number: 0.3,
  /** 老年人, 社区, 学校: who and where, shared by one department's different needs. */
  setting: 0.6,
  /** One Han character: often a fragment jieba left (钢, 药 are real, 小, 高 are not). */
  single: 0.4,
  /** Everything else: objects, problems, places (钢材, 跌倒, 柑橘). */
  content: 1,
} as const;

/** Parts of a longer word (机器视觉 → 视觉) count this share of the whole word's class (jieba's search-mode parts include junk such as 像头 in 摄像头). */
export const PART_FACTOR = 0.3;

/** Title words count this many times over the text's, as in the search engine's title boost. */
export const TITLE_TF = 2;

export interface ListingProfile {
  /** Normalised title and text, white space collapsed: equal keys mean the same text. */
  key: string;
  /** Canonical term → class weight × (1 + ln tf) over title and text. */
  terms: Map<string, number>;
  /** The same for the title alone. */
  titleTerms: Map<string, number>;
  /** Canonical term → its class weight here (the strongest occurrence's). */
  classes: Map<string, number>;
  /** Canonical term → the word the listing itself used (for reasons shown to people). */
  surface: Map<string, string>;
  /** Weakly related canonical terms (term, related term, relation weight), for partial matches. */
  soft: Array<readonly [term: string, related: string, weight: number]>;
  /** Distinct Han character bigrams not inside a generic word, as codes (c1 << 16 | c2, may be negative), ascending. */
  bigrams: Int32Array;
}

export interface ProfileDeps {
  segmenter: Segmenter;
  /** Synonym table for canonical words (default: the search table plus the duplicate groups); null turns folding off. */
  synonyms?: SynonymTable | null;
}

export function wordClassWeight(word: string): number {
  if (GENERIC_WORDS.has(word)) return CLASS_WEIGHT.generic;
  if (TASK_WORDS.has(word) || TECHNIQUE_WORDS.has(word)) return CLASS_WEIGHT.technique;
  if (SETTING_WORDS.has(word)) return CLASS_WEIGHT.setting;
  if (!hasHan(word)) return /\d/.test(word) ? CLASS_WEIGHT.number : CLASS_WEIGHT.technique;
  if (word.length === 1) return CLASS_WEIGHT.single;
  return CLASS_WEIGHT.content;
}

/**
 * Class of a whole word given its search-mode parts: a compound that can be spelt out
 * entirely with weaker words is as weak as the strongest of them (智慧管理 = 智慧 + 管理 is
 * boilerplate, 数据采集 a task, 智慧城市 a setting), so the word lists need not list every
 * combination, except that a setting with a task or technique names a concrete topic
 * (校园安全, 社区养老) and stays content. Junk parts (用场 in 应用场景) are ignored because
 * the word must be covered end to end.
 */
export function compoundClassWeight(word: string, parts: readonly string[]): number {
  const own = wordClassWeight(word);
  if (own !== CLASS_WEIGHT.content || parts.length === 0) return own;
  const weak = parts.map((p) => [p, wordClassWeight(p)] as const).filter(([, c]) => c < CLASS_WEIGHT.content);
  if (weak.length === 0) return own;
  // best[i]: the strongest class needed to spell word[0, i) with weak parts (-1: impossible);
  // via[i]: the classes used on that spelling.
  const best = new Array<number>(word.length + 1).fill(-1);
  const via: Array<Set<number>> = Array.from({ length: word.length + 1 }, () => new Set());
  best[0] = 0;
  for (let i = 0; i < word.length; i++) {
    if (best[i]! < 0) continue;
    for (const [p, c] of weak) {
      if (!word.startsWith(p, i)) continue;
      const j = i + p.length;
      const v = Math.max(best[i]!, c);
      if (best[j]! < 0 || v < best[j]!) {
        best[j] = v;
        via[j] = new Set([...via[i]!, c]);
      }
    }
  }
  const n = word.length;
  if (best[n]! < 0) return own;
  if (via[n]!.has(CLASS_WEIGHT.setting) && via[n]!.has(CLASS_WEIGHT.technique)) return own;
  return best[n]!;
}

/** A word occurrence with the class weight it carries here. */
type Weighted = readonly [word: string, weight: number];

function weigh(
  words: readonly Weighted[],
  times: number,
  canon: (w: string) => string,
  tf: Map<string, number>,
  cls: Map<string, number>,
  surface: Map<string, string>,
): void {
  for (const [word, weight] of words) {
    const c = canon(word);
    tf.set(c, (tf.get(c) ?? 0) + times);
    // A canonical term takes the strongest weight any of its occurrences has here:
    // 占道经营 and 占道 share a representative, and the whole word outranks the fragment.
    const prev = cls.get(c);
    if (prev === undefined || weight > prev) surface.set(c, word);
    cls.set(c, Math.max(prev ?? 0, weight));
  }
}

function finish(tf: Map<string, number>, cls: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, n] of tf) out.set(t, cls.get(t)! * (1 + Math.log(n)));
  return out;
}

const genericBigrams = new Set<string>();
for (const g of GENERIC_WORDS) for (const b of charBigrams(g)) if (b.length === 2) genericBigrams.add(b);

/** Parts of a word as jieba's search mode gives them (摄像头 → 摄像, 像头), cached per segmenter. */
const partsCache = new WeakMap<Segmenter, Map<string, string[]>>();
export function partsOf(segmenter: Segmenter, word: string): string[] {
  if (word.length < 3) return [];
  let cache = partsCache.get(segmenter);
  if (!cache) {
    cache = new Map();
    partsCache.set(segmenter, cache);
  }
  let parts = cache.get(word);
  if (!parts) {
    parts = [...new Set(segmenter.words(word))].filter((p) => p !== word && hasHan(p));
    cache.set(word, parts);
  }
  return parts;
}

/**
 * Weighted words of normalised text. Whole words come from jieba's plain cut. Their parts
 * (机器视觉 → 机器, 视觉) still count, so a rewording that uses only the part matches, but
 * at PART_FACTOR of the weight and never above the whole word's class: 摄像头 is a technique
 * word, so its fragments 摄像 and 像头 must not count as content. Dictionary terms that the cut crossed
 * and Latin/number tokens are added as the segmenter does for search.
 */
export function weightedWords(segmenter: Segmenter, norm: string): Weighted[] {
  const out: Weighted[] = [];
  const seen = new Set<string>();
  for (const w of segmenter.jieba.cut(norm, true)) {
    if (!hasHan(w) || isStopWord(w) || isPunctuation(w)) continue;
    const parts = partsOf(segmenter, w).filter((p) => !isStopWord(p));
    const cw = compoundClassWeight(w, parts);
    out.push([w, cw]);
    seen.add(w);
    for (const p of parts) {
      out.push([p, Math.min(cw, wordClassWeight(p)) * PART_FACTOR]);
      seen.add(p);
    }
  }
  for (const t of segmenter.scanTermsIn(norm)) if (!seen.has(t)) out.push([t, compoundClassWeight(t, partsOf(segmenter, t))]);
  if (/[a-z0-9]/.test(norm)) for (const t of latinTokens(norm)) out.push([t, wordClassWeight(t)]);
  return out;
}

export function listingProfile(listing: Listing, deps: ProfileDeps): ListingProfile {
  const c = canonicalizerFor(deps.synonyms === undefined ? defaultDuplicateSynonyms() : deps.synonyms);
  const canon = (w: string) => c.canon(w);
  const title = normalizeText(listing.title ?? '');
  const text = normalizeText(listing.text ?? '');
  const titleWords = weightedWords(deps.segmenter, title);
  const textWords = weightedWords(deps.segmenter, text);

  const surface = new Map<string, string>();
  const tf = new Map<string, number>();
  const cls = new Map<string, number>();
  weigh(titleWords, TITLE_TF, canon, tf, cls, surface);
  weigh(textWords, 1, canon, tf, cls, surface);
  const ttf = new Map<string, number>();
  const tcls = new Map<string, number>();
  weigh(titleWords, 1, canon, ttf, tcls, new Map());

  const softBest = new Map<string, number>();
  for (const [word, weight] of [...titleWords, ...textWords]) {
    if (weight < CLASS_WEIGHT.technique * PART_FACTOR) continue; // fragments and boilerplate need no partners
    const rep = c.canon(word);
    for (const [n, w] of c.softNeighbours(word)) {
      const k = `${rep}\u0000${n}`;
      if ((softBest.get(k) ?? 0) < w) softBest.set(k, w);
    }
  }
  const soft = [...softBest].map(([k, w]) => {
    const [t, u] = k.split('\u0000') as [string, string];
    return [t, u, w] as const;
  });

  const codes = new Set<number>();
  for (const b of charBigrams(`${title}。${text}`)) {
    if (b.length === 2 && !genericBigrams.has(b)) codes.add((b.charCodeAt(0) << 16) | b.charCodeAt(1));
  }
  const bigrams = Int32Array.from(codes).sort();
  const key = `${title.replace(/\s+/g, ' ').trim()}\u0001${text.replace(/\s+/g, ' ').trim()}`;
  return { key, terms: finish(tf, cls), titleTerms: finish(ttf, tcls), classes: cls, surface, soft, bigrams };
}
