import { deleteSession } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';

export async function logout({ services, actor }: { services: Services; actor: Actor }) {
  await inTransaction(services, actor, async (tx, events) => {
    await deleteSession(tx, actor.sessionId);
    await events.record({ action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}
