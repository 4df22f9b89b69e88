/** In-app notifications: each user's own. */
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

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
