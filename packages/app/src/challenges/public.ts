import { listOpenChallenges } from '@scenebridge/db';
import type { Services } from '../context.js';

/** The public page's list: every open challenge, the nearest deadline first. */
export async function publicOpenChallenges({ services }: { services: Services }) {
  return listOpenChallenges(services.db);
}
