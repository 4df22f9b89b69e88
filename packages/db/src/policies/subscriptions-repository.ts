/**
 * SQL of the policy subscription kinds (docs/policies.md): 订阅政策动态 and 新政策匹配提醒.
 * A policy match has no row of its own (subscription_hits point at listings): it is the in-app
 * notification `policy.match` of the subscription, and the digest marks it sent by adding
 * `digestedAt` to that notification's data.
 */
import { and, asc, count, desc, eq, exists, isNotNull, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { notifications } from '../notifications/schema.js';
import { users } from '../organizations/schema.js';
import { subscriptions } from '../subscriptions/schema.js';
import type { SubscriptionRow } from '../subscriptions/repository.js';

export const POLICY_MATCH_NOTIFICATION = 'policy.match';

/** The user's newest subscription of this kind that is active (or, with `active: false`, ended). */
export async function latestSubscriptionOfKind(
  db: Executor,
  userId: string,
  kind: string,
  opts: { active: boolean },
): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, userId),
        eq(subscriptions.kind, kind),
        opts.active ? isNull(subscriptions.unsubscribedAt) : isNotNull(subscriptions.unsubscribedAt),
      ),
    )
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
    .limit(1);
  return row;
}

/** The subscription's policy matches not yet in a digest (the user's index narrows it first). */
const pendingOf = (subscriptionId: string | SQL, userId: string | AnyColumn) =>
  and(
    eq(notifications.userId, userId),
    eq(notifications.kind, POLICY_MATCH_NOTIFICATION),
    sql`${notifications.data}->>'subscriptionId' = ${subscriptionId}`,
    sql`${notifications.data}->>'digestedAt' is null`,
  );

/** Active policy_match subscriptions with matches waiting for a digest, with their user's address. */
export async function listPolicyMatchSubscriptionsWithPending(db: Executor) {
  return db
    .select({ subscription: subscriptions, email: users.email, userDisabled: users.disabled })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(
      and(
        eq(subscriptions.kind, 'policy_match'),
        isNull(subscriptions.unsubscribedAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(notifications)
            .where(pendingOf(sql`${subscriptions.id}::text`, subscriptions.userId)),
        ),
      ),
    )
    .orderBy(asc(subscriptions.id));
}

export interface PendingPolicyMatch {
  id: string;
  title: string;
  body: string | null;
  data: unknown;
  createdAt: Date;
}

export async function pendingPolicyMatches(
  db: Executor,
  s: Pick<SubscriptionRow, 'id' | 'userId'>,
  limit: number,
): Promise<{ items: PendingPolicyMatch[]; total: number }> {
  const where = pendingOf(s.id, s.userId);
  const [items, [c]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        title: notifications.title,
        body: notifications.body,
        data: notifications.data,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), asc(notifications.id))
      .limit(limit),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

export async function markPolicyMatchesDigested(db: Executor, s: Pick<SubscriptionRow, 'id' | 'userId'>, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ data: sql`coalesce(${notifications.data}, '{}'::jsonb) || jsonb_build_object('digestedAt', ${at.toISOString()}::text)` })
    .where(pendingOf(s.id, s.userId))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Serialises one user's creations of one kind in this transaction (at most one active policy subscription each). */
export async function lockSubscriptionKindOfUser(db: Executor, userId: string, kind: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`subscriptions.${kind}:${userId}`}))`);
}
