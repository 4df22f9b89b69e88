/**
 * Operators extend the segmentation dictionary and the synonym table in the app. Every change
 * bumps the vocabulary version; each process sees the new version on its next search and
 * rebuilds its index aside (tokenisation changed), searching the old one meanwhile.
 */
import {
  bumpVocabularyVersion, deleteSearchSynonym, deleteSearchTerm, insertSearchSynonym, insertSearchTerm, listSearchSynonyms,
  listSearchTerms,
} from '@scenebridge/db';
import { DomainError, forbidden, notFound, VOCABULARY_SYNONYM_KINDS } from '@scenebridge/domain';
import { normalizeText } from '@scenebridge/search';
import { z } from 'zod';
import { isOperator, type Actor, type Services } from '../context.js';
import { audit } from '../audit/index.js';

const term = z.string().trim().min(2, '词条至少2个字').max(30, '词条不能超过30个字')
  .regex(/^[\p{Script=Han}A-Za-z0-9+\-/.·]+$/u, '词条只能包含汉字、字母、数字和 + - / . ·');

export const searchTermInput = z.object({ term, note: z.string().trim().max(200).optional() });
export const searchSynonymInput = z.object({
  kind: z.enum(VOCABULARY_SYNONYM_KINDS),
  terms: z.array(term).min(2, '同义词组至少2个词').max(10, '同义词组最多10个词'),
  note: z.string().trim().max(200).optional(),
}).refine((g) => new Set(g.terms.map((t) => normalizeText(t))).size === g.terms.length, { message: '同义词组中有重复的词', path: ['terms'] });

function requireOperator(actor: Actor) {
  if (!isOperator(actor)) throw forbidden('只有运营方可以维护检索词典');
}

export async function listTerms({ services, actor }: { services: Services; actor: Actor }) {
  requireOperator(actor);
  return {
    items: (await listSearchTerms(services.db)).map((r) => ({
      id: r.term.id, term: r.term.term, note: r.term.note, createdBy: r.createdByName, createdAt: r.term.createdAt.toISOString(),
    })),
  };
}

export async function listSynonyms({ services, actor }: { services: Services; actor: Actor }) {
  requireOperator(actor);
  return {
    items: (await listSearchSynonyms(services.db)).map((r) => ({
      id: r.synonym.id, kind: r.synonym.kind, terms: r.synonym.terms, note: r.synonym.note, createdBy: r.createdByName,
      createdAt: r.synonym.createdAt.toISOString(),
    })),
  };
}

export async function addSearchTerm({ services, actor, input }: { services: Services; actor: Actor; input: z.infer<typeof searchTermInput> }) {
  requireOperator(actor);
  const word = normalizeText(input.term).replace(/\s+/g, '');
  const row = await services.db.transaction(async (tx) => {
    const r = await insertSearchTerm(tx, { term: word, note: input.note ?? null, createdBy: actor.userId });
    if (!r) throw new DomainError('TERM_EXISTS', `词条「${word}」已在词典中`, 409);
    await bumpVocabularyVersion(tx);
    await audit(tx, actor, { action: 'search.term_added', entityType: 'search_term', entityId: r.id, data: { term: word } });
    return r;
  });
  return { id: row.id, term: row.term, note: row.note, createdAt: row.createdAt.toISOString() };
}

export async function removeSearchTerm({ services, actor, id, reason }: { services: Services; actor: Actor; id: string; reason?: string }) {
  requireOperator(actor);
  await services.db.transaction(async (tx) => {
    const r = await deleteSearchTerm(tx, id);
    if (!r) throw notFound('词条');
    await bumpVocabularyVersion(tx);
    await audit(tx, actor, { action: 'search.term_removed', entityType: 'search_term', entityId: id, reason, data: { term: r.term } });
  });
}

export async function addSearchSynonym({ services, actor, input }: { services: Services; actor: Actor; input: z.infer<typeof searchSynonymInput> }) {
  requireOperator(actor);
  const terms = input.terms.map((t) => normalizeText(t).trim());
  const row = await services.db.transaction(async (tx) => {
    const r = await insertSearchSynonym(tx, { kind: input.kind, terms, note: input.note ?? null, createdBy: actor.userId });
    await bumpVocabularyVersion(tx);
    await audit(tx, actor, { action: 'search.synonym_added', entityType: 'search_synonym', entityId: r.id, data: { kind: input.kind, terms } });
    return r;
  });
  return { id: row.id, kind: row.kind, terms: row.terms, note: row.note, createdAt: row.createdAt.toISOString() };
}

export async function removeSearchSynonym({ services, actor, id, reason }: { services: Services; actor: Actor; id: string; reason?: string }) {
  requireOperator(actor);
  await services.db.transaction(async (tx) => {
    const r = await deleteSearchSynonym(tx, id);
    if (!r) throw notFound('同义词组');
    await bumpVocabularyVersion(tx);
    await audit(tx, actor, { action: 'search.synonym_removed', entityType: 'search_synonym', entityId: id, reason, data: { kind: r.kind, terms: r.terms } });
  });
}
