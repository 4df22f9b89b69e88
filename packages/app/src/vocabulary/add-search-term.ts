/**
 * Operators extend the segmentation dictionary and the synonym table in the app. Every change
 * bumps the vocabulary version; each process sees the new version on its next search and
 * rebuilds its index aside (tokenisation changed), searching the old one meanwhile.
 */
import { bumpVocabularyVersion, insertSearchTerm } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import { normalizeText } from '@scenebridge/search';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeVocabulary } from './policy.js';
import type { searchTermInput } from './schemas.js';

export async function addSearchTerm({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor;
  input: z.infer<typeof searchTermInput>;
}) {
  authorizeVocabulary(actor, 'add');
  const word = normalizeText(input.term).replace(/\s+/g, '');
  const row = await inTransaction(services, actor, async (tx, events) => {
    const r = await insertSearchTerm(tx, { term: word, note: input.note ?? null, createdBy: actor.userId });
    if (!r) throw new DomainError('TERM_EXISTS', `词条「${word}」已在词典中`, 409);
    await bumpVocabularyVersion(tx);
    await events.record({ action: 'search.term_added', entityType: 'search_term', entityId: r.id, data: { term: word } });
    return r;
  });
  return { id: row.id, term: row.term, note: row.note, createdAt: row.createdAt.toISOString() };
}
