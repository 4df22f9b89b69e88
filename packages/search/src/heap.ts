/**
 * Top-k selection with a binary min-heap over (score, doc) pairs in typed arrays. Ties
 * rank the lower doc number first, so results are deterministic.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private n = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.docs = new Int32Array(Math.max(1, k));
  }

  /** a ranks below b. */
  private less(sa: number, da: number, sb: number, db: number): boolean {
    return sa < sb || (sa === sb && da > db);
  }

  push(score: number, doc: number): void {
    if (this.k <= 0) return;
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.less(score, doc, this.scores[p]!, this.docs[p]!)) break;
        this.scores[i] = this.scores[p]!;
        this.docs[i] = this.docs[p]!;
        i = p;
      }
      this.scores[i] = score;
      this.docs[i] = doc;
      return;
    }
    if (!this.less(this.scores[0]!, this.docs[0]!, score, doc)) return;
    this.replaceRoot(score, doc, this.n);
  }

  /** Puts (score, doc) at the root of the first `size` entries and sifts it down. */
  private replaceRoot(score: number, doc: number, size: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let m = l;
      if (r < size && this.less(this.scores[r]!, this.docs[r]!, this.scores[l]!, this.docs[l]!)) m = r;
      if (!this.less(this.scores[m]!, this.docs[m]!, score, doc)) break;
      this.scores[i] = this.scores[m]!;
      this.docs[i] = this.docs[m]!;
      i = m;
    }
    this.scores[i] = score;
    this.docs[i] = doc;
  }

  /** The smallest score kept, or -Infinity while fewer than k are kept. */
  get threshold(): number {
    return this.n < this.k ? -Infinity : this.scores[0]!;
  }

  /** How many are kept. */
  get size(): number {
    return this.n;
  }

  /** The kept docs in no particular order (a view, valid until the next push or drain). */
  unorderedDocs(): Int32Array {
    return this.docs.subarray(0, this.n);
  }

  /**
   * Empties the heap into typed arrays, best first (ties: lower doc first): the same order as
   * `sorted()`, without an object per entry.
   */
  drain(): { docs: Int32Array; scores: Float64Array } {
    const n = this.n;
    const docs = new Int32Array(n),
      scores = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      docs[i] = this.docs[0]!;
      scores[i] = this.scores[0]!;
      this.popRoot();
    }
    return { docs, scores };
  }

  private popRoot(): void {
    const last = --this.n;
    if (last > 0) this.replaceRoot(this.scores[last]!, this.docs[last]!, last);
  }

  /** Best first. */
  sorted(): Array<{ doc: number; score: number }> {
    const out: Array<{ doc: number; score: number }> = [];
    for (let i = 0; i < this.n; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
