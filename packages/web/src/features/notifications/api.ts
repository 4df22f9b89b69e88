/** Notifications (通知): the part of /api/v1 this feature calls. */
import { enc, get, post, type Query } from '../../shared/http';
import type { MarkedRead, NotificationPage } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['notifications']. */
export const notificationsKeys = {
  all: ['notifications'] as const,
  list: (query: Query) => ['notifications', 'list', query] as const,
};

export const notificationsApi = {
  notifications: (query: Query) => get<NotificationPage>('/notifications', query),
  markNotificationRead: (id: string) => post<void>(`/notifications/${enc(id)}/read`),
  markAllNotificationsRead: () => post<MarkedRead>('/notifications/read-all'),
};
