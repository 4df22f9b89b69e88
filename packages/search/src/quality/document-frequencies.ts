/**
 * Document frequencies of (canonical) terms over a corpus of listings, for IDF weights in
 * near-duplicate scoring. Feed it each listing's terms (`listingProfile(...).terms.keys()`)
 * as listings are submitted, published or withdrawn.
 *
 * idf(t) = ln(1 + (N + P) / (df(t) + P·p0)) with a pseudo-corpus of P = 20 documents in which
 * every term is assumed to occur with share p0 = 0.05. With no corpus every term gets the same
 * idf (ln 21 ≈ 3.0), so the word-class weights (generic, technique) alone decide; as the
 * corpus grows, the real frequencies take over, and a term in every document ends near ln 2.
 * The pseudo-counts also keep a term seen once from outweighing everything else.
 */
export interface DocumentFrequenciesOptions {
  /** Size of the pseudo-corpus (default 20). */
  priorDocuments?: number;
  /** Share of pseudo-documents assumed to contain any term (default 0.05). */
  priorShare?: number;
}

export class DocumentFrequencies {
  private readonly counts = new Map<string, number>();
  /** idf is asked for far more often than documents change (every term of every comparison). */
  private readonly idfCache = new Map<string, number>();
  private docs = 0;
  private changes = 0;
  readonly priorDocuments: number;
  readonly priorShare: number;

  constructor(opts: DocumentFrequenciesOptions = {}) {
    this.priorDocuments = opts.priorDocuments ?? 20;
    this.priorShare = opts.priorShare ?? 0.05;
  }

  /** Number of documents added (and not removed). */
  get size(): number {
    return this.docs;
  }

  /** Adds one document; each distinct term counts once. */
  add(terms: Iterable<string>): void {
    for (const t of new Set(terms)) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
    this.docs++;
    this.changed();
  }

  /** Removes a document added before with the same terms. */
  remove(terms: Iterable<string>): void {
    for (const t of new Set(terms)) {
      const c = (this.counts.get(t) ?? 0) - 1;
      if (c > 0) this.counts.set(t, c);
      else this.counts.delete(t);
    }
    if (this.docs > 0) this.docs--;
    this.changed();
  }

  private changed(): void {
    this.idfCache.clear();
    this.changes++;
  }

  /** Changes with every add and remove, so that values derived from idf can be cached. */
  get version(): number {
    return this.changes;
  }

  df(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  idf(term: string): number {
    let v = this.idfCache.get(term);
    if (v === undefined) {
      const p = this.priorDocuments;
      v = Math.log(1 + (this.docs + p) / (this.df(term) + p * this.priorShare));
      this.idfCache.set(term, v);
    }
    return v;
  }
}
