/** Search (检索) and classification: the part of /api/v1 this feature calls. */
import { enc, get, post, type Query } from '../../shared/http';
import type { Classification, Listing, SearchResult } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['search']. */
export const searchKeys = {
  all: ['search'] as const,
  search: (query: Query) => ['search', 'results', query] as const,
  listing: (id: string) => ['search', 'listing', id] as const,
};

export const searchApi = {
  search: (query: Query) => get<SearchResult>('/search', query),
  listing: (id: string) => get<Listing>(`/listings/${enc(id)}`),
  classify: (title: string, description: string) => post<Classification>('/classify', { title, description }),
};
