import { listSearchTerms } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { authorizeVocabulary } from './policy.js';

export async function listTerms({ services, actor }: { services: Services; actor: Actor }) {
  authorizeVocabulary(actor, 'list');
  return {
    items: (await listSearchTerms(services.db)).map((r) => ({
      id: r.term.id,
      term: r.term.term,
      note: r.term.note,
      createdBy: r.createdByName,
      createdAt: r.term.createdAt.toISOString(),
    })),
  };
}
