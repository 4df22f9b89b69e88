/**
 * Chinese word segmentation for search: @node-rs/jieba with the general dictionary plus
 * the domain dictionary kept in `dict/domain.txt` (AI and industry terms), operator terms
 * added at run time, normalisation, mixed Latin/number tokens and stop words.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { hasHan, isHanCode, isPunctuation, normalizeText } from './normalize.js';
import { isStopWord } from './stopwords.js';

export const DOMAIN_DICT_URL = new URL('../dict/domain.txt', import.meta.url);

/** Frequency given to operator-added terms: high enough that jieba keeps them whole. */
export const OPERATOR_TERM_FREQ = 50_000;

export interface DictTerm {
  word: string;
  freq?: number;
  tag?: string;
}

/** Parses `词 频率 词性` lines; `#` starts a comment. */
export function parseDictionary(text: string): DictTerm[] {
  const out: DictTerm[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [word, freq, tag] = line.split(/\s+/);
    if (!word) continue;
    out.push({ word, freq: freq ? Number(freq) : undefined, tag });
  }
  return out;
}

/**
 * Units that turn a number into one token: `2025年` → `2025年`, `20亿元` → `20亿`,
 * `30 日` → `30日`. Longest first so that 亿元 wins over 亿. Money units fold 亿元 → 亿 and
 * 万元 → 万, so a query for `20亿` finds `20亿元`.
 */
const UNITS = [
  '亿元',
  '万元',
  '千瓦时',
  '平方米',
  '平方公里',
  '公里',
  '千瓦',
  '兆瓦',
  '小时',
  '分钟',
  '工作日',
  '周岁',
  '亿',
  '万',
  '元',
  '年',
  '月',
  '日',
  '天',
  '周',
  '岁',
  '%',
  '个',
  '家',
  '项',
  '人',
  '名',
  '台',
  '套',
  '辆',
  '所',
  '倍',
  '亩',
  '吨',
  '件',
  '次',
  '条',
  '座',
  '张',
  '户',
  '期',
];
const UNIT_FOLD: Record<string, string> = { 亿元: '亿', 万元: '万' };
const LATIN_NUM = /[a-z0-9]+(?:[.\-+/&][a-z0-9]+)*/g;
const UNIT_AFTER = new RegExp(`^\\s?(${UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|')})`);

/**
 * Latin words, numbers and their mixtures, from normalised text:
 * `ar/vr` → `ar/vr`, `ar`, `vr`; `trl7` → `trl7`, `trl`; `5g` → `5g`;
 * `2025年` → `2025年`, `2025`; `20亿元` → `20亿`, `20`.
 */
export function latinTokens(norm: string): string[] {
  const out: string[] = [];
  for (const m of norm.matchAll(LATIN_NUM)) {
    const whole = m[0];
    const end = (m.index ?? 0) + whole.length;
    out.push(whole);
    const parts = /^[\d.]+$/.test(whole) ? [whole] : whole.split(/[.\-+/&]/).filter(Boolean);
    if (parts.length > 1) for (const p of parts) out.push(p);
    for (const p of parts) {
      // trl7 → trl: the alphabetic part of a letter-digit mixture, when it is a word.
      if (/[a-z]/.test(p) && /\d/.test(p)) {
        for (const a of p.match(/[a-z]{2,}/g) ?? []) out.push(a);
      }
    }
    if (/^\d+(?:\.\d+)?$/.test(whole)) {
      const u = UNIT_AFTER.exec(norm.slice(end, end + 5));
      if (u) out.push(whole + (UNIT_FOLD[u[1]!] ?? u[1]!));
    }
  }
  return out;
}

/** Character bigrams of each Han run; a one-character run gives itself. */
export function charBigrams(norm: string): string[] {
  const out: string[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    if (!isHanCode(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isHanCode(norm.charCodeAt(j))) j++;
    if (j - i === 1) out.push(norm[i]!);
    for (let k = i; k + 1 < j; k++) out.push(norm.substring(k, k + 2));
    i = j;
  }
  return out;
}

export interface Tokens {
  /** Word tokens (jieba search-mode words plus Latin/number tokens), stop words removed. */
  words: string[];
  /** Character bigrams, for near misses. */
  bigrams: string[];
}

export interface SegmenterOptions {
  /** Load `dict/domain.txt` (default true). The evaluation baseline turns it off. */
  domainDictionary?: boolean;
  /** Extra dictionary text (`词 频率 词性` lines) loaded after the domain dictionary. */
  extraDictionary?: string;
}

/** Dictionary terms this long or longer are also found where jieba's cut crosses them. */
export const MIN_SCAN_TERM_CHARS = 3;

export class Segmenter {
  readonly jieba: Jieba;
  private readonly added = new Set<string>();
  /** First two characters of a Han dictionary term → the terms' lengths (longest first). */
  private readonly scanIndex = new Map<string, number[]>();
  private readonly scanTerms = new Set<string>();
  /** 1 for each UTF-16 code unit that starts a scan term: most positions are skipped on one read. */
  private readonly scanFirst = new Uint8Array(0x10000);

  constructor(opts: SegmenterOptions = {}) {
    this.jieba = Jieba.withDict(dict);
    if (opts.domainDictionary !== false) this.loadDictionaryText(readFileSync(DOMAIN_DICT_URL, 'utf8'));
    if (opts.extraDictionary) this.loadDictionaryText(opts.extraDictionary);
  }

  /** Loads `词 频率 词性` lines. Words are normalised the same way as text (NFKC, lower case). */
  loadDictionaryText(text: string): void {
    const terms = parseDictionary(text);
    this.addTerms(terms);
  }

  /** Operator-added terms at run time: they are kept whole from now on. */
  addTerms(terms: ReadonlyArray<string | DictTerm>): void {
    const lines: string[] = [];
    for (const t of terms) {
      const term = typeof t === 'string' ? { word: t } : t;
      const word = normalizeText(term.word).replace(/\s+/g, '');
      if (!word) continue;
      this.added.add(word);
      this.addScanTerm(word);
      lines.push(`${word} ${term.freq ?? OPERATOR_TERM_FREQ} ${term.tag ?? 'n'}`);
    }
    if (lines.length) this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
  }

  private addScanTerm(word: string): void {
    if (word.length < MIN_SCAN_TERM_CHARS || this.scanTerms.has(word)) return;
    for (let i = 0; i < word.length; i++) if (!isHanCode(word.charCodeAt(i))) return;
    this.scanTerms.add(word);
    this.scanFirst[word.charCodeAt(0)] = 1;
    const key = word.substring(0, 2);
    const lens = this.scanIndex.get(key) ?? [];
    if (!lens.includes(word.length)) {
      lens.push(word.length);
      lens.sort((a, b) => b - a);
    }
    this.scanIndex.set(key, lens);
  }

  /**
   * Dictionary terms occurring anywhere in the text, including where jieba's best cut
   * crosses them (汽车零部件表面缺陷机器视觉检测 is cut …|机器|视觉检测, yet 机器视觉 is there).
   */
  scanTermsIn(norm: string): string[] {
    const out: string[] = [];
    if (this.scanIndex.size === 0) return out;
    const n = norm.length;
    let runEnd = 0;
    for (let i = 0; i + 1 < n; i++) {
      if (i >= runEnd) {
        // Find the Han run starting at i.
        if (!isHanCode(norm.charCodeAt(i))) continue;
        runEnd = i + 1;
        while (runEnd < n && isHanCode(norm.charCodeAt(runEnd))) runEnd++;
      }
      if (i + 1 >= runEnd || !this.scanFirst[norm.charCodeAt(i)]) continue;
      const lens = this.scanIndex.get(norm.substring(i, i + 2));
      if (!lens) continue;
      for (const len of lens) {
        if (i + len > runEnd) continue;
        const cand = norm.substring(i, i + len);
        if (this.scanTerms.has(cand)) out.push(cand);
      }
    }
    return out;
  }

  /** Terms loaded from dictionaries or added by operators. */
  get addedTerms(): ReadonlySet<string> {
    return this.added;
  }

  /** Plain segmentation (jieba `cut` with HMM) of normalised text, punctuation dropped. */
  cut(text: string): string[] {
    return this.jieba.cut(normalizeText(text), true).filter((t) => !isPunctuation(t) && !/^\s+$/.test(t));
  }

  /**
   * Tokens of a phrase as a whole: jieba `cut` (no search-mode sub-words) plus Latin/number
   * tokens. Synonym expansions use this, so 大语言模型 adds itself, not 语言 and 模型.
   */
  phraseTokens(phrase: string): string[] {
    const norm = normalizeText(phrase);
    const out = this.jieba.cut(norm, true).filter((t) => hasHan(t) && !isStopWord(t));
    for (const t of latinTokens(norm)) if (!out.includes(t)) out.push(t);
    return out;
  }

  /**
   * The words of a text once each, as for classification: jieba `cut` (no search-mode
   * sub-words), the dictionary terms the cut crosses, Latin/number tokens; stop words dropped.
   */
  contentWords(text: string): string[] {
    const norm = normalizeText(text);
    const out = this.jieba.cut(norm, true).filter((t) => hasHan(t) && !isStopWord(t));
    const have = new Set(out);
    for (const t of this.scanTermsIn(norm))
      if (!have.has(t)) {
        out.push(t);
        have.add(t);
      }
    if (/[a-z0-9]/.test(norm)) out.push(...latinTokens(norm));
    return out;
  }

  /** Word tokens for indexing and querying. */
  words(text: string): string[] {
    return this.tokensOfNormalized(normalizeText(text)).words;
  }

  tokenize(text: string): Tokens {
    return this.tokensOfNormalized(normalizeText(text));
  }

  /** Same as `tokenize` for text that has already been through `normalizeText`; `bigrams` can be skipped. */
  tokensOfNormalized(norm: string, withBigrams = true): Tokens {
    const words: string[] = [];
    for (const t of this.jieba.cutForSearch(norm, true)) {
      // Latin and number tokens come from latinTokens(); jieba contributes Han words
      // (including dictionary words that mix Han and Latin, such as 5g专网).
      if (!hasHan(t) || isStopWord(t)) continue;
      words.push(t);
    }
    // A dictionary term jieba cut across still counts, as often as it occurs.
    const scanned = this.scanTermsIn(norm);
    if (scanned.length) {
      const want = new Map<string, number>();
      for (const t of scanned) want.set(t, (want.get(t) ?? 0) + 1);
      const nWords = words.length;
      for (let i = 0; i < nWords; i++) {
        const w = want.get(words[i]!);
        if (w !== undefined) want.set(words[i]!, w - 1);
      }
      for (const [t, k] of want) for (let j = 0; j < k; j++) words.push(t);
    }
    if (/[a-z0-9]/.test(norm)) for (const t of latinTokens(norm)) words.push(t);
    return { words, bigrams: withBigrams ? charBigrams(norm) : [] };
  }
}

let shared: Segmenter | undefined;
/** The process-wide segmenter with the domain dictionary (jieba takes ~0.2 s to load). */
export function defaultSegmenter(): Segmenter {
  shared ??= new Segmenter();
  return shared;
}
