import type { NotificationRow } from '@scenebridge/db';

export const presentNotification = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  data: n.data ?? null,
  createdAt: n.createdAt,
  readAt: n.readAt,
});
