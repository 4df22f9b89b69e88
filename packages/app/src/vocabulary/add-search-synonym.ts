import { bumpVocabularyVersion, insertSearchSynonym } from '@scenebridge/db';
import { normalizeText } from '@scenebridge/search';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeVocabulary } from './policy.js';
import type { searchSynonymInput } from './schemas.js';

export async function addSearchSynonym({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor;
  input: z.infer<typeof searchSynonymInput>;
}) {
  authorizeVocabulary(actor, 'add');
  const terms = input.terms.map((t) => normalizeText(t).trim());
  const row = await inTransaction(services, actor, async (tx, events) => {
    const r = await insertSearchSynonym(tx, { kind: input.kind, terms, note: input.note ?? null, createdBy: actor.userId });
    await bumpVocabularyVersion(tx);
    await events.record({
      action: 'search.synonym_added',
      entityType: 'search_synonym',
      entityId: r.id,
      data: { kind: input.kind, terms },
    });
    return r;
  });
  return { id: row.id, kind: row.kind, terms: row.terms, note: row.note, createdAt: row.createdAt.toISOString() };
}
