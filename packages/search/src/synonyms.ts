/**
 * Synonyms and related terms for query expansion: equivalent / near / related groups
 * (symmetric) and one-way expansions, each with a weight below 1 so that a document using
 * the searcher's own words still ranks first. Operators add their own at run time.
 */
import { COLLOQUIAL_GROUPS, COLLOQUIAL_ONE_WAY } from './colloquial-data.js';
import { normalizeText } from './normalize.js';
import {
  KIND_WEIGHT,
  ONE_WAY,
  ONE_WAY_WEIGHT,
  SYNONYM_GROUPS,
  taxonomyGroups,
  type OneWaySpec,
  type SynonymGroupSpec,
  type SynonymKind,
} from './synonym-data.js';

export interface Expansion {
  /** The phrase to add to the query. */
  term: string;
  weight: number;
  /** The query phrase that triggered it. */
  from: string;
}

interface Edge {
  to: string;
  weight: number;
}

const LATIN_KEY = /^[a-z0-9][a-z0-9 .\-+/&]*$/;

function normKey(s: string): string {
  return normalizeText(s).trim().replace(/\s+/g, ' ');
}

export class SynonymTable {
  private readonly edges = new Map<string, Map<string, number>>();
  private readonly hanKeys = new Map<string, number>(); // key → length
  private maxKeyLen = 0;
  private readonly multiWordKeys: string[] = [];

  /** Symmetric group: every term expands to every other one with `weight`. */
  addGroup(terms: readonly string[], weight: number | SynonymKind = 'near'): void {
    const w = typeof weight === 'number' ? weight : KIND_WEIGHT[weight];
    const keys = [...new Set(terms.map(normKey).filter(Boolean))];
    for (const a of keys) for (const b of keys) if (a !== b) this.addEdge(a, b, w);
  }

  /** One-way: each `from` phrase also looks for each `to` phrase. */
  addOneWay(from: readonly string[], to: readonly string[], weight = ONE_WAY_WEIGHT): void {
    for (const a of from.map(normKey)) for (const b of to.map(normKey)) if (a && b && a !== b) this.addEdge(a, b, weight);
  }

  addGroups(groups: readonly SynonymGroupSpec[]): void {
    for (const g of groups) this.addGroup(g.terms, g.kind);
  }
  addOneWays(specs: readonly OneWaySpec[]): void {
    for (const s of specs) this.addOneWay(s.from, s.to, s.weight);
  }

  private addEdge(from: string, to: string, weight: number): void {
    let m = this.edges.get(from);
    if (!m) {
      m = new Map();
      this.edges.set(from, m);
      if (LATIN_KEY.test(from)) {
        if (from.includes(' ')) this.multiWordKeys.push(from);
      } else {
        const len = Array.from(from).length;
        this.hanKeys.set(from, len);
        this.maxKeyLen = Math.max(this.maxKeyLen, len);
      }
    }
    // The strongest statement wins when two groups relate the same pair.
    m.set(to, Math.max(m.get(to) ?? 0, weight));
  }

  /** Direct expansions of one phrase. */
  lookup(phrase: string): Edge[] {
    const m = this.edges.get(normKey(phrase));
    return m ? [...m].map(([to, weight]) => ({ to, weight })) : [];
  }

  get size(): number {
    return this.edges.size;
  }

  /**
   * Expansions for a query. Han phrases are found as substrings of the query, longest first
   * and without overlap (人工智能 is matched as itself, not also as 智能). Latin keys (ai, 5g,
   * llm, ar/vr) must equal a whole Latin token of the query. A one-character key (修, 卖)
   * must be a whole word of the query (`words`, its segmentation), so 收 expands in 谁来收
   * but not inside 收入. Phrases already in the query are not added again; each added
   * phrase keeps its highest weight.
   */
  expand(query: string, latinTokens: readonly string[] = [], words: readonly string[] = []): Expansion[] {
    const norm = normKey(query);
    const chars = Array.from(norm);
    const taken = new Uint8Array(chars.length);
    const found: string[] = [];
    for (let len = Math.min(this.maxKeyLen, chars.length); len >= 2; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        let free = true;
        for (let k = i; k < i + len; k++)
          if (taken[k]) {
            free = false;
            break;
          }
        if (!free) continue;
        const cand = chars.slice(i, i + len).join('');
        if (!this.hanKeys.has(cand)) continue;
        found.push(cand);
        taken.fill(1, i, i + len);
      }
    }
    for (const w of words) {
      if (w.length !== 1 || found.includes(w) || this.hanKeys.get(w) !== 1) continue;
      const i = chars.indexOf(w);
      if (i >= 0 && taken[i]) continue;
      found.push(w);
    }
    for (const t of latinTokens) if (this.edges.has(t) && !found.includes(t)) found.push(t);
    // Multi-word Latin keys (digital twin) match on word boundaries.
    if (this.multiWordKeys.length) {
      const spaced = ` ${norm.replace(/[^a-z0-9]+/g, ' ')} `;
      for (const key of this.multiWordKeys) if (spaced.includes(` ${key} `)) found.push(key);
    }

    const out = new Map<string, Expansion>();
    for (const from of found) {
      for (const [to, weight] of this.edges.get(from)!) {
        if (norm.includes(to) || latinTokens.includes(to)) continue;
        const prev = out.get(to);
        if (!prev || prev.weight < weight) out.set(to, { term: to, weight, from });
      }
    }
    return [...out.values()];
  }
}

/**
 * The table shipped with the code: general domain groups, one-way expansions, the taxonomy's
 * field terms and the everyday → official vocabulary (`colloquial: false` leaves that out, for
 * measuring what it adds).
 */
export function defaultSynonyms(opts: { colloquial?: boolean } = {}): SynonymTable {
  const t = new SynonymTable();
  t.addGroups(taxonomyGroups());
  t.addGroups(SYNONYM_GROUPS);
  t.addOneWays(ONE_WAY);
  if (opts.colloquial !== false) {
    t.addGroups(COLLOQUIAL_GROUPS);
    t.addOneWays(COLLOQUIAL_ONE_WAY);
  }
  return t;
}
