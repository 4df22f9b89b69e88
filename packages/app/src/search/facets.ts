/**
 * The facets of the search page and each listing's values for them, worked out once per
 * listing object.
 */
import { budgetBand, maturityBand, SEARCH_FACETS } from '@scenebridge/domain';
import type { ListingFields } from './listing-index.js';

export const FACETS = SEARCH_FACETS;
export type Facet = (typeof FACETS)[number];
/** The values a listing has for a facet (several for technology fields and served sectors). */
export function facetValues(f: ListingFields, facet: Facet): readonly string[] {
  return facetTable(f)[FACET_INDEX[facet]]!;
}

export const FACET_INDEX = Object.fromEntries(FACETS.map((f, i) => [f, i])) as Record<Facet, number>;
const NONE: readonly string[] = [];
/** Each listing's facet values, worked out once per listing object (the index replaces the object on change). */
const tables = new WeakMap<ListingFields, ReadonlyArray<readonly string[]>>();

export function facetTable(f: ListingFields): ReadonlyArray<readonly string[]> {
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
