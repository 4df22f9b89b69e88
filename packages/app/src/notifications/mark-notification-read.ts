import { markNotificationRead } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { notificationPolicy, recipientOf } from './policy.js';

/** Marks only among the actor's own: someone else's answers as a missing one does. */
export async function markMyNotificationRead({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  if (!(await markNotificationRead(services.db, recipientOf(actor), id, services.now()))) throw notFound(notificationPolicy.label);
}
