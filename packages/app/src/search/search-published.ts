/**
 * The public portal's search: the app's engine, filters, facet counts and highlighting, over
 * published listings only. The viewer is fixed, not the caller's, so a signed-in operator who
 * opens the portal sees what every visitor sees; a listing that is not (or no longer) in a
 * published state is neither a hit nor counted in a facet.
 */
import { isPublishedState, type ListType } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { highlightTerms } from './highlight.js';
import type { Viewer } from './policy.js';
import { runSearch, type SearchFilters, type SearchOutcome } from './query.js';
import { MAX_RESULT_WINDOW } from './search-listings.js';

export const PUBLISHED_ONLY: Viewer = { seesAll: false, organizationId: null, sees: (l) => isPublishedState(l.status) };

export interface PublishedSearchParams {
  q: string;
  /** One list (the portal's pages), or both (the public JSON API without a list type). */
  listType?: ListType;
  sector?: string;
  techField?: string;
  regionCode?: string;
  batchId?: string;
  offset: number;
  limit: number;
}

export interface PublishedSearchResult {
  /** Listing (submission) ids of the page, best first. */
  ids: string[];
  total: number;
  /** More matched than the engine keeps for a query: the total is of the best of them. */
  capped: boolean;
  /** Counts per facet value, each facet counted with the other filters applied. */
  facets: Pick<SearchOutcome['facets'], 'sector' | 'techField' | 'region' | 'batch'>;
  /** Query words to mark in what is shown (lower-cased, longest first). */
  terms: string[];
}

const one = <T extends string>(v: T | undefined) => (v ? [v] : undefined);

export async function searchPublished({
  services,
  params,
}: {
  services: Services;
  params: PublishedSearchParams;
}): Promise<PublishedSearchResult> {
  const { engine } = await services.search.current();
  const filters: SearchFilters = {
    listType: one(params.listType),
    sector: one(params.sector),
    techField: one(params.techField),
    region: one(params.regionCode),
    batch: one(params.batchId),
  };
  const outcome = runSearch(engine, PUBLISHED_ONLY, params.q, filters, 'relevance', MAX_RESULT_WINDOW);
  const terms = params.q.trim() ? highlightTerms(engine.queryTerms(params.q, { nearMiss: false }).map((t) => t.term)) : [];
  const { sector, techField, region, batch } = outcome.facets;
  return {
    ids: outcome.ids.slice(params.offset, params.offset + params.limit),
    total: outcome.total,
    capped: outcome.capped,
    facets: { sector, techField, region, batch },
    terms,
  };
}
