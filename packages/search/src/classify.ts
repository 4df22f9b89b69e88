/**
 * Sector and technology-field suggestions for a typed-in item.
 *
 * Sectors: a multinomial word model per sector, compared with background language.
 * Training text per sector: its canonical name, the taxonomy's "covers" examples, the
 * scenario types the 2022 guidance lists for it, its keyword and trade-term lists
 * (vocabulary.ts, each counted CURATED_WEIGHT times), the sector's descriptive phrases from
 * classifier-corpus.ts (CORPUS_WEIGHT), and that file's technique phrases, counted alike in
 * every sector. P(w|sector) is add-one (Laplace) smoothed, so a word seen once in a phrase
 * weighs little and a word the sector uses again and again weighs a lot; the reference language
 * is the mean of the sectors mixed half and half with policy prose (the seed texts' word
 * counts, dict/background.txt). Words are jieba's cut plus the dictionary terms it crosses.
 * A word's weight for a sector is its positive log-ratio
 * log(P(w|sector) / P(w|reference)): words typical of a sector weigh most, words of general
 * policy prose or of every sector weigh nothing. Numbers (2025, 30%, 20亿) are not words of
 * a sector. An item's score for a sector is the sum over its words of (1 + ln tf) · weight;
 * a text that names a sector outright (金融, 养老, a "covers" example) also gets
 * NAME_BONUS for it, which decides bare domain names and barely moves long texts.
 * Confidences are a softmax over the scores with a temperature proportional to the best
 * score, so they express the margin, not the length.
 *
 * Technology fields: multi-label. Each field has strong terms that name the technique
 * (机器视觉, 无人机, 5G) and weak ones that hint at it (图像, 飞行); a field is suggested when
 * its strong terms, or weak terms adding up to the same, reach TECH_THRESHOLD. Terms are
 * matched longest first without overlap, so 机器视觉 does not also count as 视觉.
 *
 * All constants are round a-priori values. Neither evaluation data nor demo data is used for
 * training; tests check the classifier on generated demo needs, which it has not seen.
 */
import { readFileSync } from 'node:fs';
import { SECTORS, TECH_FIELDS, type SectorCode, type TechFieldCode } from '@scenebridge/domain';
import { SECTOR_CORPUS, TECH_FIELD_CORPUS } from './classifier-corpus.js';
import { normalizeText } from './normalize.js';
import { defaultSegmenter, latinTokens, type Segmenter } from './segment.js';
import { SECTOR_VOCABULARY, TECH_VOCABULARY } from './vocabulary.js';

/** Softmax temperature as a share of the best score (see suggestSectors). */
export const CONFIDENCE_TEMPERATURE = 0.25;
export const TECH_THRESHOLD = 1;
const CURATED_WEIGHT = 3;
/** A corpus phrase counts as two occurrences of its words; a technique phrase once, in every sector. */
const CORPUS_WEIGHT = 2;
const TECHNIQUE_WEIGHT = 1;
/** Add-one smoothing of the word distributions. */
const SMOOTHING = 1;
/** Share of policy prose in the reference language. */
const PROSE_SHARE = 0.5;
/** Bonus for a sector the text names outright, in units of a strong word's weight. */
const NAME_BONUS = 1;

/** Digits with an optional unit or sign (2025, 30%, 20亿, 2025年): not evidence of a sector. */
const NUMBER_TOKEN = /^[\d.]+(?:%|[^a-z\d]*)$/;

export const BACKGROUND_URL = new URL('../dict/background.txt', import.meta.url);

function loadBackground(): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of readFileSync(BACKGROUND_URL, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [w, n] = line.split(' ');
    if (w && n) m.set(w, Number(n));
  }
  return m;
}

export interface SectorSuggestion {
  code: SectorCode;
  name: string;
  /** Softmax share over all sectors, 0–1. */
  confidence: number;
  /** Raw evidence: summed log-ratio weights of the text's words for this sector. */
  score: number;
}

export interface TechFieldSuggestion {
  code: TechFieldCode;
  name: string;
  /** 0–1, from the summed term weights: 1 − 0.5^score. */
  confidence: number;
  /** The terms that named the field. */
  evidence: string[];
}

export interface Classification {
  sectors: SectorSuggestion[];
  techFields: TechFieldSuggestion[];
}

/** Training text per sector, as (text, weight) pairs. */
export function sectorTrainingTexts(): Map<SectorCode, Array<[string, number]>> {
  const techniques = Object.values(TECH_FIELD_CORPUS).flat();
  const out = new Map<SectorCode, Array<[string, number]>>();
  for (const s of SECTORS) {
    const v = SECTOR_VOCABULARY[s.code];
    const texts: Array<[string, number]> = [[s.name, CURATED_WEIGHT * 2]];
    for (const t of [...v.covers, ...v.seedScenes, ...v.keywords, ...v.terms]) texts.push([t, CURATED_WEIGHT]);
    for (const t of SECTOR_CORPUS[s.code]) texts.push([t, CORPUS_WEIGHT]);
    // Every sector speaks of techniques alike, so a technique's words are no evidence of a sector.
    for (const t of techniques) texts.push([t, TECHNIQUE_WEIGHT]);
    out.set(s.code, texts);
  }
  return out;
}

export class Classifier {
  /** Per sector: feature → positive log-ratio weight against background language. */
  private readonly weights = new Map<SectorCode, Map<string, number>>();
  private readonly techTerms = new Map<string, Array<{ code: TechFieldCode; weight: number }>>();
  private readonly techHanLens: number[];
  private readonly techHan = new Set<string>();
  /** Sector names and covers examples → the sectors they name. */
  private readonly sectorNames = new Map<string, SectorCode[]>();
  private readonly nameBonus: number;

  constructor(private readonly segmenter: Segmenter = defaultSegmenter()) {
    // Weighted word counts per sector.
    const counts = new Map<SectorCode, Map<string, number>>();
    const totals = new Map<SectorCode, number>();
    const vocab = new Set<string>();
    for (const [code, texts] of sectorTrainingTexts()) {
      const c = new Map<string, number>();
      let total = 0;
      for (const [text, weight] of texts) {
        for (const w of this.features(text)) {
          c.set(w, (c.get(w) ?? 0) + weight);
          total += weight;
          vocab.add(w);
        }
      }
      counts.set(code, c);
      totals.set(code, total);
    }
    const prose = loadBackground();
    let proseTotal = 0;
    for (const n of prose.values()) proseTotal += n;
    const V = vocab.size;
    const p = (n: number, total: number) => (n + SMOOTHING) / (total + SMOOTHING * V);
    for (const [code] of counts) this.weights.set(code, new Map());
    for (const f of vocab) {
      let mean = 0;
      for (const [code, c] of counts) mean += p(c.get(f) ?? 0, totals.get(code)!);
      mean /= counts.size;
      const ref = (1 - PROSE_SHARE) * mean + PROSE_SHARE * p(prose.get(f) ?? 0, proseTotal);
      for (const [code, c] of counts) {
        const n = c.get(f);
        if (!n) continue;
        const r = Math.log(p(n, totals.get(code)!) / ref);
        if (r > 0) this.weights.get(code)!.set(f, r);
      }
    }
    // Names that decide a sector by themselves: the canonical name and the covers examples.
    for (const s of SECTORS) {
      const v = SECTOR_VOCABULARY[s.code];
      for (const n of [s.name, ...v.covers]) {
        const key = normalizeText(n);
        const list = this.sectorNames.get(key) ?? [];
        if (!list.includes(s.code)) list.push(s.code);
        this.sectorNames.set(key, list);
      }
    }
    let strong = 0;
    for (const w of this.weights.values()) for (const x of w.values()) strong = Math.max(strong, x);
    this.nameBonus = NAME_BONUS * strong;

    for (const f of TECH_FIELDS) {
      const voc = TECH_VOCABULARY[f.code];
      const add = (t: string, weight: number) => {
        const term = normalizeText(t);
        if (!term) return;
        const list = this.techTerms.get(term) ?? [];
        list.push({ code: f.code, weight });
        this.techTerms.set(term, list);
        if (!/^[a-z0-9/+.-]+$/.test(term)) this.techHan.add(term);
      };
      for (const t of voc.strong) add(t, 1);
      for (const t of voc.weak) add(t, 0.5);
      add(f.name, 1);
    }
    this.techHanLens = [...new Set([...this.techHan].map((t) => Array.from(t).length))].sort((a, b) => b - a);
  }

  /** Word features of a text for the sector model: index words without bare numbers. */
  /**
   * Word features of a text for the sector model: its words as jieba cuts them plus the
   * dictionary terms the cut crosses, without bare numbers. Not the search-mode sub-words:
   * 传感器 would also count as 传感 and 感器, and long words would weigh three times.
   */
  private features(text: string): string[] {
    return this.segmenter.contentWords(text).filter((w) => !NUMBER_TOKEN.test(w));
  }

  /**
   * Raw evidence per sector: Σ over the item's words of (1 + ln tf) · weight, plus the name
   * bonus for each sector the text names (a name shared by two sectors, such as 景区 or
   * 电网, is split between them).
   */
  sectorScores(text: string): Map<SectorCode, number> {
    const tf = new Map<string, number>();
    for (const w of this.features(text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    const out = new Map<SectorCode, number>();
    for (const s of SECTORS) {
      const w = this.weights.get(s.code)!;
      let score = 0;
      for (const [f, n] of tf) {
        const x = w.get(f);
        if (x !== undefined) score += (1 + Math.log(n)) * x;
      }
      out.set(s.code, score);
    }
    const norm = normalizeText(text);
    for (const [name, codes] of this.sectorNames) {
      if (!norm.includes(name)) continue;
      for (const c of codes) out.set(c, out.get(c)! + this.nameBonus / codes.length);
    }
    return out;
  }

  suggestSectors(text: string, top = 3): SectorSuggestion[] {
    const scores = this.sectorScores(text);
    const order = SECTORS.map((s, i) => ({ code: s.code, name: s.name, score: scores.get(s.code)!, i }));
    const max = Math.max(...order.map((o) => o.score));
    // Confidence reflects the margin relative to the best score, so it does not grow with
    // the length of the text: a sector scoring half the best gets e^-(0.5/τ) of its weight.
    const temp = CONFIDENCE_TEMPERATURE * Math.max(max, 1e-9);
    const exps = order.map((o) => Math.exp((o.score - max) / temp));
    const z = exps.reduce((a, b) => a + b, 0);
    return order
      .map((o, k) => ({ code: o.code, name: o.name, confidence: exps[k]! / z, score: o.score, i: o.i }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, top)
      .map(({ code, name, confidence, score }) => ({ code, name, confidence, score }));
  }

  suggestTechFields(text: string, threshold = TECH_THRESHOLD): TechFieldSuggestion[] {
    const norm = normalizeText(text);
    const found: string[] = [];
    // Han terms: longest first, no overlap.
    const chars = Array.from(norm);
    const taken = new Uint8Array(chars.length);
    for (const len of this.techHanLens) {
      for (let i = 0; i + len <= chars.length; i++) {
        if (taken.subarray(i, i + len).some((x) => x)) continue;
        const cand = chars.slice(i, i + len).join('');
        if (!this.techHan.has(cand)) continue;
        found.push(cand);
        taken.fill(1, i, i + len);
      }
    }
    // Latin terms: whole tokens (5g, ar, vr, igbt).
    for (const t of new Set(latinTokens(norm))) if (this.techTerms.has(t) && !this.techHan.has(t)) found.push(t);

    const score = new Map<TechFieldCode, { s: number; ev: Set<string> }>();
    for (const term of new Set(found)) {
      for (const { code, weight } of this.techTerms.get(term) ?? []) {
        const e = score.get(code) ?? { s: 0, ev: new Set<string>() };
        e.s += weight;
        e.ev.add(term);
        score.set(code, e);
      }
    }
    return TECH_FIELDS.filter((f) => (score.get(f.code)?.s ?? 0) >= threshold)
      .map((f) => {
        const e = score.get(f.code)!;
        return { code: f.code, name: f.name, confidence: 1 - 0.5 ** e.s, evidence: [...e.ev] };
      })
      .sort((a, b) => b.confidence - a.confidence);
  }

  classify(text: string, top = 3): Classification {
    return { sectors: this.suggestSectors(text, top), techFields: this.suggestTechFields(text) };
  }
}

let shared: Classifier | undefined;
export function defaultClassifier(): Classifier {
  shared ??= new Classifier();
  return shared;
}
