/**
 * Maps each word to one representative of its synonym group, so that 瑕疵 in one listing and
 * 缺陷 in another count as the same word. Only strong relations count (equivalent and near,
 * weight ≥ 0.6): "related" terms (a field and its techniques) and one-way everyday → formal
 * expansions would make different needs look alike.
 *
 * The representative is the smallest word (in code-unit order) of the connected component
 * the strong edges form, found by a breadth-first walk and cached for every member. The walk
 * is capped so that a long chain of near-synonyms cannot merge unrelated words wholesale.
 */
import type { SynonymTable } from '../synonyms.js';

export const CANONICAL_MIN_WEIGHT = 0.6;
/** Largest synonym component merged into one word; larger ones fall back to direct neighbours. */
export const MAX_COMPONENT = 24;

/** Weaker relations (related terms, one-way expansions) count as partial matches from this weight up. */
export const SOFT_MIN_WEIGHT = 0.4;

export class Canonicalizer {
  private readonly cache = new Map<string, string>();
  private readonly softCache = new Map<string, ReadonlyArray<readonly [string, number]>>();

  constructor(
    readonly table: SynonymTable | null,
    readonly minWeight = CANONICAL_MIN_WEIGHT,
  ) {}

  canon(word: string): string {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    if (!this.table) return word;
    const seen = new Set<string>([word]);
    const queue = [word];
    let capped = false;
    while (queue.length) {
      const cur = queue.shift()!;
      for (const e of this.table.lookup(cur)) {
        if (e.weight < this.minWeight || seen.has(e.to)) continue;
        if (seen.size >= MAX_COMPONENT) {
          capped = true;
          break;
        }
        seen.add(e.to);
        queue.push(e.to);
      }
      if (capped) break;
    }
    if (capped) {
      // Too big to be one meaning: use the word and its direct strong neighbours only,
      // without caching the result for the others (their neighbourhoods differ).
      const direct = [
        word,
        ...this.table
          .lookup(word)
          .filter((e) => e.weight >= this.minWeight)
          .map((e) => e.to),
      ];
      const rep = direct.reduce((a, b) => (b < a ? b : a));
      this.cache.set(word, rep);
      return rep;
    }
    const rep = [...seen].reduce((a, b) => (b < a ? b : a));
    for (const m of seen) this.cache.set(m, rep);
    return rep;
  }

  /**
   * Representatives of the words a word is weakly related to (0.4 ≤ weight < 0.6), with the
   * weight: 清点 → 盘点 (one-way 0.5). They give partial credit, never identity.
   */
  softNeighbours(word: string): ReadonlyArray<readonly [string, number]> {
    const hit = this.softCache.get(word);
    if (hit) return hit;
    const self = this.canon(word);
    const best = new Map<string, number>();
    if (this.table) {
      for (const e of this.table.lookup(word)) {
        if (e.weight < SOFT_MIN_WEIGHT || e.weight >= this.minWeight) continue;
        const c = this.canon(e.to);
        if (c !== self && (best.get(c) ?? 0) < e.weight) best.set(c, e.weight);
      }
    }
    const out = [...best];
    this.softCache.set(word, out);
    return out;
  }

  /** Forgets cached results: call after adding groups to the table. */
  clear(): void {
    this.cache.clear();
    this.softCache.clear();
  }
}

const byTable = new WeakMap<SynonymTable, Canonicalizer>();
const plain = new Canonicalizer(null);

/** One cached canonicaliser per synonym table (tables are long-lived; the cache grows with the vocabulary seen). */
export function canonicalizerFor(table: SynonymTable | null | undefined): Canonicalizer {
  if (!table) return plain;
  let c = byTable.get(table);
  if (!c) {
    c = new Canonicalizer(table);
    byTable.set(table, c);
  }
  return c;
}
