import { and, asc, count, desc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { batchEntries, organizations, submissions, subscriptionHits, subscriptions, users } from '../schema.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function insertSubscription(db: Executor, s: NewSubscription): Promise<SubscriptionRow> {
  const [row] = await db.insert(subscriptions).values(s).returning();
  return row!;
}

export async function findSubscription(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<SubscriptionRow | undefined> {
  const q = db.select().from(subscriptions).where(eq(subscriptions.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** A user's subscriptions with the number of hits not yet in a digest. */
export async function listSubscriptionsOfUser(db: Executor, userId: string) {
  const pending = db
    .select({ subscriptionId: subscriptionHits.subscriptionId, n: count().as('n') })
    .from(subscriptionHits)
    .where(isNull(subscriptionHits.digestedAt))
    .groupBy(subscriptionHits.subscriptionId)
    .as('pending');
  return db
    .select({ subscription: subscriptions, pendingHits: sql<number>`coalesce(${pending.n}, 0)::int` })
    .from(subscriptions)
    .leftJoin(pending, eq(pending.subscriptionId, subscriptions.id))
    .where(eq(subscriptions.userId, userId))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id));
}

export async function updateSubscription(db: Executor, id: string, patch: Partial<NewSubscription>): Promise<SubscriptionRow | undefined> {
  const [row] = await db.update(subscriptions).set(patch).where(eq(subscriptions.id, id)).returning();
  return row;
}

export async function deleteSubscription(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(subscriptions).where(eq(subscriptions.id, id)).returning({ id: subscriptions.id });
  return rows.length === 1;
}

/** Of `ids`, those that belong to the organisation and were not merged away. */
export async function submissionsOfOrganization(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: submissions.id, listType: submissions.listType })
    .from(submissions)
    .where(and(inArray(submissions.id, ids), eq(submissions.organizationId, organizationId), isNull(submissions.mergedIntoId)));
}

/**
 * Subscriptions that take part in matching: not unsubscribed, their user enabled, their
 * organisation approved (a suspended organisation's subscriptions rest until it is approved again).
 */
export async function listActiveSubscriptions(db: Executor): Promise<SubscriptionRow[]> {
  return db
    .select({ s: subscriptions })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .innerJoin(organizations, eq(organizations.id, subscriptions.organizationId))
    .where(and(isNull(subscriptions.unsubscribedAt), eq(users.disabled, false), eq(organizations.status, 'approved')))
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id))
    .then((rows) => rows.map((r) => r.s));
}

/**
 * The oldest transaction still running as this statement sees it (pg_snapshot_xmin). Every
 * transaction below it has ended, so rows it wrote are visible now or never: a scan that
 * next reads from here misses no late commit.
 */
export async function currentXmin(db: Executor): Promise<string> {
  return rowsOf<{ x: string }>(await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as x`))[0]!.x;
}

export interface PublishedCandidate {
  id: string;
  organizationId: string;
  listType: string;
  title: string;
  /** The current version of its batch entry, for links to the public page. */
  entryId: string;
  firstPublishedAt: Date;
}

/**
 * Published items written by transactions from `sinceXid` on (the submissions trigger stamps
 * change_xid on every write), with their first publication time and current entry.
 */
export async function listPublishedSince(db: Executor, sinceXid: string): Promise<PublishedCandidate[]> {
  const rows = await db
    .select({
      id: submissions.id,
      organizationId: submissions.organizationId,
      listType: submissions.listType,
      title: submissions.title,
      entryId: sql<string>`(array_agg(${batchEntries.id}::text order by ${batchEntries.publishedAt} desc) filter (where ${batchEntries.isCurrent}))[1]`,
      firstPublishedAt: sql<string>`min(${batchEntries.publishedAt})`,
    })
    .from(submissions)
    .innerJoin(batchEntries, eq(batchEntries.submissionId, submissions.id))
    .where(and(sql`${submissions.changeXid} >= ${sinceXid}::xid8`, eq(submissions.status, 'published'), isNull(submissions.mergedIntoId)))
    .groupBy(submissions.id);
  return rows.filter((r) => r.entryId).map((r) => ({ ...r, firstPublishedAt: new Date(r.firstPublishedAt) }));
}

/** Records hits; returns the submission ids that were new for this subscription. */
export async function insertHits(
  db: Executor,
  subscriptionId: string,
  hits: Array<{ submissionId: string; score: number }>,
  at: Date,
): Promise<string[]> {
  if (hits.length === 0) return [];
  const rows = await db
    .insert(subscriptionHits)
    .values(hits.map((h) => ({ subscriptionId, submissionId: h.submissionId, score: h.score, matchedAt: at })))
    .onConflictDoNothing()
    .returning({ id: subscriptionHits.submissionId });
  return rows.map((r) => r.id);
}

/** Active subscriptions with hits waiting for a digest, with their user's address. */
export async function listSubscriptionsWithPendingHits(db: Executor) {
  return db
    .select({ subscription: subscriptions, email: users.email, userDisabled: users.disabled })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(
      and(
        isNull(subscriptions.unsubscribedAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(subscriptionHits)
            .where(and(eq(subscriptionHits.subscriptionId, subscriptions.id), isNull(subscriptionHits.digestedAt))),
        ),
      ),
    )
    .orderBy(asc(subscriptions.id));
}

/** A subscription's hits (pending ones only, or all), best first, with their public entry. */
export async function listHits(db: Executor, subscriptionId: string, q: { pendingOnly?: boolean; limit: number; offset: number }) {
  const where = and(eq(subscriptionHits.subscriptionId, subscriptionId), q.pendingOnly ? isNull(subscriptionHits.digestedAt) : undefined);
  const [hits, [c]] = await Promise.all([
    db
      .select({
        submissionId: subscriptionHits.submissionId,
        score: subscriptionHits.score,
        matchedAt: subscriptionHits.matchedAt,
        digestedAt: subscriptionHits.digestedAt,
        title: submissions.title,
        listType: submissions.listType,
        sector: submissions.sector,
        organizationName: organizations.name,
      })
      .from(subscriptionHits)
      .innerJoin(submissions, eq(submissions.id, subscriptionHits.submissionId))
      .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
      .where(where)
      .orderBy(desc(subscriptionHits.matchedAt), desc(subscriptionHits.score), asc(subscriptionHits.submissionId))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(subscriptionHits).where(where),
  ]);
  const entries = hits.length
    ? await db
        .select({ id: batchEntries.id, submissionId: batchEntries.submissionId, name: batchEntries.name, issuer: batchEntries.issuer })
        .from(batchEntries)
        .where(
          and(
            inArray(
              batchEntries.submissionId,
              hits.map((h) => h.submissionId),
            ),
            eq(batchEntries.isCurrent, true),
          ),
        )
    : [];
  const entryOf = new Map(entries.map((e) => [e.submissionId, e]));
  return {
    items: hits.map((h) => {
      const e = entryOf.get(h.submissionId);
      return { ...h, title: e?.name ?? h.title, organizationName: e?.issuer ?? h.organizationName, entryId: e?.id ?? null };
    }),
    total: c?.n ?? 0,
  };
}

/** Marks the given pending hits, or all of them, as sent in a digest. */
export async function markHitsDigested(db: Executor, subscriptionId: string, submissionIds: string[] | 'all', at: Date): Promise<number> {
  if (submissionIds !== 'all' && submissionIds.length === 0) return 0;
  const rows = await db
    .update(subscriptionHits)
    .set({ digestedAt: at })
    .where(
      and(
        eq(subscriptionHits.subscriptionId, subscriptionId),
        isNull(subscriptionHits.digestedAt),
        submissionIds === 'all' ? undefined : inArray(subscriptionHits.submissionId, submissionIds),
      ),
    )
    .returning({ id: subscriptionHits.submissionId });
  return rows.length;
}

/** Locks the subscriptions among `ids` that are still active, in id order (a stable lock order). */
export async function lockActiveSubscriptions(db: Executor, ids: string[]): Promise<SubscriptionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(subscriptions)
    .where(and(inArray(subscriptions.id, ids), isNull(subscriptions.unsubscribedAt)))
    .orderBy(asc(subscriptions.id))
    .for('update');
}

export async function countSubscriptionsOfUser(db: Executor, userId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(subscriptions).where(eq(subscriptions.userId, userId));
  return c?.n ?? 0;
}
