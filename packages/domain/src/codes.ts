/**
 * Closed lists the API answers with, written once: the server computes them, the contract's
 * schemas enumerate them, the web shows them.
 */

/** The search page's facets. */
export const SEARCH_FACETS = ['listType', 'sector', 'techField', 'region', 'status', 'batch', 'budget', 'maturity'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Kinds of synonym group an operator can add to the search vocabulary. */
export const VOCABULARY_SYNONYM_KINDS = ['equivalent', 'near', 'one_way'] as const;
export type VocabularySynonymKind = (typeof VOCABULARY_SYNONYM_KINDS)[number];

/** Hints the quality check gives about a vague draft. */
export const QUALITY_HINT_CODES = [
  'TITLE_TOO_GENERIC',
  'DESCRIPTION_TOO_SHORT',
  'DESCRIPTION_TOO_GENERIC',
  'NO_LOCATION',
  'NO_BUDGET',
  'NO_DATA_OPENNESS',
  'DATA_NOT_OPEN',
  'NO_SITE_OPENNESS',
  'SITE_NOT_OPEN',
  'NO_MEASURABLE_OUTCOME',
  'NO_REFERENCE_CASES',
  'NO_MATURITY',
] as const;
export type QualityHintCode = (typeof QUALITY_HINT_CODES)[number];
