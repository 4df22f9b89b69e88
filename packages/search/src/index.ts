/** @scenebridge/search: Chinese search and classification for SceneBridge (pure TypeScript, in memory). */
export { normalizeText } from './normalize.js';
export { STOP_WORDS, isStopWord } from './stopwords.js';
export {
  Segmenter,
  defaultSegmenter,
  latinTokens,
  charBigrams,
  parseDictionary,
  DOMAIN_DICT_URL,
  type DictTerm,
  type Tokens,
  type SegmenterOptions,
} from './segment.js';
export { SynonymTable, defaultSynonyms, type Expansion } from './synonyms.js';
export { COLLOQUIAL_GROUPS, COLLOQUIAL_ONE_WAY } from './colloquial-data.js';
export {
  SYNONYM_GROUPS,
  ONE_WAY,
  TECH_FIELD_TERMS,
  KIND_WEIGHT,
  ONE_WAY_WEIGHT,
  type SynonymKind,
  type SynonymGroupSpec,
  type OneWaySpec,
} from './synonym-data.js';
export {
  SearchEngine,
  type SearchDocument,
  type SearchHit,
  type SearchOptions,
  type MatchOptions,
  type Matches,
  type EngineOptions,
  type QueryTerm,
  type TermSource,
} from './engine.js';
export { TopK } from './heap.js';
export { Classifier, defaultClassifier, type Classification, type SectorSuggestion, type TechFieldSuggestion } from './classify.js';
export { SECTOR_VOCABULARY, TECH_VOCABULARY } from './vocabulary.js';
export * from './quality/index.js';
export * from './matching/index.js';
