import { findLiveSession } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { actorFromSession } from './session-cache.js';
import { sessionIdOf } from './tokens.js';

export async function resolveSession({ services, token }: { services: Services; token: string }): Promise<Actor | null> {
  const row = await findLiveSession(services.db, sessionIdOf(token), services.now());
  if (!row || row.user.disabled) return null;
  return actorFromSession(row);
}
