/** The search vocabulary operators keep in the app: dictionary terms and synonym groups. */
import { VOCABULARY_SYNONYM_KINDS, type VocabularySynonymKind } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

export const SYNONYM_KINDS = VOCABULARY_SYNONYM_KINDS;
export type SynonymKind = VocabularySynonymKind;

/** POST /search/terms (201). */
export const dictionaryTerm = z.object({ id: z.string(), term: z.string(), note: z.string().nullable(), createdAt: isoDateTime });
export type DictionaryTerm = z.infer<typeof dictionaryTerm>;
/** GET /search/terms: each with the name of who added it (null once the account is gone). */
export const dictionaryTermList = z.object({ items: z.array(dictionaryTerm.extend({ createdBy: z.string().nullable() })) });
export type DictionaryTermList = z.infer<typeof dictionaryTermList>;

/** POST /search/synonyms (201). */
export const synonymGroup = z.object({
  id: z.string(),
  kind: z.enum(SYNONYM_KINDS),
  terms: z.array(z.string()),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});
export type SynonymGroup = z.infer<typeof synonymGroup>;
/** GET /search/synonyms */
export const synonymGroupList = z.object({ items: z.array(synonymGroup.extend({ createdBy: z.string().nullable() })) });
export type SynonymGroupList = z.infer<typeof synonymGroupList>;

/** Kinds of the synonym groups shipped with the code: `related` (broader or associated) exists only there. */
export const BUILTIN_SYNONYM_KINDS = ['equivalent', 'near', 'related', 'one_way'] as const;
/** One shipped group: words that find each other, or (one_way) everyday words that also look for `expandsTo`. */
export const builtinSynonymGroup = z.object({
  kind: z.enum(BUILTIN_SYNONYM_KINDS),
  terms: z.array(z.string()),
  expandsTo: z.array(z.string()),
  /** general: the domain table; colloquial: everyday wording → the official terms documents use. */
  source: z.enum(['general', 'colloquial']),
});
export type BuiltinSynonymGroup = z.infer<typeof builtinSynonymGroup>;
/** GET /search/synonyms/builtin */
export const builtinSynonymPage = z.object({
  items: z.array(builtinSynonymGroup),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type BuiltinSynonymPage = z.infer<typeof builtinSynonymPage>;
