import { noteAttemptRefused, type UserRow } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { inTransaction, type DomainEvent } from '../shared/index.js';

/** One audit row per refused slot, not one per request of a flood. */
export async function recordRefusal(services: Services, actor: Actor | null, user: UserRow, scope: string, event: DomainEvent) {
  await inTransaction(services, actor, async (tx, events) => {
    if (await noteAttemptRefused(tx, user.id, scope, services.now())) await events.record(event);
  });
}
