import { listNotifications, markAllNotificationsRead, markNotificationRead, type NotificationRow } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';

/** Notifications are every logged-in user's own, whatever the role. */
function me(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  return actor;
}

export const presentNotification = (n: NotificationRow) => ({
  id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, data: n.data ?? null, createdAt: n.createdAt, readAt: n.readAt,
});

export async function listMyNotifications({ services, actor, query }: {
  services: Services; actor: Actor | null; query: { unread?: boolean; page: number; pageSize: number };
}) {
  const { userId } = me(actor);
  const r = await listNotifications(services.db, userId, { unreadOnly: query.unread, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: r.items.map(presentNotification), total: r.total, unread: r.unread, page: query.page, pageSize: query.pageSize };
}

export async function markMyNotificationRead({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  if (!(await markNotificationRead(services.db, me(actor).userId, id, services.now()))) throw notFound('通知');
}

export async function markAllMyNotificationsRead({ services, actor }: { services: Services; actor: Actor | null }) {
  return { updated: await markAllNotificationsRead(services.db, me(actor).userId, services.now()) };
}
