import type { Actor, Services } from '../context.js';
import { loadAward } from './access.js';
import { awardDetailView } from './present.js';

export async function getAward({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  return awardDetailView(services.db, actor, await loadAward(services.db, actor, id));
}
