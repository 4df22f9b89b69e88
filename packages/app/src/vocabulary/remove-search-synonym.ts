import { bumpVocabularyVersion, deleteSearchSynonym } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeVocabulary } from './policy.js';

export async function removeSearchSynonym({
  services,
  actor,
  id,
  reason,
}: {
  services: Services;
  actor: Actor;
  id: string;
  reason?: string;
}) {
  authorizeVocabulary(actor, 'remove');
  await inTransaction(services, actor, async (tx, events) => {
    const r = await deleteSearchSynonym(tx, id);
    if (!r) throw notFound('同义词组');
    await bumpVocabularyVersion(tx);
    await events.record({
      action: 'search.synonym_removed',
      entityType: 'search_synonym',
      entityId: id,
      reason,
      data: { kind: r.kind, terms: r.terms },
    });
  });
}
