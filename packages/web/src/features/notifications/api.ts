/** Notifications (通知): the part of /api/v1 this feature calls. */
import type { NotificationPreference, NotificationPreferences } from '@scenebridge/contract/notifications';
import { enc, get, post, put, type Query } from '../../shared/http';
import type { MarkedRead, NotificationPage } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['notifications']. */
export const notificationsKeys = {
  all: ['notifications'] as const,
  list: (query: Query) => ['notifications', 'list', query] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const notificationsApi = {
  notifications: (query: Query) => get<NotificationPage>('/notifications', query),
  markNotificationRead: (id: string) => post<void>(`/notifications/${enc(id)}/read`),
  markAllNotificationsRead: () => post<MarkedRead>('/notifications/read-all'),
  preferences: () => get<NotificationPreferences>('/notifications/preferences'),
  updatePreferences: (items: NotificationPreference[]) => put<NotificationPreferences>('/notifications/preferences', { items }),
};
