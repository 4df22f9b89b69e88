/**
 * Near-duplicates of a draft among listings already indexed in a SearchEngine (submitted or
 * published, any organisation or batch): the engine finds candidates cheaply, then each
 * candidate is re-scored with nearDuplicateSimilarity, which is slower but tells "same need"
 * from "same words".
 *
 * Candidates come from a query of the title plus the leading part of the description: the
 * opening sentences carry the object and the problem, later ones are mostly boilerplate
 * (data openness, expected outcomes), and a long query only slows the engine down.
 */
import type { SearchEngine, SearchOptions } from '../engine.js';
import { normalizeText } from '../normalize.js';
import type { SynonymTable } from '../synonyms.js';
import type { DocumentFrequencies } from './document-frequencies.js';
import { listingProfile, type Listing, type ListingProfile, type ProfileDeps } from './profile.js';
import { compareProfiles, DEFAULT_DUPLICATE_THRESHOLD, resolveDeps } from './similarity.js';

export interface NearDuplicateOptions<F> {
  /** Title and text of an indexed listing; candidates it does not know are skipped. */
  textOf: (id: string) => Listing | undefined;
  /** Minimum similarity (default DEFAULT_DUPLICATE_THRESHOLD, 0.36). */
  threshold?: number;
  /** Most results returned (default 10). */
  limit?: number;
  /** How many search hits are re-scored (default 50). */
  candidates?: number;
  /** Ids never returned, such as the item itself. */
  excludeIds?: Iterable<string>;
  /** Restricts candidates, as SearchEngine.search's filter (list type, state …). */
  filter?: SearchOptions<F>['filter'];
  /** Characters of the description added to the title in the candidate query (default 160). */
  queryChars?: number;
  /** Corpus document frequencies for IDF (see DocumentFrequencies). */
  df?: DocumentFrequencies;
  /** Synonym table for folding words (default: search synonyms plus the duplicate groups). */
  synonyms?: SynonymTable | null;
  /** Candidates' profiles kept between calls (see ProfileCache). */
  profiles?: ProfileCache;
}

/**
 * Candidates' profiles, kept by id: profiling segments the whole text, which is most of a
 * check's cost when the same listings come up as candidates again and again. An entry is
 * reused only for the same title, text, segmenter and synonym table, so an edited listing or a changed
 * vocabulary is profiled afresh. Least recently used entries leave first.
 */
export class ProfileCache {
  private readonly entries = new Map<
    string,
    { title: string; text: string; segmenter: unknown; synonyms: unknown; profile: ListingProfile }
  >();
  constructor(private readonly maxEntries = 5_000) {}

  get size(): number {
    return this.entries.size;
  }

  profileOf(id: string, listing: Listing, deps: ProfileDeps): ListingProfile {
    const title = listing.title ?? '',
      text = listing.text ?? '';
    const hit = this.entries.get(id);
    this.entries.delete(id);
    const fresh =
      hit && hit.title === title && hit.text === text && hit.segmenter === deps.segmenter && hit.synonyms === deps.synonyms
        ? hit
        : { title, text, segmenter: deps.segmenter, synonyms: deps.synonyms, profile: listingProfile(listing, deps) };
    this.entries.set(id, fresh);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return fresh.profile;
  }
}

export interface NearDuplicate {
  id: string;
  similarity: number;
  reasons: {
    /** Meaningful terms both listings use (as the draft wrote them), strongest first. */
    sharedTerms: string[];
    /** The three signals the similarity blends, for display or debugging. */
    signals: { words: number; title: number; bigrams: number };
  };
}

/** Candidates reached only through character bigrams must cover this share of the query's bigrams. */
const MIN_BIGRAM_COVERAGE = 0.3;

export function candidateQuery(item: Listing, queryChars = 160): string {
  const text = normalizeText(item.text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${item.title ?? ''} ${text.slice(0, queryChars)}`.trim();
}

export function findNearDuplicates<F>(engine: SearchEngine<F>, item: Listing, opts: NearDuplicateOptions<F>): NearDuplicate[] {
  const threshold = opts.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const limit = opts.limit ?? 10;
  const query = candidateQuery(item, opts.queryChars);
  if (!query || limit <= 0) return [];
  const exclude = new Set(opts.excludeIds ?? []);
  const userFilter = opts.filter;
  const filter: SearchOptions<F>['filter'] = (doc) => !exclude.has(doc.id) && (!userFilter || userFilter(doc));

  const hits = engine.search(query, {
    limit: opts.candidates ?? 50,
    filter,
    expand: true,
    nearMiss: true,
    minBigramCoverage: MIN_BIGRAM_COVERAGE,
  });
  const deps = resolveDeps({ segmenter: engine.segmenter, synonyms: opts.synonyms, df: opts.df });
  const mine = listingProfile(item, deps);
  const out: NearDuplicate[] = [];
  for (const hit of hits) {
    const other = opts.textOf(hit.id);
    if (!other) continue;
    const theirs = opts.profiles ? opts.profiles.profileOf(hit.id, other, deps) : listingProfile(other, deps);
    const d = compareProfiles(mine, theirs, deps.df);
    if (d.similarity < threshold) continue;
    out.push({
      id: hit.id,
      similarity: d.similarity,
      reasons: { sharedTerms: d.sharedTerms, signals: { words: d.words, title: d.title, bigrams: d.bigrams } },
    });
  }
  out.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  return out.slice(0, limit);
}
