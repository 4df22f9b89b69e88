/** Search (检索): results with highlights and facets, a listing's detail, and classification. */
import { LIST_TYPES, OPENNESS, SEARCH_FACETS, SECTOR_CODES, TECH_FIELD_CODES, type SearchFacet } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

/** A piece of highlighted text: `hit` parts are shown in <mark>. */
export const textPart = z.object({ text: z.string(), hit: z.boolean() });
export type TextPart = z.infer<typeof textPart>;

export const FACET_KEYS = SEARCH_FACETS;
export type FacetKey = SearchFacet;
export const facetValue = z.object({ value: z.string(), count: z.number().int(), label: z.string() });
export type FacetValue = z.infer<typeof facetValue>;

const organizationRef = z.object({ id: z.string(), name: z.string() });
const batchRef = z.object({ id: z.string(), title: z.string().nullable() });

export const searchHit = z.object({
  id: z.string(),
  score: z.number(),
  listType: z.enum(LIST_TYPES),
  status: z.string(),
  title: z.array(textPart),
  snippet: z.array(textPart),
  organization: organizationRef,
  sector: z.string().nullable(),
  sectors: z.array(z.string()),
  techFields: z.array(z.string()),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  maturityTrl: z.number().int().nullable(),
  batch: batchRef.nullable(),
  submittedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  deadline: isoDateTime.nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

/** GET /search: a page, plus the snapshot token that keeps paging stable. */
export const searchResult = z.object({
  items: z.array(searchHit),
  total: z.number().int(),
  /** The count stopped at the engine's cap: `total` is a lower bound. */
  capped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  snapshot: z.string(),
  snapshotRenewed: z.boolean(),
  terms: z.array(z.string()),
  facets: z.partialRecord(z.enum(FACET_KEYS), z.array(facetValue)),
});
export type SearchResult = z.infer<typeof searchResult>;

/** GET /listings/:id */
export const listing = z.object({
  id: z.string(),
  listType: z.enum(LIST_TYPES),
  status: z.string(),
  title: z.string(),
  published: z.boolean(),
  organization: organizationRef,
  description: z.string(),
  expectedOutcome: z.string().nullable(),
  /** As stored with the submission (see referenceCaseSchema in the domain for what a form sends). */
  referenceCases: z.array(z.unknown()),
  dataOpenness: z.enum(OPENNESS).nullable(),
  siteOpenness: z.enum(OPENNESS).nullable(),
  sector: z.string().nullable(),
  sectors: z.array(z.string()),
  techFields: z.array(z.string()),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  maturityTrl: z.number().int().nullable(),
  batch: batchRef.nullable(),
  publishedAt: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  contactHidden: z.boolean(),
  mine: z.boolean(),
  mergedIntoId: z.string().nullable(),
});
export type Listing = z.infer<typeof listing>;

/** POST /classify */
export const classification = z.object({
  sectors: z.array(z.object({ code: z.enum(SECTOR_CODES), name: z.string(), confidence: z.number() })),
  techFields: z.array(
    z.object({ code: z.enum(TECH_FIELD_CODES), name: z.string(), confidence: z.number(), evidence: z.array(z.string()) }),
  ),
});
export type Classification = z.infer<typeof classification>;
