/**
 * The evaluation baseline: plain BM25 (k1 = 1.2, b = 0.75, Lucene idf) over @node-rs/jieba
 * tokens of title + text, with jieba's own dictionary only (`Jieba.withDict(dict)`): no
 * domain dictionary, synonyms, taxonomy, bigrams, stop words or field boosts. Tokens are
 * jieba's search mode (`cutForSearch`, HMM on) lower-cased, with white space and punctuation
 * dropped; the same tokenisation is applied to queries. This is deliberately a fair
 * baseline: search mode gives it the sub-words of long words.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isPunctuation } from '../normalize.js';

export class BaselineBm25 {
  private readonly jieba = Jieba.withDict(dict);
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lens: number[] = [];
  private readonly ids: string[] = [];

  constructor(
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {}

  tokens(text: string): string[] {
    return this.jieba.cutForSearch(text.toLowerCase(), true).filter((t) => !isPunctuation(t));
  }

  add(id: string, title: string, text: string): void {
    const d = this.ids.length;
    this.ids.push(id);
    const toks = this.tokens(`${title}\n${text}`);
    this.lens.push(toks.length);
    const tf = new Map<string, number>();
    for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const p = this.postings.get(t) ?? [];
      p.push([d, n]);
      this.postings.set(t, p);
    }
  }

  search(query: string, limit = 10): Array<{ id: string; score: number }> {
    const N = this.ids.length;
    if (N === 0) return [];
    const avg = this.lens.reduce((a, b) => a + b, 0) / N;
    const scores = new Map<number, number>();
    for (const t of new Set(this.tokens(query))) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = Math.log(1 + (N - p.length + 0.5) / (p.length + 0.5));
      for (const [d, tf] of p) {
        const norm = tf / (tf + this.k1 * (1 - this.b + (this.b * this.lens[d]!) / avg));
        scores.set(d, (scores.get(d) ?? 0) + idf * (this.k1 + 1) * norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([d, score]) => ({ id: this.ids[d]!, score }));
  }
}
