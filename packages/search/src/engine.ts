/**
 * In-memory inverted index with BM25F ranking for Chinese listings and policy text.
 *
 * - Two channels of terms. Words: jieba search-mode words with the domain dictionary,
 *   dictionary terms found across jieba's cut, Latin and number tokens; scored with BM25F
 *   over a title field (boosted) and a text field. Characters: every Han character and
 *   every pair of adjacent ones. Bigrams (weight 0.3) let a misspelt or unsegmented word
 *   still match partially. Single characters weigh like words: everyday Chinese says with
 *   one character what documents say with a compound (收 → 回收, 猪场 → 生猪, 菜 → 蔬菜), and
 *   a word-only index cannot see that. A document that shares only single characters with
 *   the query is a hit unless the caller asks for bigram coverage (`minBigramCoverage`).
 * - Queries are expanded with the synonym table (expansions carry weights below 1).
 * - Postings are typed arrays (doc numbers ascending, term frequencies saturating at 255),
 *   accumulators are a Float64Array, and the top k come from a heap.
 *
 * Defaults are the usual a-priori BM25 values (k1 = 1.2, b = 0.75) with a title boost of 2,
 * a bigram weight of 0.3 and a character weight of 1 (CHAR_WEIGHT, characters in over a
 * quarter of the documents skipped). They are round values compared on our own dev set
 * (dev-eval/), not fitted to evaluation data.
 */
import { TopK } from './heap.js';
import { isHanCode, normalizeText } from './normalize.js';
import { defaultSegmenter, latinTokens, type Segmenter } from './segment.js';
import { defaultSynonyms, type SynonymTable } from './synonyms.js';

export interface SearchDocument<F = Record<string, unknown>> {
  id: string;
  title?: string;
  text?: string;
  /** Carried along and returned with hits; usable in filters. */
  fields?: F;
}

export interface EngineOptions {
  k1?: number;
  b?: number;
  /** Weight of the title field relative to the text in BM25F. */
  titleBoost?: number;
  /**
   * Weight of character bigrams relative to words; 0 turns the character channel off (bigrams
   * and single characters, and saves memory).
   */
  bigramWeight?: number;
  segmenter?: Segmenter;
  /** Synonym table for query expansion; `null` turns expansion off. */
  synonyms?: SynonymTable | null;
}

export interface SearchOptions<F> extends MatchOptions {
  limit?: number;
  /** `doc` is the internal document number, for callers that keep per-document data in arrays. */
  filter?: (doc: { id: string; fields: F | undefined; doc: number }) => boolean;
  /** Called once for every hit that passes the filter, before top-k (for facet counts). */
  collect?: (hit: { id: string; score: number; fields: F | undefined }) => void;
}

/** What decides the hit set of a query (see `SearchEngine.matches`). */
export interface MatchOptions {
  /** Expand the query with synonyms (default true when the engine has a table). */
  expand?: boolean;
  /** Use the character channel, bigrams and single characters (default true when it is indexed). */
  nearMiss?: boolean;
  /**
   * A document matched only through the character channel counts as a hit when it holds at
   * least this share of the query's bigrams (default 0: any shared bigram or character). Word
   * or synonym matches always count.
   */
  minBigramCoverage?: number;
  /**
   * Hits scoring under this share of the best hit's score are dropped (default 0: none). Makes
   * a hit set for facet counts out of what actually answers the query.
   */
  minRelativeScore?: number;
  /**
   * Only documents that match a query word or synonym are hits, unless none does: then the
   * near-miss (character) matches are used, so a typo still finds something.
   */
  preferWordMatches?: boolean;
}

/** The hits of a query, unordered (see `SearchEngine.matches`). */
export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
  count: number;
  /** The query's word, synonym and bigram terms with their postings. */
  used: ReadonlyArray<{ q: QueryTerm; p: unknown }>;
}

export type TermSource = 'query' | 'synonym' | 'bigram';

export interface QueryTerm {
  term: string;
  weight: number;
  source: TermSource;
  /** For synonyms: the query phrase that brought the term in. */
  from?: string;
}

export interface SearchHit<F> {
  id: string;
  score: number;
  fields: F | undefined;
  /** Query words found in the document (for highlighting). */
  matchedTerms: string[];
  /** Synonym expansions found in the document, with the query phrase each came from. */
  matchedSynonyms: Array<{ term: string; from: string }>;
  /** Character bigrams of the query found in the document. */
  matchedBigrams: number;
}

const TF_MAX = 255;
/** Weight of single Han characters in the character channel, relative to words. */
export const CHAR_WEIGHT = 1;
/**
 * Characters in more than this share of the documents are not looked up: their idf is
 * below ln 4 (against 5–10 for a rare one), so they barely move a score, and their postings
 * are the longest to walk.
 */
const CHAR_MAX_DF_SHARE = 0.25;
const HAN_LO = 0x3400;
const HAN_SPAN = 0xfb00 - HAN_LO;

/**
 * Calls fn(c1, c2) for each pair of adjacent Han characters (UTF-16 code units, BMP) of
 * normalised text, without building strings.
 */
function forEachBigram(norm: string, fn: (c1: number, c2: number) => void): void {
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (!isHanCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isHanCode(norm.charCodeAt(j))) j++;
    for (let k = i; k + 1 < j; k++) fn(norm.charCodeAt(k), norm.charCodeAt(k + 1));
    i = j;
  }
}

/** Postings of one term: doc numbers ascending with saturating term frequencies. */
class Postings {
  docs: Int32Array;
  tfA: Uint8Array;
  tfB: Uint8Array | null;
  n = 0;
  /** The document being added, while its tokens are counted into the last slot. */
  last = -1;
  constructor(twoFields: boolean) {
    this.docs = new Int32Array(2);
    this.tfA = new Uint8Array(2);
    this.tfB = twoFields ? new Uint8Array(2) : null;
  }
  push(doc: number, a: number, b: number): void {
    if (this.n === this.docs.length) {
      const cap = this.n * 2;
      const d = new Int32Array(cap);
      d.set(this.docs);
      this.docs = d;
      const x = new Uint8Array(cap);
      x.set(this.tfA);
      this.tfA = x;
      if (this.tfB) {
        const y = new Uint8Array(cap);
        y.set(this.tfB);
        this.tfB = y;
      }
    }
    this.docs[this.n] = doc;
    this.tfA[this.n] = a > TF_MAX ? TF_MAX : a;
    if (this.tfB) this.tfB[this.n] = b > TF_MAX ? TF_MAX : b;
    this.n++;
  }
  /** Counts `times` occurrences (default 1) for doc `doc` (which must be ≥ every doc already present) in field A or B. */
  count(doc: number, fieldB: boolean, times = 1): void {
    if (this.last !== doc) {
      this.push(doc, fieldB ? 0 : times, fieldB ? times : 0);
      this.last = doc;
      return;
    }
    const i = this.n - 1;
    if (fieldB) this.tfB![i] = Math.min(TF_MAX, this.tfB![i]! + times);
    else this.tfA[i] = Math.min(TF_MAX, this.tfA[i]! + times);
  }
  trim(): void {
    if (this.docs.length === this.n) return;
    this.docs = this.docs.slice(0, this.n);
    this.tfA = this.tfA.slice(0, this.n);
    if (this.tfB) this.tfB = this.tfB.slice(0, this.n);
  }
  has(doc: number): boolean {
    let lo = 0,
      hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.docs[mid]!;
      if (v === doc) return true;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

class GrowF32 {
  a = new Float32Array(16);
  set(i: number, v: number) {
    if (i >= this.a.length) {
      const x = new Float32Array(Math.max(i + 1, this.a.length * 2));
      x.set(this.a);
      this.a = x;
    }
    this.a[i] = v;
  }
}

export class SearchEngine<F = Record<string, unknown>> {
  readonly k1: number;
  readonly b: number;
  readonly titleBoost: number;
  readonly bigramWeight: number;
  readonly segmenter: Segmenter;
  readonly synonyms: SynonymTable | null;

  private readonly words = new Map<string, Postings>();
  /** Bigram postings keyed by code units: bigrams[c1 - HAN_LO].get(c2). */
  private readonly bigrams: Array<Map<number, Postings> | undefined> = new Array(HAN_SPAN);
  /** Single-character postings: chars[c - HAN_LO]. */
  private readonly chars: Array<Postings | undefined> = new Array(HAN_SPAN);
  private ids: string[] = [];
  private fields: Array<F | undefined> = [];
  private alive = new Uint8Array(16);
  private readonly byId = new Map<string, number>();
  private readonly lenT = new GrowF32();
  private readonly lenB = new GrowF32();
  private readonly lenG = new GrowF32();
  private sumT = 0;
  private sumB = 0;
  private sumG = 0;
  private live = 0;
  private dead = 0;
  // Per-document BM25 length normalisers, recomputed when documents change.
  /** Title and text normalisers side by side (nTB[2d], nTB[2d + 1]): one cache line per posting. */
  private nTB = new Float32Array(0);
  private nG = new Float32Array(0);
  private dirty = true;
  private acc = new Float64Array(0);
  /** Per document during a search: word/synonym terms matched (high 16 bits) and bigrams (low). */
  private hitCount = new Uint32Array(0);
  /** Documents touched by the current search, then its hits (see `matches`). */
  private touched = new Int32Array(0);
  private hitScores = new Float64Array(0);
  /** Word-matched documents during a word-first search, one bit each. */
  private bits = new Int32Array(0);

  constructor(opts: EngineOptions = {}) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.titleBoost = opts.titleBoost ?? 2;
    this.bigramWeight = opts.bigramWeight ?? 0.3;
    this.segmenter = opts.segmenter ?? defaultSegmenter();
    this.synonyms = opts.synonyms === undefined ? defaultSynonyms() : opts.synonyms;
  }

  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * How many internal document numbers have been given out. Numbers are never reused: a
   * document added again gets a new one, so the fields behind a number never change.
   */
  get slots(): number {
    return this.ids.length;
  }

  add(doc: SearchDocument<F>): void {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    const d = this.ids.length;
    this.ids.push(doc.id);
    this.fields.push(doc.fields);
    this.byId.set(doc.id, d);
    if (d >= this.alive.length) {
      const x = new Uint8Array(this.alive.length * 2);
      x.set(this.alive);
      this.alive = x;
    }
    this.alive[d] = 1;

    const title = normalizeText(doc.title ?? '');
    const text = normalizeText(doc.text ?? '');
    const tt = this.segmenter.tokensOfNormalized(title, false);
    const tb = this.segmenter.tokensOfNormalized(text, false);
    for (const t of tt.words) this.postings(this.words, t, true).count(d, false);
    for (const t of tb.words) this.postings(this.words, t, true).count(d, true);
    this.lenT.set(d, tt.words.length);
    this.lenB.set(d, tb.words.length);
    this.sumT += tt.words.length;
    this.sumB += tb.words.length;

    if (this.bigramWeight > 0) {
      // One character field: title characters and bigrams count twice.
      const lg = this.indexBigrams(title, d, 2) + this.indexBigrams(text, d, 1);
      this.lenG.set(d, lg);
      this.sumG += lg;
    }
    this.live++;
    this.dirty = true;
  }

  addAll(docs: Iterable<SearchDocument<F>>): void {
    for (const d of docs) this.add(d);
    this.optimize();
  }

  /** Removes a document; its postings are skipped until `compact()` rebuilds them. */
  remove(id: string): boolean {
    const d = this.byId.get(id);
    if (d === undefined) return false;
    this.byId.delete(id);
    this.alive[d] = 0;
    this.sumT -= this.lenT.a[d]!;
    this.sumB -= this.lenB.a[d]!;
    this.sumG -= this.lenG.a[d] ?? 0;
    this.live--;
    this.dead++;
    this.dirty = true;
    if (this.dead > 1000 && this.dead > this.live / 4) this.compact();
    return true;
  }

  /** Drops removed documents from the postings (document frequencies become exact again). */
  compact(): void {
    const squeeze = (p: Postings) => {
      let j = 0;
      for (let i = 0; i < p.n; i++) {
        const d = p.docs[i]!;
        if (!this.alive[d]) continue;
        p.docs[j] = d;
        p.tfA[j] = p.tfA[i]!;
        if (p.tfB) p.tfB[j] = p.tfB[i]!;
        j++;
      }
      p.n = j;
      p.trim();
      return j;
    };
    for (const [term, p] of this.words) if (squeeze(p) === 0) this.words.delete(term);
    for (const [drop, p] of this.allBigramPostings()) if (squeeze(p) === 0) drop();
    this.dead = 0;
  }

  /** Trims posting arrays to their length after a bulk load. */
  optimize(): void {
    for (const p of this.words.values()) p.trim();
    for (const [, p] of this.allBigramPostings()) p.trim();
    this.refresh();
  }

  /** Counts the characters and bigrams of `norm` for doc `d`, each `times` times; returns how many were counted. */
  private indexBigrams(norm: string, d: number, times: number): number {
    const n = norm.length;
    let counted = 0;
    let i = 0;
    while (i < n) {
      const c = norm.charCodeAt(i);
      if (!isHanCode(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isHanCode(norm.charCodeAt(j))) j++;
      for (let k = i; k < j; k++) {
        const ci = norm.charCodeAt(k) - HAN_LO;
        let p = this.chars[ci];
        if (!p) {
          p = new Postings(false);
          this.chars[ci] = p;
        }
        p.count(d, false, times);
        counted += times;
      }
      for (let k = i; k + 1 < j; k++) {
        this.bigramPostings(norm.charCodeAt(k), norm.charCodeAt(k + 1), true)!.count(d, false, times);
        counted += times;
      }
      i = j;
    }
    return counted;
  }

  private bigramPostings(c1: number, c2: number, create: boolean): Postings | undefined {
    const i = c1 - HAN_LO;
    if (c2 === 0) return this.chars[i];
    let m = this.bigrams[i];
    if (!m) {
      if (!create) return undefined;
      m = new Map();
      this.bigrams[i] = m;
    }
    let p = m.get(c2);
    if (!p && create) {
      p = new Postings(false);
      m.set(c2, p);
    }
    return p;
  }

  /** Every posting list of the character channel, with a function that drops it from the index. */
  private *allBigramPostings(): Generator<[() => void, Postings]> {
    for (const m of this.bigrams) if (m) for (const [k, p] of m) yield [() => m.delete(k), p];
    for (let i = 0; i < this.chars.length; i++) {
      const p = this.chars[i];
      if (p)
        yield [
          () => {
            this.chars[i] = undefined;
          },
          p,
        ];
    }
  }

  private postings(map: Map<string, Postings>, term: string, twoFields: boolean): Postings {
    let p = map.get(term);
    if (!p) {
      p = new Postings(twoFields);
      map.set(term, p);
    }
    return p;
  }

  private refresh(): void {
    if (!this.dirty) return;
    const n = this.ids.length;
    const { b } = this;
    const avgT = this.live ? this.sumT / this.live : 0;
    const avgB = this.live ? this.sumB / this.live : 0;
    const avgG = this.live ? this.sumG / this.live : 0;
    if (this.nG.length < n) {
      const cap = Math.max(n, this.nG.length * 2, 16);
      this.nTB = new Float32Array(2 * cap);
      this.nG = new Float32Array(cap);
      this.acc = new Float64Array(cap);
      this.hitCount = new Uint32Array(cap);
    }
    const lT = this.lenT.a,
      lB = this.lenB.a,
      lG = this.lenG.a;
    for (let d = 0; d < n; d++) {
      this.nTB[2 * d] = this.titleBoost / (1 - b + (avgT > 0 ? (b * lT[d]!) / avgT : 0));
      this.nTB[2 * d + 1] = 1 / (1 - b + (avgB > 0 ? (b * lB[d]!) / avgB : 0));
      this.nG[d] = 1 / (1 - b + (avgG > 0 ? (b * (lG[d] ?? 0)) / avgG : 0));
    }
    this.dirty = false;
  }

  /**
   * The weighted terms a query is scored with: its words, synonym expansions, and on the
   * character channel its bigrams and the characters of its words (stop words left out: 能不能
   * and 怎么 say how a need is asked, not what it is about). Character terms have source
   * 'bigram' and a one- or two-character term.
   */
  queryTerms(query: string, opts: { expand?: boolean; nearMiss?: boolean } = {}): QueryTerm[] {
    const norm = normalizeText(query);
    const toks = this.segmenter.tokensOfNormalized(norm, false);
    const out = new Map<string, QueryTerm>();
    for (const t of toks.words) if (!out.has(t)) out.set(t, { term: t, weight: 1, source: 'query' });
    if (this.synonyms && opts.expand !== false) {
      for (const e of this.synonyms.expand(norm, latinTokens(norm), toks.words)) {
        for (const t of this.segmenter.phraseTokens(e.term)) {
          const prev = out.get(t);
          if (!prev || (prev.source === 'synonym' && prev.weight < e.weight))
            out.set(t, { term: t, weight: e.weight, source: 'synonym', from: e.from });
        }
      }
    }
    const terms = [...out.values()];
    if (this.bigramWeight > 0 && opts.nearMiss !== false) {
      const seen = new Set<string>();
      forEachBigram(norm, (c1, c2) => {
        const g = String.fromCharCode(c1, c2);
        if (seen.has(g)) return;
        seen.add(g);
        terms.push({ term: g, weight: this.bigramWeight, source: 'bigram' });
      });
      for (const w of toks.words) {
        for (let i = 0; i < w.length; i++) {
          const c = w.charCodeAt(i);
          if (!isHanCode(c)) continue;
          const g = w[i]!;
          if (seen.has(g)) continue;
          seen.add(g);
          terms.push({ term: g, weight: CHAR_WEIGHT, source: 'bigram' });
        }
      }
    }
    return terms;
  }

  private idf(postings: number): number {
    // Postings still hold removed documents until compaction; more of them than live documents
    // would make the idf negative.
    const df = Math.min(postings, this.live);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /**
   * Every hit of a query after the cuts of `opts` (filter, limit and collect are not applied),
   * unordered: internal document numbers and scores. The arrays are the engine's own buffers,
   * valid until its next search; `count` of them are set. Read a hit's data with `idAt`/`fieldsAt`.
   */
  matches(query: string, opts: MatchOptions = {}): Matches {
    return this.run(query, opts);
  }

  private run(query: string, opts: MatchOptions) {
    this.refresh();
    const terms = this.queryTerms(query, opts);
    const used = this.usedTerms(terms);
    const hits = opts.preferWordMatches ? this.scoreWordsFirst(terms) : -1;
    if (hits >= 0) return { ...this.relativeCut(hits, opts.minRelativeScore ?? 0), used };
    return { ...this.cut(terms, this.score(terms), opts), used };
  }

  /** Keeps the hits (gathered with their scores) scoring at least `share` of the best. */
  private relativeCut(count: number, share: number): { docs: Int32Array; scores: Float64Array; count: number } {
    const docs = this.touched,
      scores = this.hitScores;
    if (share <= 0) return { docs, scores, count };
    let best = 0;
    for (let i = 0; i < count; i++) if (scores[i]! > best) best = scores[i]!;
    const cutoff = best * share;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (scores[i]! < cutoff) continue;
      docs[kept] = docs[i]!;
      scores[kept++] = scores[i]!;
    }
    return { docs, scores, count: kept };
  }

  search(query: string, opts: SearchOptions<F> = {}): SearchHit<F>[] {
    const limit = opts.limit ?? 10;
    if (this.live === 0 || limit <= 0) return [];
    const m = this.run(query, opts);
    const top = new TopK(limit);
    const { filter, collect } = opts;
    const { docs, scores } = m;
    for (let i = 0; i < m.count; i++) {
      const d = docs[i]!,
        s = scores[i]!;
      if (!collect && s <= top.threshold) continue;
      if (filter && !filter({ id: this.ids[d]!, fields: this.fields[d], doc: d })) continue;
      collect?.({ id: this.ids[d]!, score: s, fields: this.fields[d] });
      if (s > top.threshold) top.push(s, d);
    }
    return top.sorted().map(({ doc, score }) => ({ id: this.ids[doc]!, score, fields: this.fields[doc], ...this.matchedBy(m.used, doc) }));
  }

  /** Which of the query's terms a document holds (for highlighting). */
  private matchedBy(used: ReadonlyArray<{ q: QueryTerm; p: Postings }>, doc: number) {
    const matchedTerms: string[] = [];
    const matchedSynonyms: Array<{ term: string; from: string }> = [];
    let matchedBigrams = 0;
    for (const { q, p } of used) {
      if (!p.has(doc)) continue;
      if (q.source === 'query') matchedTerms.push(q.term);
      else if (q.source === 'synonym') matchedSynonyms.push({ term: q.term, from: q.from ?? '' });
      else matchedBigrams++;
    }
    return { matchedTerms, matchedSynonyms, matchedBigrams };
  }

  /** The postings of a query term, or undefined when it is not looked up (absent, or a too common character). */
  private postingsOf(q: QueryTerm): Postings | undefined {
    if (q.source !== 'bigram') return this.words.get(q.term);
    const single = q.term.length === 1;
    const p = this.bigramPostings(q.term.charCodeAt(0), single ? 0 : q.term.charCodeAt(1), false);
    return p && single && p.n > this.live * CHAR_MAX_DF_SHARE ? undefined : p;
  }

  /** Matched-term bookkeeping: every looked-up term but single characters. */
  private usedTerms(terms: QueryTerm[]): Array<{ q: QueryTerm; p: Postings }> {
    const used: Array<{ q: QueryTerm; p: Postings }> = [];
    for (const q of terms) {
      const p = this.postingsOf(q);
      if (p && p.n > 0 && !(q.source === 'bigram' && q.term.length === 1)) used.push({ q, p });
    }
    return used;
  }

  /** BM25F weight of one posting of a term whose query-side factor is c (word terms: two fields). */
  private termFactor(q: QueryTerm, p: Postings): number {
    return q.weight * this.idf(p.n) * (this.k1 + 1);
  }

  /**
   * Adds each term's BM25F part to the accumulators of the documents holding it, and counts
   * per document the word terms (high 16 bits of hitCount) and bigrams (low) it matched.
   */
  private score(terms: QueryTerm[]): number {
    const acc = this.acc;
    const hits = this.hitCount;
    const alive = this.alive;
    const touched = this.touchedBuffer();
    let count = 0;
    const k1 = this.k1;
    for (const q of terms) {
      const p = this.postingsOf(q);
      if (!p || p.n === 0) continue;
      // Single characters are not counted as matched bigrams (coverage and matchedBigrams).
      const hitStep = q.term.length === 1 && q.source === 'bigram' ? 0 : 1;
      const c = this.termFactor(q, p);
      const docs = p.docs,
        tfA = p.tfA;
      if (p.tfB) {
        const tfB = p.tfB,
          nTB = this.nTB;
        for (let i = 0; i < p.n; i++) {
          const d = docs[i]!;
          if (!alive[d]) continue;
          const x = tfA[i]! * nTB[2 * d]! + tfB[i]! * nTB[2 * d + 1]!;
          if (acc[d] === 0) touched[count++] = d;
          acc[d] = acc[d]! + (c * x) / (k1 + x);
          hits[d] = hits[d]! + 0x10000;
        }
      } else {
        const nG = this.nG;
        for (let i = 0; i < p.n; i++) {
          const d = docs[i]!;
          if (!alive[d]) continue;
          const x = tfA[i]! * nG[d]!;
          if (acc[d] === 0) touched[count++] = d;
          acc[d] = acc[d]! + (c * x) / (k1 + x);
          hits[d] = hits[d]! + hitStep;
        }
      }
    }
    return count;
  }

  /**
   * `score` for preferWordMatches, when some live document matches a word or synonym: then a
   * character-only match is dropped anyway, so character terms are added only to documents a
   * word matched (by a lookup per document when they are few against a term's postings), and
   * the only per-document bookkeeping is one bit: a document is a hit when a word set it.
   * Terms are added in the same order as in `score`, so scores are the same to the last bit.
   * Returns the number of hits, gathered in document order with their scores, or -1 (with the
   * accumulators untouched) when no word matched.
   */
  private scoreWordsFirst(terms: QueryTerm[]): number {
    const acc = this.acc;
    const alive = this.alive;
    const k1 = this.k1;
    let matched = false;
    let candidates: Int32Array | null = null;
    const bits = this.bitsBuffer();
    for (const q of terms) {
      const p = this.postingsOf(q);
      if (!p || p.n === 0) continue;
      const c = this.termFactor(q, p);
      const docs = p.docs,
        tfA = p.tfA,
        nG = this.nG;
      if (p.tfB) {
        const tfB = p.tfB,
          nTB = this.nTB;
        for (let i = 0; i < p.n; i++) {
          const d = docs[i]!;
          if (!alive[d]) continue;
          const x = tfA[i]! * nTB[2 * d]! + tfB[i]! * nTB[2 * d + 1]!;
          acc[d] = acc[d]! + (c * x) / (k1 + x);
          bits[d >>> 5] = bits[d >>> 5]! | (1 << (d & 31));
          matched = true;
        }
        continue;
      }
      if (!matched) return -1;
      // The word-matched documents are marked in a bit set (it stays in the first-level cache
      // where the accumulators do not); listed once, ascending, for lookups.
      candidates ??= this.gatherCandidates(bits);
      if (candidates.length * 8 < p.n) {
        // Galloping search of each candidate in the (much longer) postings.
        let lo = 0;
        for (let j = 0; j < candidates.length && lo < p.n; j++) {
          const d = candidates[j]!;
          let step = 1,
            hi = lo;
          while (hi < p.n && docs[hi]! < d) {
            lo = hi + 1;
            hi += step;
            step <<= 1;
          }
          if (hi >= p.n) hi = p.n - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (docs[mid]! < d) lo = mid + 1;
            else hi = mid;
          }
          if (lo >= p.n || docs[lo] !== d) continue;
          const x = tfA[lo]! * nG[d]!;
          acc[d] = acc[d]! + (c * x) / (k1 + x);
          lo++;
        }
      } else {
        // Branch-free: the document's bit multiplies the term's weight (adding 0 to a document no
        // word matched leaves it out). A branch per posting, taken at random, costs more than the
        // arithmetic it saves.
        for (let i = 0; i < p.n; i++) {
          const d = docs[i]!;
          const x = tfA[i]! * nG[d]!;
          acc[d] = acc[d]! + ((bits[d >>> 5]! >>> (d & 31)) & 1) * ((c * x) / (k1 + x));
        }
      }
    }
    if (!matched) return -1;
    candidates ??= this.gatherCandidates(bits);
    const touched = this.touchedBuffer();
    const scores = this.scoresBuffer();
    for (let j = 0; j < candidates.length; j++) {
      const d = candidates[j]!;
      touched[j] = d;
      scores[j] = acc[d]!;
      acc[d] = 0;
    }
    bits.fill(0);
    return candidates.length;
  }

  /** The documents whose bit is set, ascending: time in proportion to their number, not the index's size. */
  private gatherCandidates(bits: Int32Array): Int32Array {
    const out = this.touchedBuffer();
    let n = 0;
    for (let w = 0; w < bits.length; w++) {
      let x = bits[w]!;
      while (x !== 0) {
        const low = x & -x;
        out[n++] = (w << 5) | (31 - Math.clz32(low));
        x ^= low;
      }
    }
    return out.slice(0, n);
  }

  private bitsBuffer(): Int32Array {
    const words = (this.acc.length + 31) >>> 5;
    if (this.bits.length !== words) this.bits = new Int32Array(words);
    return this.bits;
  }

  private touchedBuffer(): Int32Array {
    if (this.touched.length < this.acc.length) this.touched = new Int32Array(this.acc.length);
    return this.touched;
  }

  private scoresBuffer(): Float64Array {
    if (this.hitScores.length < this.acc.length) this.hitScores = new Float64Array(this.acc.length);
    return this.hitScores;
  }

  /**
   * Applies coverage, word preference and the relative cut to the `count` touched documents,
   * compacting the survivors into the result buffers and clearing the accumulators.
   */
  private cut(terms: QueryTerm[], count: number, opts: MatchOptions): { docs: Int32Array; scores: Float64Array; count: number } {
    const acc = this.acc,
      hits = this.hitCount,
      touched = this.touched;
    const scores = this.scoresBuffer();
    const queryBigrams = terms.filter((t) => t.source === 'bigram' && t.term.length === 2).length;
    // With no coverage asked for, every document the query touched is a hit (single shared
    // characters included); otherwise character-only matches need that share of the bigrams.
    const coverage = opts.minBigramCoverage ?? 0;
    const minBigrams = coverage > 0 ? Math.max(1, Math.ceil(coverage * queryBigrams)) : 0;
    // One numeric pass for the best score (and whether any word matched), when asked to cut.
    let wordsOnly = false;
    let cutoff = -Infinity;
    if (opts.preferWordMatches || opts.minRelativeScore) {
      let best = 0,
        bestWord = 0;
      for (let i = 0; i < count; i++) {
        const d = touched[i]!;
        const h = hits[d]!;
        if (h < 0x10000 && (h & 0xffff) < minBigrams) continue;
        const s = acc[d]!;
        if (s > best) best = s;
        if (h >= 0x10000 && s > bestWord) bestWord = s;
      }
      wordsOnly = !!opts.preferWordMatches && bestWord > 0;
      if (wordsOnly) best = bestWord;
      if (opts.minRelativeScore) cutoff = best * opts.minRelativeScore;
    }
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      const s = acc[d]!;
      const h = hits[d]!;
      acc[d] = 0;
      hits[d] = 0;
      if (h < 0x10000 && (wordsOnly || (h & 0xffff) < minBigrams)) continue;
      if (s < cutoff) continue;
      touched[kept] = d;
      scores[kept++] = s;
    }
    return { docs: touched, scores, count: kept };
  }

  /** The id of an internal document number (from `matches`). */
  idAt(doc: number): string {
    return this.ids[doc]!;
  }

  /** Whether an internal document number is in the index (not removed since). */
  isLive(doc: number): boolean {
    return this.alive[doc] === 1;
  }

  /** The fields of an internal document number (from `matches`). */
  fieldsAt(doc: number): F | undefined {
    return this.fields[doc];
  }

  /** Visits every live document (for browsing without a query). */
  forEach(fn: (doc: { id: string; fields: F | undefined }) => void): void {
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d]) fn({ id: this.ids[d]!, fields: this.fields[d] });
  }

  /** The fields stored with a document, or undefined when it is not indexed. */
  fieldsOf(id: string): F | undefined {
    const d = this.byId.get(id);
    return d === undefined ? undefined : this.fields[d];
  }

  /** Inverse document frequency of a word (0 when no live document has it). */
  idfOf(term: string): number {
    const p = this.words.get(term);
    return p && p.n > 0 ? this.idf(p.n) : 0;
  }

  /** Index statistics, for logs and benchmarks. */
  stats() {
    let wordPostings = 0,
      bigramPostings = 0;
    for (const p of this.words.values()) wordPostings += p.n;
    let bigramTerms = 0;
    for (const [, p] of this.allBigramPostings()) {
      bigramPostings += p.n;
      bigramTerms++;
    }
    return { documents: this.live, removedPending: this.dead, wordTerms: this.words.size, bigramTerms, wordPostings, bigramPostings };
  }
}
