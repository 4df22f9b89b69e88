/**
 * Profiles in array form for fast comparison: canonical terms become small integers, kept
 * sorted with their IDF-weighted values, so two listings are compared by merge joins instead
 * of hash lookups (clustering compares about 100,000 pairs). A compiled profile belongs to
 * one corpus state and is rebuilt when the DocumentFrequencies change.
 */
import type { DocumentFrequencies } from './document-frequencies.js';
import type { ListingProfile } from './profile.js';

const termIds = new Map<string, number>();
const termById: string[] = [];

/** Process-wide interning of canonical terms (the vocabulary grows slowly and is never freed). */
export function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termById.length;
    termIds.set(term, id);
    termById.push(term);
  }
  return id;
}

export function termOf(id: number): string {
  return termById[id]!;
}

export interface CompiledProfile {
  df: DocumentFrequencies;
  version: number;
  /** Term ids ascending, with class × tf × idf and the class alone. */
  ids: Int32Array;
  w: Float64Array;
  cls: Float32Array;
  norm: number;
  titleIds: Int32Array;
  titleW: Float64Array;
  titleTotal: number;
  /** Weak relations (term, related term, weight), ascending by term. */
  softT: Int32Array;
  softU: Int32Array;
  softS: Float64Array;
}

/**
 * Unshared mass added to every vector (as one more dimension) and to every title's total:
 * about one content word of ordinary rarity. Without it, cosine normalisation makes two
 * listings made of nothing but boilerplate (建设智能化平台，提升效率) look alike, because
 * their tiny generic weights are compared only with each other. A listing with real content
 * barely notices it.
 */
export const MASS_FLOOR = 3;
export const TITLE_MASS_FLOOR = 1.5;

const cache = new WeakMap<ListingProfile, CompiledProfile>();

function sortedVector(m: Map<string, number>, df: DocumentFrequencies, cls?: Map<string, number>) {
  const rows = [...m].map(([t, w]) => [termId(t), w * df.idf(t), cls?.get(t) ?? 0] as const).sort((x, y) => x[0] - y[0]);
  return {
    ids: Int32Array.from(rows, (r) => r[0]),
    w: Float64Array.from(rows, (r) => r[1]),
    cls: Float32Array.from(rows, (r) => r[2]),
  };
}

export function compile(p: ListingProfile, df: DocumentFrequencies): CompiledProfile {
  const hit = cache.get(p);
  if (hit && hit.df === df && hit.version === df.version) return hit;
  const all = sortedVector(p.terms, df, p.classes);
  const title = sortedVector(p.titleTerms, df);
  let n = MASS_FLOOR * MASS_FLOOR;
  for (const x of all.w) n += x * x;
  let titleTotal = p.titleTerms.size > 0 ? TITLE_MASS_FLOOR : 0;
  for (const x of title.w) titleTotal += x;
  const soft = p.soft.map(([t, u, s]) => [termId(t), termId(u), s] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const c: CompiledProfile = {
    df,
    version: df.version,
    ids: all.ids,
    w: all.w,
    cls: all.cls,
    norm: Math.sqrt(n),
    titleIds: title.ids,
    titleW: title.w,
    titleTotal,
    softT: Int32Array.from(soft, (r) => r[0]),
    softU: Int32Array.from(soft, (r) => r[1]),
    softS: Float64Array.from(soft, (r) => r[2]),
  };
  cache.set(p, c);
  return c;
}

/** Index of `id` in ascending `ids`, or -1. */
export function indexOf(ids: Int32Array, id: number): number {
  let lo = 0,
    hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
