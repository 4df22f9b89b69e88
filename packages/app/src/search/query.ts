/**
 * One search over the index: visibility, filters, disjunctive facet counts, sort. Facet counts
 * for a facet are taken with every filter applied except that facet's own, so the count next
 * to a value is the number of results the user gets by ticking it (and a ticked value's count
 * is the result total).
 */
import type { BudgetBand, ListType, MaturityBand } from '@scenebridge/domain';
import { TopK, type SearchEngine } from '@scenebridge/search';
import { docTableOf, hasAny, type DocTable } from './doc-table.js';
import { FACETS, FACET_INDEX, type Facet } from './facets.js';
import type { ListingFields } from './listing-index.js';
import type { Viewer } from './policy.js';

export { FACETS, facetValues, type Facet } from './facets.js';

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

export interface SearchOutcome {
  /** The results in order (ids), with their scores (0 without a query). */
  ids: string[];
  scores: Float64Array;
  total: number;
  facets: Record<Facet, Array<{ value: string; count: number }>>;
  /** Titles of the batches in the batch facet. */
  batchTitles: Map<string, string>;
  /** More than QUERY_WINDOW listings matched the query: the result set is the best of them. */
  capped: boolean;
}

/**
 * Puts the selected documents (best first by their key: the score with a query, else the sort
 * key) in the order asked for. Ties, common among template-like listings, go newest first, then
 * by id, so that the order never depends on document numbers.
 */
function inOrder(
  selected: { docs: Int32Array; scores: Float64Array },
  order: SortOrder,
  scored: boolean,
  table: DocTable,
  engine: SearchEngine<ListingFields>,
): { docs: Int32Array; scores: Float64Array } {
  const { docs, scores } = selected;
  const n = docs.length;
  const byId = (a: number, b: number) => {
    const x = engine.idAt(a),
      y = engine.idAt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const byNewest = (a: number, b: number) => table.newestKey(b) - table.newestKey(a) || byId(a, b);
  const byDeadline = (a: number, b: number) => {
    const x = table.deadlineKey(a),
      y = table.deadlineKey(b);
    return x === y ? byNewest(a, b) : x < y ? -1 : 1;
  };
  if (scored && order !== 'relevance') {
    // Re-sort the best matches by date: the scores go along with their documents.
    const at = new Map<number, number>();
    docs.forEach((d, i) => at.set(d, scores[i]!));
    const sorted = Int32Array.from(docs).sort(order === 'newest' ? byNewest : byDeadline);
    return { docs: sorted, scores: Float64Array.from(sorted, (d) => at.get(d)!) };
  }
  // Already in key order: only runs of equal keys need the tie order.
  const tie = scored ? byNewest : order === 'deadline' ? byDeadline : byId;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && scores[j] === scores[i]) j++;
    if (j - i > 1) docs.subarray(i, j).sort(tie);
    i = j;
  }
  return { docs, scores };
}

function idsOf(engine: SearchEngine<ListingFields>, docs: Int32Array): string[] {
  const ids = new Array<string>(docs.length);
  for (let i = 0; i < docs.length; i++) ids[i] = engine.idAt(docs[i]!);
  return ids;
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

/** The one active filter a document fails (its position), -1 for none, -2 for more than one. */
function failedFilter(d: number, filterBytes: ReadonlyArray<readonly Uint8Array[]>): number {
  let failed = -1;
  for (let i = 0; i < filterBytes.length; i++) {
    if (hasAny(filterBytes[i]!, d)) continue;
    if (failed !== -1) return -2;
    failed = i;
  }
  return failed;
}

export function runSearch(
  engine: SearchEngine<ListingFields>,
  viewer: Viewer,
  q: string,
  filters: SearchFilters,
  order: SortOrder,
  window = 10_000,
  queryWindow = QUERY_WINDOW,
): SearchOutcome {
  const table = docTableOf(engine);
  const active = FACETS.filter((f) => (filters[f]?.length ?? 0) > 0).map((f) => ({
    facet: f,
    index: FACET_INDEX[f],
    wanted: new Set<string>(filters[f]!),
  }));
  const visible = table.visibility(viewer);
  const filterBytes = active.map((a) => table.valuesOf(a.index, a.wanted));
  // Facet counts by value code. A listing passing every filter counts toward every facet (in a
  // query: the non-ticked ones, from the result set); one failing only a ticked facet's filter
  // counts toward that facet alone, so its counts say what ticking more of it gives.
  const counts = new Int32Array(table.codeCount);
  const facetMask = (on: (fi: number) => boolean) => Uint8Array.from(FACETS, (_, fi) => (on(fi) ? 1 : 0));
  const onlyFacet = active.map((a) => facetMask((fi) => fi === a.index));
  const query = q.trim();
  const effective: SortOrder = query ? order : order === 'relevance' ? 'newest' : order;
  let selected: { docs: Int32Array; scores: Float64Array };
  let total: number;
  let capped = false;

  if (query) {
    const m = engine.matches(query, {
      minBigramCoverage: MIN_BIGRAM_COVERAGE,
      minRelativeScore: RELATIVE_SCORE_CUTOFF,
      preferWordMatches: true,
    });
    // One pass feeds every top-k: tops[0] takes hits passing every filter (the result set), and
    // tops[i + 1] those passing every filter but active[i]'s (that facet's counts).
    const tops = [new TopK(queryWindow), ...active.map(() => new TopK(queryWindow))];
    let floor = -Infinity;
    for (let i = 0; i < m.count; i++) {
      const s = m.scores[i]!;
      if (s <= floor) continue;
      const d = m.docs[i]!;
      if (!visible(d)) continue;
      const failed = failedFilter(d, filterBytes);
      if (failed === -2) continue;
      if (failed === -1) {
        for (let t = 0; t < tops.length; t++) tops[t]!.push(s, d);
      } else tops[failed + 1]!.push(s, d);
      floor = tops[0]!.threshold;
      for (let t = 1; t < tops.length; t++) floor = Math.min(floor, tops[t]!.threshold);
    }
    active.forEach((_, i) => {
      for (const d of tops[i + 1]!.unorderedDocs()) table.countCodes(d, counts, onlyFacet[i]!);
    });
    selected = tops[0]!.drain();
    total = selected.docs.length;
    capped = total === queryWindow;
    const notTicked = facetMask((fi) => !active.some((a) => a.index === fi));
    for (const d of selected.docs) table.countCodes(d, counts, notTicked);
  } else {
    const every = facetMask(() => true);
    // Only the first `window` are ever paged through: select them by the sort key, then sort those.
    const top = new TopK(window);
    total = 0;
    for (let d = 0, n = engine.slots; d < n; d++) {
      if (!engine.isLive(d) || !visible(d)) continue;
      const failed = failedFilter(d, filterBytes);
      if (failed === -2) continue;
      table.countCodes(d, counts, failed === -1 ? every : onlyFacet[failed]!);
      if (failed !== -1) continue;
      total++;
      top.push(effective === 'deadline' ? -table.deadlineKey(d) : table.newestKey(d), d);
    }
    selected = top.drain();
  }

  const { docs, scores } = inOrder(selected, effective, !!query, table, engine);
  const lists = FACETS.map(() => [] as Array<{ value: string; count: number }>);
  const batchTitles = new Map<string, string>();
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    const fi = table.facetOf[c]!,
      value = table.valueOf[c]!;
    lists[fi]!.push({ value, count: counts[c]! });
    const title = FACETS[fi] === 'batch' ? table.batchTitles.get(value) : undefined;
    if (title) batchTitles.set(value, title);
  }
  const facets = Object.fromEntries(
    FACETS.map((f, i) => [f, lists[i]!.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))]),
  ) as SearchOutcome['facets'];
  return {
    ids: idsOf(engine, docs),
    scores: query ? scores : new Float64Array(docs.length),
    total,
    capped,
    facets,
    batchTitles,
  };
}
