/**
 * One search over the index: visibility, filters, disjunctive facet counts, sort. Facet counts
 * for a facet are taken with every filter applied except that facet's own, so the count next
 * to a value is the number of results the user gets by ticking it (and a ticked value's count
 * is the result total).
 */
import {
  budgetBand, isPublishedState, maturityBand, type BudgetBand, type ListType, type MaturityBand,
} from '@scenebridge/domain';
import type { SearchEngine } from '@scenebridge/search';
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
export function facetValues(f: ListingFields, facet: Facet): string[] {
  switch (facet) {
    case 'listType': return [f.listType];
    case 'sector': return f.listType === 'capability' ? f.sectors : f.sector ? [f.sector] : [];
    case 'techField': return f.techFields;
    case 'region': return f.regionCode ? [f.regionCode] : [];
    case 'status': return [f.status];
    case 'batch': return f.batchId ? [f.batchId] : [];
    case 'budget': return f.listType === 'scenario_need' ? [budgetBand(f.budgetMin, f.budgetMax)] : [];
    case 'maturity': return f.listType === 'capability' ? [maturityBand(f.maturityTrl)] : [];
  }
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

/** Documents that match only through scattered characters are noise, not results. */
const MIN_BIGRAM_COVERAGE = 0.5;

export function runSearch(
  engine: SearchEngine<ListingFields>, viewer: Viewer, q: string, filters: SearchFilters, order: SortOrder,
): SearchOutcome {
  const active = FACETS.filter((f) => (filters[f]?.length ?? 0) > 0).map((f) => ({ facet: f, wanted: new Set<string>(filters[f]!) }));
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  const hits: RankedHit[] = [];
  const batchTitles = new Map<string, string>();

  const consider = (id: string, score: number, fields: ListingFields | undefined) => {
    if (!fields || !canSeeListing(viewer, fields)) return;
    // Which active filters this listing fails: counted toward a facet only if it fails none but that one.
    let failed = -1;
    let failures = 0;
    for (let i = 0; i < active.length; i++) {
      const { facet, wanted } = active[i]!;
      if (!facetValues(fields, facet).some((v) => wanted.has(v))) { failures++; failed = i; if (failures > 1) return; }
    }
    for (const facet of FACETS) {
      if (failures === 1 && active[failed]!.facet !== facet) continue;
      const m = counts[facet];
      for (const v of facetValues(fields, facet)) m.set(v, (m.get(v) ?? 0) + 1);
    }
    if (fields.batchId && fields.batchTitle) batchTitles.set(fields.batchId, fields.batchTitle);
    if (failures === 0) hits.push({ id, score, fields });
  };

  const query = q.trim();
  if (query) {
    engine.search(query, { limit: 1, minBigramCoverage: MIN_BIGRAM_COVERAGE, collect: (h) => consider(h.id, h.score, h.fields) });
  } else {
    engine.forEach((d) => consider(d.id, 0, d.fields));
  }
  hits.sort(comparator(query ? order : order === 'relevance' ? 'newest' : order));
  const facets = Object.fromEntries(FACETS.map((f) => [f, [...counts[f]].map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))])) as SearchOutcome['facets'];
  return { hits, total: hits.length, facets, batchTitles };
}
