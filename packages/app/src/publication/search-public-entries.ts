/**
 * The portal's keyword search: the search engine finds and ranks published listings (as in the
 * app: words, synonyms, near misses), and the page shows their current published entries, the
 * frozen text of the batch, with the query's words marked in it.
 */
import { currentEntriesOfSubmissions, type BatchEntryRow } from '@scenebridge/db';
import type { ListType } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { markTerms, searchPublished, snippet, type PublishedSearchResult, type TextPart } from '../search/index.js';

export interface PublicEntrySearch {
  q: string;
  listType: ListType;
  sector?: string;
  techField?: string;
  regionCode?: string;
  batchId?: string;
  offset: number;
  limit: number;
}

export interface PublicEntryHit {
  entry: BatchEntryRow;
  batchTitle: string;
  name: TextPart[];
  snippet: TextPart[];
}

export async function searchPublicEntries({
  services,
  query,
}: {
  services: Services;
  query: PublicEntrySearch;
}): Promise<Omit<PublishedSearchResult, 'ids'> & { items: PublicEntryHit[] }> {
  const { ids, ...found } = await searchPublished({ services, params: query });
  const items = (await entriesOfListings(services, ids)).map((r): PublicEntryHit => ({
    entry: r.entry,
    batchTitle: r.batchTitle,
    name: markTerms(r.entry.name, found.terms),
    snippet: snippet(r.entry.description, found.terms),
  }));
  return { ...found, items };
}

/**
 * The current published entries of some listings (search hits), in the order of `ids`. One entry
 * per listing: the newest, should a listing ever have been published twice. A listing whose
 * entry is not readable (yet) is skipped, as search skips one that left the index.
 */
export async function entriesOfListings(
  services: Services,
  ids: readonly string[],
): Promise<Array<{ entry: BatchEntryRow; batchTitle: string }>> {
  const rows = await currentEntriesOfSubmissions(services.db, [...ids]);
  const bySubmission = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!bySubmission.has(r.entry.submissionId)) bySubmission.set(r.entry.submissionId, r);
  return ids.flatMap((id) => {
    const r = bySubmission.get(id);
    return r ? [r] : [];
  });
}
