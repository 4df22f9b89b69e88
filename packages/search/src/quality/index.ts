/**
 * Quality at the door: near-duplicate warnings while a need or capability is typed in,
 * vagueness hints before submission, and cross-organisation duplicate clusters for
 * operators. Pure functions over the search package's segmenter, synonyms and engine.
 */
export {
  nearDuplicateSimilarity,
  nearDuplicateDetail,
  compareProfiles,
  resolveDeps,
  DEFAULT_DUPLICATE_THRESHOLD,
  SIGNAL_WEIGHTS,
  type SimilarityDeps,
  type SimilarityDetail,
} from './similarity.js';
export { DocumentFrequencies, type DocumentFrequenciesOptions } from './document-frequencies.js';
export {
  listingProfile,
  weightedWords,
  wordClassWeight,
  CLASS_WEIGHT,
  PART_FACTOR,
  type Listing,
  type ListingProfile,
  type ProfileDeps,
} from './profile.js';
export { Canonicalizer, canonicalizerFor } from './canonical.js';
export {
  GENERIC_WORDS,
  TASK_WORDS,
  SETTING_WORDS,
  TECHNIQUE_WORDS,
  DUPLICATE_SYNONYM_GROUPS,
  duplicateSynonyms,
  defaultDuplicateSynonyms,
} from './lexicon.js';
export { findNearDuplicates, candidateQuery, ProfileCache, type NearDuplicate, type NearDuplicateOptions } from './duplicates.js';
export {
  vaguenessHints,
  specificWords,
  titleSpecificity,
  MIN_DESCRIPTION_CHARS,
  MIN_SPECIFIC_WORDS,
  MIN_TITLE_SPECIFICITY,
  type VaguenessCode,
  type VaguenessHint,
  type VaguenessOptions,
  type NeedDraft,
  type CapabilityDraft,
} from './vagueness.js';
export { isMeasurable } from './measurable.js';
export { clusterNearDuplicates, type ClusterItem, type ClusterOptions, type ClusterPair, type DuplicateCluster } from './clusters.js';
