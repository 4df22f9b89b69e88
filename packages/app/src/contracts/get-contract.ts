import type { Actor, Services } from '../context.js';
import { contractDetailFor } from './context.js';

/** One registration with its versions and attachments; 404 for whoever may not see it. */
export async function getContract({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  return contractDetailFor(services.db, actor, id, services.now());
}
