/**
 * A listing's key terms: the words that say what it is about, weighted tf × idf. They are the
 * matching query and the "shared key terms" a user reads, so numbers, fragments and function
 * words are never among them (issue 12: a bare 4 and 厂里 were shown as shared key terms).
 */
import type { SearchEngine } from '../engine.js';
import { hasHan } from '../normalize.js';
import type { Segmenter } from '../segment.js';
import { isStopWord } from '../stopwords.js';

export interface KeyTerm {
  term: string;
  weight: number;
}

export const KEY_TERMS = 24;

/** Latin measurement units: 0.1mm, 220kv, 60fps are quantities, not topics (5g, 4k, 3d are kept). */
const LATIN_UNITS = new Set(
  'mm cm km m nm um μm kg mg t kw kwh mw mwh gw w v kv ma mah hz khz mhz ghz s ms h min db fps dpi ppm pa kpa mpa l ml'.split(' '),
);
const NUMERALS = '零〇一二两三四五六七八九十百千万亿';
const NUMERAL_WORD = new RegExp(`^[${NUMERALS}]+[多余几]?[\\u3400-\\u9fff]?$`);

/** 4, 0.1mm, 4条, 2025年, 20亿, 30%, 两千, 二十多, 五年: a number, with at most a unit after it. */
export function isNumberLike(term: string): boolean {
  const m = /^\d[\d.,]*/.exec(term);
  if (!m) return NUMERAL_WORD.test(term) && term.length >= 2 && NUMERALS.includes(term[0]!);
  const rest = term.slice(m[0].length);
  return rest === '' || rest === '%' || LATIN_UNITS.has(rest) || (hasHan(rest) && rest.length <= 2);
}

/**
 * Jieba's dictionary tags of function words: pronouns, prepositions, conjunctions, particles,
 * modal and interjection words, onomatopoeia, locatives, numerals and time words. Only a word
 * the dictionary knows whole is judged by its tag.
 */
const FUNCTION_TAGS = new Set(['r', 'rr', 'rz', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'y', 'e', 'o', 'f', 'm', 't']);

/** Locative suffix after a single character: 厂里, 家里, 村里 say where, not what. */
const LOCATIVE_SUFFIX = '里';

export function isFunctionWord(segmenter: Segmenter, term: string): boolean {
  if (isStopWord(term)) return true;
  if (!hasHan(term)) return false;
  const tagged = segmenter.jieba.tag(term, false);
  return tagged.length === 1 && FUNCTION_TAGS.has(tagged[0]!.tag);
}

/** Measure words: after a number they belong to it (4条产线 is 4条 + 产线), never to the next word. */
const MEASURE_CHARS = new Set('个条台套家项件次座张户辆名所位只批块根片间层栋亩吨元万亿');

/**
 * A piece of text rather than a word: a single character plus a locative (厂里), or a word no
 * dictionary knows (jieba's guess at an unknown word) that starts or ends with a measure word or
 * a function character (条产线 from 4条产线): the guess was cut across a word boundary.
 */
export function isFragment(segmenter: Segmenter, term: string): boolean {
  if (!hasHan(term)) return false;
  if (term.length === 2 && term.endsWith(LOCATIVE_SUFFIX)) return true;
  if (segmenter.addedTerms.has(term) || segmenter.jieba.cut(term, false).length <= 1) return false;
  const stray = (c: string) => MEASURE_CHARS.has(c) || isStopWord(c);
  return stray(term[0]!) || stray(term[term.length - 1]!);
}

/**
 * Decisions per segmenter (its dictionary decides them): each needs two dictionary look-ups,
 * and the same words come back in listing after listing. Bounded: cleared when it grows large.
 */
const decided = new WeakMap<Segmenter, { terms: number; map: Map<string, boolean> }>();
const DECIDED_MAX = 200_000;

/** Whether a word can be a key term: long enough, and not a number, a fragment or a function word. */
export function isKeyTermCandidate(segmenter: Segmenter, term: string): boolean {
  let entry = decided.get(segmenter);
  // Terms added to the dictionary since can turn a fragment into a word: start again.
  if (!entry || entry.terms !== segmenter.addedTerms.size)
    decided.set(segmenter, (entry = { terms: segmenter.addedTerms.size, map: new Map() }));
  const cache = entry.map;
  let ok = cache.get(term);
  if (ok === undefined) {
    if (cache.size >= DECIDED_MAX) cache.clear();
    ok = decide(segmenter, term);
    cache.set(term, ok);
  }
  return ok;
}

function decide(segmenter: Segmenter, term: string): boolean {
  if (term.length < 2) return false;
  if (isNumberLike(term)) return false;
  if (!hasHan(term)) return /[a-z]/.test(term) && !LATIN_UNITS.has(term);
  return !isFunctionWord(segmenter, term) && !isFragment(segmenter, term);
}

/** The source's most telling words: tf × idf over title (twice) and text. */
export function keyTerms<F>(engine: SearchEngine<F>, title: string, text: string, n = KEY_TERMS): KeyTerm[] {
  const tf = new Map<string, number>();
  const add = (words: string[], w: number) => {
    for (const t of words) tf.set(t, (tf.get(t) ?? 0) + w);
  };
  add(engine.segmenter.words(title), 2);
  add(engine.segmenter.words(text), 1);
  const weighted: KeyTerm[] = [];
  for (const [term, f] of tf) {
    const idf = engine.idfOf(term);
    if (idf > 0) weighted.push({ term, weight: Math.log1p(f) * idf });
  }
  weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  // Heaviest first, so the dictionary look-ups stop once n terms are kept.
  const out: KeyTerm[] = [];
  for (const k of weighted) {
    if (out.length >= n) break;
    if (isKeyTermCandidate(engine.segmenter, k.term)) out.push(k);
  }
  return out;
}
