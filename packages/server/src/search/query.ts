/**
 * One search over the index: visibility, filters, disjunctive facet counts, sort. Facet counts
 * for a facet are taken with every filter applied except that facet's own, so the count next
 * to a value is the number of results the user gets by ticking it (and a ticked value's count
 * is the result total).
 */
import {
  budgetBand, isPublishedState, maturityBand, type BudgetBand, type ListType, type MaturityBand,
} from '@scenebridge/domain';
import { TopK, type SearchEngine } from '@scenebridge/search';
import type { ListingFields } from './listing-index.js';

export const FACETS = ['listType', 'sector', 'techField', 'region', 'status', 'batch', 'budget', 'maturity'] as const;
export type Facet = (typeof FACETS)[number];
export type SortOrder = 'relevance' | 'newest' | 'deadline';

export interface SearchFilters {
  listType?: ListType[];
  sector?: string[];
  techField?: string[];
  region?: string[];
  status?: string[];
  batch?: string[];
  budget?: BudgetBand[];
  maturity?: MaturityBand[];
}

/** Who is asking, reduced to what decides which listings they may see. */
export interface Viewer {
  /** Operators and brokers see every submitted listing; others see published ones and their own. */
  seesAll: boolean;
  organizationId: string | null;
}

export function canSeeListing(viewer: Viewer, f: Pick<ListingFields, 'status' | 'organizationId'>): boolean {
  if (viewer.seesAll) return true;
  if (viewer.organizationId !== null && f.organizationId === viewer.organizationId) return true;
  return isPublishedState(f.status);
}

/** The values a listing has for a facet (several for technology fields and served sectors). */
export function facetValues(f: ListingFields, facet: Facet): readonly string[] {
  return facetTable(f)[FACET_INDEX[facet]]!;
}

const FACET_INDEX = Object.fromEntries(FACETS.map((f, i) => [f, i])) as Record<Facet, number>;
const NONE: readonly string[] = [];
/** Each listing's facet values, worked out once per listing object (the index replaces the object on change). */
const tables = new WeakMap<ListingFields, ReadonlyArray<readonly string[]>>();

function facetTable(f: ListingFields): ReadonlyArray<readonly string[]> {
  let t = tables.get(f);
  if (!t) {
    t = [
      [f.listType],
      f.listType === 'capability' ? f.sectors : f.sector ? [f.sector] : NONE,
      f.techFields,
      f.regionCode ? [f.regionCode] : NONE,
      [f.status],
      f.batchId ? [f.batchId] : NONE,
      f.listType === 'scenario_need' ? [budgetBand(f.budgetMin, f.budgetMax)] : NONE,
      f.listType === 'capability' ? [maturityBand(f.maturityTrl)] : NONE,
    ];
    tables.set(f, t);
  }
  return t;
}

export interface RankedHit {
  id: string;
  score: number;
  fields: ListingFields;
}

export interface SearchOutcome {
  hits: RankedHit[];
  total: number;
  facets: Record<Facet, Array<{ value: string; count: number }>>;
  /** Titles of the batches in the batch facet. */
  batchTitles: Map<string, string>;
  /** More than QUERY_WINDOW listings matched the query: the result set is the best of them. */
  capped: boolean;
}

function sortKey(f: ListingFields): number {
  return f.publishedAt ?? f.submittedAt ?? f.createdAt;
}

function comparator(order: SortOrder): (a: RankedHit, b: RankedHit) => number {
  const byNewest = (a: RankedHit, b: RankedHit) => sortKey(b.fields) - sortKey(a.fields) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (order === 'newest') return byNewest;
  if (order === 'deadline') {
    return (a, b) => {
      const da = a.fields.deadline ?? Infinity, db = b.fields.deadline ?? Infinity;
      return da === db ? byNewest(a, b) : da < db ? -1 : 1;
    };
  }
  return (a, b) => b.score - a.score || byNewest(a, b);
}

/** The numeric key `comparator` orders by first (larger ranks first), for top-k selection. */
function primaryKey(order: SortOrder, h: RankedHit): number {
  if (order === 'newest') return sortKey(h.fields);
  if (order === 'deadline') return -(h.fields.deadline ?? Number.MAX_SAFE_INTEGER);
  return h.score;
}

/** Documents that match only through scattered characters are noise, not results. */
const MIN_BIGRAM_COVERAGE = 0.5;
/**
 * Hits scoring under this share of the best hit are left out: they share one common word with
 * the query and nothing else. Facet counts and totals are taken over the same, kept set.
 */
export const RELATIVE_SCORE_CUTOFF = 0.15;

/**
 * With a query, the result set is the best QUERY_WINDOW matches (`capped` says when more
 * matched): the engine's top-k keeps that fast at any corpus size, and facet counts are taken
 * over the same set, so they agree with what can be paged through.
 */
export const QUERY_WINDOW = 1000;

function passesActive(table: ReadonlyArray<readonly string[]>, active: ReadonlyArray<{ index: number; wanted: Set<string> }>, skip: number): boolean {
  for (let i = 0; i < active.length; i++) {
    if (i === skip) continue;
    const { index, wanted } = active[i]!;
    if (!table[index]!.some((v) => wanted.has(v))) return false;
  }
  return true;
}

export function runSearch(
  engine: SearchEngine<ListingFields>, viewer: Viewer, q: string, filters: SearchFilters, order: SortOrder, window = 10_000,
  queryWindow = QUERY_WINDOW,
): SearchOutcome {
  const active = FACETS.filter((f) => (filters[f]?.length ?? 0) > 0)
    .map((f) => ({ facet: f, index: FACET_INDEX[f], wanted: new Set<string>(filters[f]!) }));
  const countList = FACETS.map(() => new Map<string, number>());
  const batchTitles = new Map<string, string>();
  const count = (fi: number, f: ListingFields) => {
    const m = countList[fi]!;
    for (const v of facetTable(f)[fi]!) m.set(v, (m.get(v) ?? 0) + 1);
    if (f.batchId && f.batchTitle) batchTitles.set(f.batchId, f.batchTitle);
  };
  const query = q.trim();
  let kept: RankedHit[];
  let capped = false;

  if (query) {
    const searchWith = (skip: number) => engine.search(query, {
      limit: queryWindow, minBigramCoverage: MIN_BIGRAM_COVERAGE, minRelativeScore: RELATIVE_SCORE_CUTOFF, preferWordMatches: true,
      filter: (d) => !!d.fields && canSeeListing(viewer, d.fields) && passesActive(facetTable(d.fields), active, skip),
    }).map((h) => ({ id: h.id, score: h.score, fields: h.fields! }));
    kept = searchWith(-1);
    capped = kept.length === queryWindow;
    const activeIndexes = new Set(active.map((a) => a.index));
    for (const h of kept) for (let fi = 0; fi < FACETS.length; fi++) if (!activeIndexes.has(fi)) count(fi, h.fields);
    // A ticked facet is counted over the matches of every other filter (what ticking more of it gives).
    active.forEach((a, i) => { for (const h of searchWith(i)) count(a.index, h.fields); });
  } else {
    kept = [];
    engine.forEach((d) => {
      const f = d.fields;
      if (!f || !canSeeListing(viewer, f)) return;
      const table = facetTable(f);
      // Counted toward a facet only if it fails no active filter but (possibly) that facet's own.
      let failed = -1;
      let failures = 0;
      for (let i = 0; i < active.length && failures < 2; i++) {
        if (!table[active[i]!.index]!.some((v) => active[i]!.wanted.has(v))) { failures++; failed = i; }
      }
      if (failures > 1) return;
      for (let fi = 0; fi < FACETS.length; fi++) if (failures === 0 || active[failed]!.index === fi) count(fi, f);
      if (failures === 0) kept.push({ id: d.id, score: 0, fields: f });
    });
  }

  const effective: SortOrder = query ? order : order === 'relevance' ? 'newest' : order;
  let ordered = kept;
  if (kept.length > window) {
    // Only the first `window` are ever paged through: select them, then sort those.
    const top = new TopK(window);
    for (let i = 0; i < kept.length; i++) top.push(primaryKey(effective, kept[i]!), i);
    ordered = top.sorted().map((x) => kept[x.doc]!);
  }
  ordered.sort(comparator(effective));
  const facets = Object.fromEntries(FACETS.map((f, i) => [f, [...countList[i]!].map(([value, c]) => ({ value, count: c }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))])) as SearchOutcome['facets'];
  return { hits: ordered, total: kept.length, capped, facets, batchTitles };
}
