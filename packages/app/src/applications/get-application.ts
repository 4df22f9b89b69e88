import type { Actor, Services } from '../context.js';
import { loadApplication } from './access.js';

export async function getApplication({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  return loadApplication(services.db, actor, id, services.now());
}
