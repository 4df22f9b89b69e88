import { listPublicEntries, type PublicEntryQuery } from '@scenebridge/db';
import type { ListType } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { searchPublished } from '../search/index.js';
import { cachedAnswer } from './answer-cache.js';
import { entriesOfListings } from './search-public-entries.js';

const keyOf = (q: PublicEntryQuery) =>
  JSON.stringify([q.listType, q.sector, q.techField, q.regionCode, q.batchId, q.text, q.limit, q.offset]);

/** Current published entries (read-only: the answer may be shared with other callers). */
export const publicEntries = ({ services, query }: { services: Services; query: PublicEntryQuery }) =>
  cachedAnswer(services, `entries|${keyOf(query)}`, () => listPublicEntries(services.db, query));

export type PublicEntryFilters = Omit<PublicEntryQuery, 'text' | 'limit' | 'offset'>;

/**
 * The public JSON API's entry list. A keyword goes through the search engine, as the portal's
 * and the app's searches do (words, synonyms, everyday wording; ranked by relevance); without
 * one, the entries come in published order.
 */
export function publicEntriesFor({
  services,
  filters,
  q,
  page,
  pageSize,
}: {
  services: Services;
  filters: PublicEntryFilters;
  q?: string;
  page: number;
  pageSize: number;
}) {
  const offset = (page - 1) * pageSize;
  if (!q) return publicEntries({ services, query: { ...filters, limit: pageSize, offset } });
  const key = JSON.stringify([
    filters.listType,
    filters.sector,
    filters.techField,
    filters.regionCode,
    filters.batchId,
    q,
    pageSize,
    offset,
  ]);
  return cachedAnswer(services, `entries-search|${key}`, async () => {
    const found = await searchPublished({
      services,
      params: { ...filters, listType: filters.listType as ListType | undefined, q, offset, limit: pageSize },
    });
    return { items: await entriesOfListings(services, found.ids), total: found.total };
  });
}
