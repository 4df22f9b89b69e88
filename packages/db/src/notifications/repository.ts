import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { enqueueOutbox } from '../mail/repository.js';
import { calls, notificationPreferences, notifications, reviewAssignments, submissions, users } from '../schema.js';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotifyItem {
  userId: string;
  /** Stable English code, e.g. 'interest.received', 'review.overdue'. */
  kind: string;
  title: string;
  body?: string;
  /** A path in the web app ('/reviews/…') or an absolute URL. */
  link?: string;
  data?: unknown;
  /** Same key → the notification (and its email) is written once, however often this runs. */
  dedupeKey?: string;
  /**
   * Email by default for this kind: also queue an email to the user, in the same transaction.
   * The user's own choice for the kind (notification_preferences) overrides it, either way.
   */
  email?: boolean;
}

/** The outbox kind of a notification's email; the mail worker renders it at send time. */
export const NOTIFICATION_EMAIL = 'notification';
export interface NotificationEmailPayload {
  to: string;
  userId: string;
  /** Null when the user turned this kind off in the app but kept its email. */
  notificationId: string | null;
  title: string;
  body: string | null;
  link: string | null;
}

/**
 * In-app notifications, and for items that email an outbox email, written together: inside the
 * caller's transaction when given one (a savepoint), else in a transaction of their own. Each
 * user's choice for the kind decides: no in-app row where they turned the kind off, an email
 * where they turned it on (else the item's `email` default). A notification whose dedupe key
 * exists already is skipped with its email, so a repeated job or a retried use case notifies
 * once. Disabled users get no email.
 */
export async function notifyUsers(db: Executor, items: NotifyItem[]): Promise<void> {
  if (items.length === 0) return;
  await db.transaction(async (tx) => {
    const chosen = await choicesFor(tx, items);
    // Ids are chosen here so the rows that were really inserted can be told apart from the skipped ones.
    const rows = items.map((i) => {
      const choice = chosen.get(choiceKey(i.userId, i.kind));
      return {
        id: randomUUID(),
        userId: i.userId,
        kind: i.kind,
        title: i.title,
        body: i.body ?? null,
        link: i.link ?? null,
        data: i.data === undefined ? null : i.data,
        dedupeKey: i.dedupeKey ?? null,
        inApp: choice?.inApp ?? true,
        email: choice?.email ?? i.email === true,
      };
    });
    const shown = rows.filter((r) => r.inApp);
    const inserted = new Set(
      shown.length === 0
        ? []
        : (
            await tx
              .insert(notifications)
              .values(shown.map(({ email: _email, inApp: _inApp, ...r }) => r))
              .onConflictDoNothing({ target: notifications.dedupeKey })
              .returning({ id: notifications.id })
          ).map((r) => r.id),
    );
    // Without an in-app row the outbox's own dedupe key keeps a retried email single.
    const emailed = rows.filter((r) => r.email && (!r.inApp || inserted.has(r.id)));
    if (emailed.length === 0) return;
    const recipients = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.id, [...new Set(emailed.map((r) => r.userId))]), eq(users.disabled, false)));
    const address = new Map(recipients.map((u) => [u.id, u.email]));
    await enqueueOutbox(
      tx,
      emailed
        .filter((r) => address.has(r.userId))
        .map((r) => ({
          kind: NOTIFICATION_EMAIL,
          dedupeKey: `notification:${r.dedupeKey ?? r.id}`,
          payload: {
            to: address.get(r.userId)!,
            userId: r.userId,
            notificationId: r.inApp ? r.id : null,
            title: r.title,
            body: r.body,
            link: r.link,
          } satisfies NotificationEmailPayload,
        })),
    );
  });
}

const choiceKey = (userId: string, kind: string) => `${userId}\u0000${kind}`;

async function choicesFor(db: Executor, items: NotifyItem[]) {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        inArray(notificationPreferences.userId, [...new Set(items.map((i) => i.userId))]),
        inArray(notificationPreferences.kind, [...new Set(items.map((i) => i.kind))]),
      ),
    );
  return new Map(rows.map((r) => [choiceKey(r.userId, r.kind), r]));
}

export type NotificationPreferenceRow = typeof notificationPreferences.$inferSelect;

/** The kinds this user has chosen for; the others follow their defaults. */
export async function listNotificationPreferences(db: Executor, userId: string): Promise<NotificationPreferenceRow[]> {
  return db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
}

/** Stores the user's choice for each kind given (one statement); other kinds keep theirs. */
export async function putNotificationPreferences(
  db: Executor,
  userId: string,
  items: Array<{ kind: string; inApp: boolean; email: boolean }>,
  at: Date,
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(items.map((i) => ({ userId, kind: i.kind, inApp: i.inApp, email: i.email, updatedAt: at })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, updatedAt: sql`excluded.updated_at` },
    });
}

/**
 * What a notification about items needs: each item's title, owning organisation and call. One
 * read for a whole batch or assignment run.
 */
export async function submissionsForNotice(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: submissions.id,
      title: submissions.title,
      organizationId: submissions.organizationId,
      callId: submissions.callId,
      callTitle: calls.title,
    })
    .from(submissions)
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .where(inArray(submissions.id, ids));
}

/** The active users of one organisation with a role, e.g. its admins. */
export async function organizationUsersWithRole(db: Executor, organizationId: string, role: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.disabled, false), sql`${role} = any(${users.roles})`));
}

export async function listNotifications(db: Executor, userId: string, q: { unreadOnly?: boolean; limit: number; offset: number }) {
  const mine = eq(notifications.userId, userId);
  const where = q.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
}

/** False when the notification is not this user's (or does not exist). Reading twice keeps the first time. */
export async function markNotificationRead(db: Executor, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length === 1;
}

export async function markAllNotificationsRead(db: Executor, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Assignments still waiting for scores after their due time, in calls still in review, with
 * what a reminder needs. Read by the reminder job (the dedupe key limits it to one a day).
 */
export async function listOverdueAssignments(db: Executor, now: Date) {
  return db
    .select({
      id: reviewAssignments.id,
      reviewerUserId: reviewAssignments.reviewerUserId,
      dueAt: reviewAssignments.dueAt,
      submissionId: reviewAssignments.submissionId,
      submissionTitle: submissions.title,
      callId: calls.id,
      callTitle: calls.title,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
    .innerJoin(submissions, eq(submissions.id, reviewAssignments.submissionId))
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .where(
      and(
        eq(reviewAssignments.status, 'assigned'),
        lt(reviewAssignments.dueAt, now),
        eq(users.disabled, false),
        eq(calls.status, 'reviewing'),
        eq(submissions.status, 'in_review'),
      ),
    )
    .orderBy(reviewAssignments.dueAt, reviewAssignments.id);
}
