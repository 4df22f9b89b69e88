import { markAllNotificationsRead } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { recipientOf } from './policy.js';

export async function markAllMyNotificationsRead({ services, actor }: { services: Services; actor: Actor | null }) {
  return { updated: await markAllNotificationsRead(services.db, recipientOf(actor), services.now()) };
}
