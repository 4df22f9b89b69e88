import { listSearchSynonyms } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { authorizeVocabulary } from './policy.js';

export async function listSynonyms({ services, actor }: { services: Services; actor: Actor }) {
  authorizeVocabulary(actor, 'list');
  return {
    items: (await listSearchSynonyms(services.db)).map((r) => ({
      id: r.synonym.id,
      kind: r.synonym.kind,
      terms: r.synonym.terms,
      note: r.synonym.note,
      createdBy: r.createdByName,
      createdAt: r.synonym.createdAt.toISOString(),
    })),
  };
}
