import { findChallenge } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { challengePolicy } from './policy.js';

export async function getChallenge({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const c = await findChallenge(services.db, id);
  if (!c) throw notFound(challengePolicy.label);
  challengePolicy.authorize(actor, 'view', c);
  return c;
}
