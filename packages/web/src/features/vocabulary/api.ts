/** Dictionary (检索词典与同义词): the part of /api/v1 this feature calls. */
import { del, enc, get, post } from '../../shared/http';
import type { BuiltinSynonymPage } from '@scenebridge/contract/vocabulary';
import type { DictionaryTerm, DictionaryTermList, SynonymGroup, SynonymGroupList, SynonymKind } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['vocabulary']. */
export const vocabularyKeys = {
  all: ['vocabulary'] as const,
  terms: ['vocabulary', 'terms'] as const,
  synonyms: ['vocabulary', 'synonyms'] as const,
  builtin: (q: BuiltinQuery) => ['vocabulary', 'builtin', q] as const,
};

export interface BuiltinQuery {
  q: string;
  source: '' | 'general' | 'colloquial';
  page: number;
  pageSize: number;
}

export const vocabularyApi = {
  searchTerms: async () => (await get<DictionaryTermList>('/search/terms')).items,
  addSearchTerm: (term: string, note?: string) => post<DictionaryTerm>('/search/terms', { term, note: note || undefined }),
  deleteSearchTerm: (id: string, reason?: string) => del<void>(`/search/terms/${enc(id)}`, { reason }),
  builtinSynonyms: (q: BuiltinQuery) => get<BuiltinSynonymPage>('/search/synonyms/builtin', { ...q }),
  synonyms: async () => (await get<SynonymGroupList>('/search/synonyms')).items,
  addSynonyms: (kind: SynonymKind, terms: string[], note?: string) =>
    post<SynonymGroup>('/search/synonyms', { kind, terms, note: note || undefined }),
  deleteSynonyms: (id: string, reason?: string) => del<void>(`/search/synonyms/${enc(id)}`, { reason }),
};
