import {
  BUDGET_BANDS,
  DomainError,
  LIST_TYPE_LABELS,
  MATURITY_BANDS,
  regionFullName,
  sectorName,
  SUBMISSION_STATE_LABELS,
  techFieldName,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { highlightTerms, markTerms, snippet, type TextPart } from './highlight.js';
import { textsOf, type ListingFields } from './listing-index.js';
import { viewerOf } from './policy.js';
import { runSearch, type Facet, type SearchFilters, type SearchOutcome, type SortOrder } from './query.js';

/** Results beyond this are not paged through: the user is asked to narrow the search. */
export const MAX_RESULT_WINDOW = 10_000;

export interface SearchParams extends SearchFilters {
  q?: string;
  sort?: SortOrder;
  page: number;
  pageSize: number;
  snapshot?: string;
}

interface StoredResult {
  ids: string[];
  scores: ArrayLike<number>;
  total: number;
  capped: boolean;
  facets: SearchOutcome['facets'];
  batchTitles: Map<string, string>;
  terms: string[];
}

function queryKey(actor: Actor | null, p: SearchParams): string {
  const { page: _p, pageSize: _s, snapshot: _t, ...rest } = p;
  const sorted = Object.fromEntries(
    Object.entries(rest)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return `${actor?.userId ?? 'anon'}|${JSON.stringify(sorted)}`;
}

function facetLabel(facet: Facet, value: string, batchTitles: Map<string, string>): string {
  switch (facet) {
    case 'listType':
      return LIST_TYPE_LABELS[value as keyof typeof LIST_TYPE_LABELS] ?? value;
    case 'sector':
      return sectorName(value);
    case 'techField':
      return techFieldName(value);
    case 'region':
      return regionFullName(value);
    case 'status':
      return SUBMISSION_STATE_LABELS[value as keyof typeof SUBMISSION_STATE_LABELS] ?? value;
    case 'batch':
      return batchTitles.get(value) ?? value;
    case 'budget':
      return BUDGET_BANDS.find((b) => b.code === value)?.label ?? '未填预算';
    case 'maturity':
      return MATURITY_BANDS.find((b) => b.code === value)?.label ?? '未填成熟度';
  }
}

function presentHit(id: string, score: number, f: ListingFields, text: { title: string; text: string } | undefined, terms: string[]) {
  const title: TextPart[] = markTerms(f.title, terms);
  return {
    id,
    score: Math.round(score * 100) / 100,
    listType: f.listType,
    status: f.status,
    title,
    snippet: text ? snippet(text.text, terms) : [],
    organization: { id: f.organizationId, name: f.organizationName },
    sector: f.sector,
    sectors: f.sectors,
    techFields: f.techFields,
    regionCode: f.regionCode,
    regionName: f.regionCode ? regionFullName(f.regionCode) : null,
    budgetMin: f.budgetMin,
    budgetMax: f.budgetMax,
    maturityTrl: f.maturityTrl,
    batch: f.batchId ? { id: f.batchId, title: f.batchTitle } : null,
    submittedAt: f.submittedAt ? new Date(f.submittedAt).toISOString() : null,
    publishedAt: f.publishedAt ? new Date(f.publishedAt).toISOString() : null,
    deadline: f.deadline ? new Date(f.deadline).toISOString() : null,
  };
}

export async function searchListings({ services, actor, params }: { services: Services; actor: Actor | null; params: SearchParams }) {
  const state = await services.search.current();
  const engine = state.engine;
  const key = queryKey(actor, params);
  let stored = params.snapshot ? (services.search.snapshots.get(params.snapshot, key) as StoredResult | undefined) : undefined;
  const renewed = !!params.snapshot && !stored;
  let token = params.snapshot && stored ? params.snapshot : undefined;
  if (!stored) {
    const outcome = runSearch(engine, viewerOf(actor), params.q ?? '', params, params.sort ?? 'relevance', MAX_RESULT_WINDOW);
    const terms = params.q?.trim() ? highlightTerms(engine.queryTerms(params.q, { nearMiss: false }).map((t) => t.term)) : [];
    stored = {
      ids: outcome.ids,
      scores: outcome.scores,
      total: outcome.total,
      capped: outcome.capped,
      facets: outcome.facets,
      batchTitles: outcome.batchTitles,
      terms,
    };
    token = services.search.snapshots.put(key, stored);
  }
  const start = (params.page - 1) * params.pageSize;
  if (start >= MAX_RESULT_WINDOW)
    throw new DomainError('RESULT_WINDOW_EXCEEDED', `只能翻阅前${MAX_RESULT_WINDOW}条结果，请增加筛选条件`, 400);
  const pageIds = stored.ids.slice(start, start + params.pageSize);
  const texts = await textsOf(services.db, state, pageIds);
  const items = [];
  for (let i = 0; i < pageIds.length; i++) {
    const id = pageIds[i]!;
    // A listing that left the index since the snapshot (withdrawn, say) is skipped, not shown stale.
    const f = engine.fieldsOf(id);
    if (!f) continue;
    items.push(presentHit(id, stored.scores[start + i]!, f, texts.get(id), stored.terms));
  }
  const facets = Object.fromEntries(
    Object.entries(stored.facets).map(([facet, values]) => [
      facet,
      values.map((v) => ({ ...v, label: facetLabel(facet as Facet, v.value, stored.batchTitles) })),
    ]),
  );
  return {
    items,
    total: stored.total,
    capped: stored.capped,
    page: params.page,
    pageSize: params.pageSize,
    snapshot: token!,
    snapshotRenewed: renewed,
    terms: stored.terms,
    facets,
  };
}
