/** In-app notifications: each user's own. */
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';
import { NOTIFICATION_KIND_CODES } from './labels.js';

export const notification = z.object({
  id: z.string(),
  /** Stable English code, e.g. 'interest.received', 'review.overdue'. */
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** A path in the web app or an absolute URL. */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type Notification = z.infer<typeof notification>;

/** A page of notifications, with the number unread over all of them. */
export const notificationPage = z.object({
  items: z.array(notification),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const markedRead = z.object({ updated: z.number().int() });
export type MarkedRead = z.infer<typeof markedRead>;

/** One kind's choice: in the app (on unless turned off) and by email (the kind's default unless chosen). */
export const notificationPreference = z.object({
  kind: z.enum(NOTIFICATION_KIND_CODES),
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreference>;

/** Every kind the user's roles can receive, with what applies now (their choice or the default). */
export const notificationPreferences = z.object({ items: z.array(notificationPreference) });
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** PUT body: the kinds to change; kinds left out keep what they had. Each kind at most once. */
export const notificationPreferencesUpdate = z.object({
  items: z
    .array(notificationPreference)
    .min(1, '至少提交一项通知设置')
    .max(NOTIFICATION_KIND_CODES.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, '同一类通知只能出现一次'),
});
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdate>;
