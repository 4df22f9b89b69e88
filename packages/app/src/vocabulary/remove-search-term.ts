import { bumpVocabularyVersion, deleteSearchTerm } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeVocabulary } from './policy.js';

export async function removeSearchTerm({ services, actor, id, reason }: { services: Services; actor: Actor; id: string; reason?: string }) {
  authorizeVocabulary(actor, 'remove');
  await inTransaction(services, actor, async (tx, events) => {
    const r = await deleteSearchTerm(tx, id);
    if (!r) throw notFound('词条');
    await bumpVocabularyVersion(tx);
    await events.record({ action: 'search.term_removed', entityType: 'search_term', entityId: id, reason, data: { term: r.term } });
  });
}
