import { listNotifications } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { recipientOf } from './policy.js';
import { presentNotification } from './present.js';

export async function listMyNotifications({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { unread?: boolean; page: number; pageSize: number };
}) {
  const r = await listNotifications(services.db, recipientOf(actor), {
    unreadOnly: query.unread,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: r.items.map(presentNotification), total: r.total, unread: r.unread, page: query.page, pageSize: query.pageSize };
}
