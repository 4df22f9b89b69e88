import { COLLOQUIAL_GROUPS, COLLOQUIAL_ONE_WAY, ONE_WAY, SYNONYM_GROUPS, normalizeText } from '@scenebridge/search';
import type { BuiltinSynonymGroup } from '@scenebridge/contract/vocabulary';
import type { Actor, Services } from '../context.js';
import { authorizeVocabulary } from './policy.js';

/** Every group a fresh install ships with, in the order the tables list them. */
const BUILTIN: readonly BuiltinSynonymGroup[] = [
  ...SYNONYM_GROUPS.map((g) => ({ kind: g.kind, terms: [...g.terms], expandsTo: [], source: 'general' as const })),
  ...ONE_WAY.map((o) => ({ kind: 'one_way' as const, terms: [...o.from], expandsTo: [...o.to], source: 'general' as const })),
  ...COLLOQUIAL_GROUPS.map((g) => ({ kind: g.kind, terms: [...g.terms], expandsTo: [], source: 'colloquial' as const })),
  ...COLLOQUIAL_ONE_WAY.map((o) => ({ kind: 'one_way' as const, terms: [...o.from], expandsTo: [...o.to], source: 'colloquial' as const })),
];

/**
 * The built-in synonym groups, read-only, so an operator sees what search already knows before
 * adding a group (the dictionary page's example pair is one of them). `q` keeps the groups with
 * a word containing it (case- and width-insensitive, as search reads words).
 */
export function listBuiltinSynonyms({
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: { q?: string; source?: 'general' | 'colloquial'; page: number; pageSize: number };
}) {
  authorizeVocabulary(actor, 'list');
  const q = query.q ? normalizeText(query.q) : '';
  const matching = BUILTIN.filter(
    (g) => (!query.source || g.source === query.source) && (!q || [...g.terms, ...g.expandsTo].some((t) => normalizeText(t).includes(q))),
  );
  const start = (query.page - 1) * query.pageSize;
  return { items: matching.slice(start, start + query.pageSize), total: matching.length, page: query.page, pageSize: query.pageSize };
}
