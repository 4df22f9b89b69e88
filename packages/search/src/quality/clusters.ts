/**
 * Clusters of near-duplicate listings across organisations, for operators to review and
 * merge (two districts posting the same need, a department re-posting in a new batch).
 *
 * 1. Profile every item once (segmentation is the expensive step) and count document
 *    frequencies over the items themselves, unless a corpus is given.
 * 2. Candidates by blocking on shared rare terms: only meaningful words (technique class or
 *    above) held by at most `maxTermShare` of the items vote, weighted like the word cosine,
 *    and each item keeps its `candidatesPerItem` best. Frequent words would make every pair a
 *    candidate and cannot make a pair a duplicate on their own anyway.
 * 3. Score candidate pairs with the full similarity and join pairs at or above the
 *    threshold with union-find, strongest first. Plain single linkage chains (A~B, B~C but
 *    A≁C, and on through a whole sector), so two groups merge only when their founding
 *    members are near-duplicates as well; within a group every member is then linked to
 *    the others through at most a few strong pairs.
 * 4. Keep clusters spanning at least two organisations: one organisation's own look-alike
 *    needs are its business, and they appear only as members of a cross-organisation cluster.
 */
import { defaultSegmenter, type Segmenter } from '../segment.js';
import type { SynonymTable } from '../synonyms.js';
import { DocumentFrequencies } from './document-frequencies.js';
import { compile, termOf } from './compiled.js';
import { CLASS_WEIGHT, listingProfile, type ListingProfile } from './profile.js';
import { compareProfiles, DEFAULT_DUPLICATE_THRESHOLD, resolveDeps } from './similarity.js';

export interface ClusterItem {
  id: string;
  organizationId: string;
  title: string;
  text: string;
}

export interface ClusterOptions {
  segmenter?: Segmenter;
  synonyms?: SynonymTable | null;
  /** Corpus frequencies; by default they are counted over the items. */
  df?: DocumentFrequencies;
  /** Minimum pair similarity (default DEFAULT_DUPLICATE_THRESHOLD). */
  threshold?: number;
  /** Candidates scored per item (default 10). */
  candidatesPerItem?: number;
  /** Terms held by more than this share of items do not generate candidates (default 0.02, but at least 20 items). */
  maxTermShare?: number;
  /** Also report clusters within one organisation (default false). */
  includeSameOrganisation?: boolean;
}

export interface ClusterPair {
  a: string;
  b: string;
  similarity: number;
  sharedTerms: string[];
}

export interface DuplicateCluster {
  /** Member ids, representative first, then in input order. */
  ids: string[];
  /** Distinct organisations of the members. */
  organizationIds: string[];
  /** The member most similar to the others (highest sum of its pair scores). */
  representative: string;
  /** The scored pairs that linked the cluster, best first. */
  pairs: ClusterPair[];
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!; // path halving
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a),
      rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Candidate pairs: for each item, the `perItem` others with the highest partial dot product
 * over rare meaningful terms. Postings are built once in compressed rows over term ids.
 */
function candidatePairs(
  profiles: readonly ListingProfile[],
  df: DocumentFrequencies,
  maxDf: number,
  perItem: number,
): Array<[number, number]> {
  const n = profiles.length;
  const compiled = profiles.map((p) => compile(p, df));
  // Blocking terms per item: positions into its compiled arrays.
  const keep = compiled.map((c) => {
    const out: number[] = [];
    for (let k = 0; k < c.ids.length; k++) {
      if (c.cls[k]! >= CLASS_WEIGHT.technique && df.df(termOf(c.ids[k]!)) <= maxDf) out.push(k);
    }
    return out;
  });
  const rowOf = new Map<number, number>();
  const counts: number[] = [];
  keep.forEach((ks, i) => {
    for (const k of ks) {
      const id = compiled[i]!.ids[k]!;
      let r = rowOf.get(id);
      if (r === undefined) {
        r = counts.length;
        rowOf.set(id, r);
        counts.push(0);
      }
      counts[r]!++;
    }
  });
  const start = new Int32Array(counts.length + 1);
  for (let r = 0; r < counts.length; r++) start[r + 1] = start[r]! + counts[r]!;
  const fill = start.slice(0, counts.length);
  const docs = new Int32Array(start[counts.length]!);
  const weights = new Float64Array(docs.length);
  const itemRows = keep.map((ks, i) =>
    ks.map((k) => {
      const r = rowOf.get(compiled[i]!.ids[k]!)!;
      const at = fill[r]!++;
      docs[at] = i;
      weights[at] = compiled[i]!.w[k]!;
      return [r, compiled[i]!.w[k]!] as const;
    }),
  );

  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const topIds = new Int32Array(perItem);
  const topVal = new Float64Array(perItem);
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    let nt = 0;
    for (const [r, w] of itemRows[i]!) {
      for (let at = start[r]!; at < start[r + 1]!; at++) {
        const j = docs[at]!;
        if (j === i) continue;
        if (acc[j] === 0) touched[nt++] = j;
        acc[j] = acc[j]! + w * weights[at]!;
      }
    }
    // Top perItem by partial score (insertion into a small sorted buffer).
    let size = 0;
    for (let t = 0; t < nt; t++) {
      const j = touched[t]!,
        v = acc[j]!;
      acc[j] = 0;
      if (size === perItem && v <= topVal[size - 1]!) continue;
      let pos = size < perItem ? size++ : size - 1;
      while (pos > 0 && topVal[pos - 1]! < v) {
        topVal[pos] = topVal[pos - 1]!;
        topIds[pos] = topIds[pos - 1]!;
        pos--;
      }
      topVal[pos] = v;
      topIds[pos] = j;
    }
    for (let t = 0; t < size; t++) {
      const j = topIds[t]!;
      const a = Math.min(i, j),
        b = Math.max(i, j);
      const key = a * n + b;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([a, b]);
    }
  }
  return pairs;
}

/**
 * Identical texts, paired directly: boilerplate-only copies have no rare terms to block on.
 * Each copy is paired with the first one (i < j), which is enough for union-find.
 */
function identicalPairs(profiles: readonly ListingProfile[]): Array<[number, number]> {
  const first = new Map<string, number>();
  const out: Array<[number, number]> = [];
  profiles.forEach((p, i) => {
    const f = first.get(p.key);
    if (f === undefined) first.set(p.key, i);
    else out.push([f, i]);
  });
  return out;
}

export function clusterNearDuplicates(items: readonly ClusterItem[], opts: ClusterOptions = {}): DuplicateCluster[] {
  const threshold = opts.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const deps = resolveDeps({ segmenter: opts.segmenter ?? defaultSegmenter(), synonyms: opts.synonyms, df: opts.df });
  const profiles = items.map((it) => listingProfile(it, deps));
  let df = opts.df;
  if (!df) {
    df = new DocumentFrequencies();
    for (const p of profiles) df.add(p.terms.keys());
  }
  const maxDf = Math.max(20, Math.ceil((opts.maxTermShare ?? 0.02) * items.length));

  // Strongest pairs first. Two groups merge only when their first members (the pair that
  // founded each group) are near-duplicates too, so a cluster cannot drift through a chain
  // of each-a-bit-different listings (停车 → 学校周边停车 → 学校周边安防 …).
  const scored: Array<{ i: number; j: number; similarity: number }> = [];
  const done = new Set<number>();
  for (const [i, j] of [...candidatePairs(profiles, df, maxDf, opts.candidatesPerItem ?? 10), ...identicalPairs(profiles)]) {
    const key = i * items.length + j;
    if (done.has(key)) continue;
    done.add(key);
    const similarity = compareProfiles(profiles[i]!, profiles[j]!, df, 0).similarity;
    if (similarity >= threshold) scored.push({ i, j, similarity });
  }
  scored.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const uf = new UnionFind(items.length);
  const founder = new Int32Array(items.length);
  const size = new Int32Array(items.length).fill(1);
  for (let i = 0; i < items.length; i++) founder[i] = i;
  const edges: typeof scored = [];
  for (const e of scored) {
    const ri = uf.find(e.i),
      rj = uf.find(e.j);
    if (ri !== rj) {
      const fi = founder[ri]!,
        fj = founder[rj]!;
      const linked = (fi === e.i && fj === e.j) || compareProfiles(profiles[fi]!, profiles[fj]!, df, 0).similarity >= threshold;
      if (!linked) continue;
      // The larger group's founder leads the merged group (ties: the group of the pair's first item).
      const lead = size[ri]! >= size[rj]! ? fi : fj;
      uf.union(ri, rj);
      const r = uf.find(ri);
      founder[r] = lead;
      size[r] = size[ri]! + size[rj]!;
    }
    edges.push(e);
  }

  const members = new Map<number, number[]>();
  for (const e of edges) {
    for (const x of [e.i, e.j]) {
      const r = uf.find(x);
      let m = members.get(r);
      if (!m) {
        m = [];
        members.set(r, m);
      }
      if (!m.includes(x)) m.push(x);
    }
  }
  const clusterEdges = new Map<number, typeof edges>();
  for (const e of edges) {
    const r = uf.find(e.i);
    let list = clusterEdges.get(r);
    if (!list) {
      list = [];
      clusterEdges.set(r, list);
    }
    list.push(e);
  }

  const out: DuplicateCluster[] = [];
  for (const [root, idx] of members) {
    const orgs = [...new Set(idx.map((i) => items[i]!.organizationId))];
    if (orgs.length < 2 && !opts.includeSameOrganisation) continue;
    const es = clusterEdges.get(root)!;
    const strength = new Map<number, number>();
    for (const e of es) {
      strength.set(e.i, (strength.get(e.i) ?? 0) + e.similarity);
      strength.set(e.j, (strength.get(e.j) ?? 0) + e.similarity);
    }
    idx.sort((a, b) => a - b);
    const rep = idx.reduce((best, i) => (strength.get(i)! > strength.get(best)! ? i : best), idx[0]!);
    out.push({
      ids: [rep, ...idx.filter((i) => i !== rep)].map((i) => items[i]!.id),
      organizationIds: orgs,
      representative: items[rep]!.id,
      pairs: es
        .sort((x, y) => y.similarity - x.similarity)
        .map((e) => ({
          a: items[e.i]!.id,
          b: items[e.j]!.id,
          similarity: e.similarity,
          sharedTerms: compareProfiles(profiles[e.i]!, profiles[e.j]!, df).sharedTerms,
        })),
    });
  }
  out.sort((x, y) => y.ids.length - x.ids.length || y.pairs[0]!.similarity - x.pairs[0]!.similarity);
  return out;
}
