import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { outbox } from '../schema.js';

export type OutboxRow = typeof outbox.$inferSelect;
export interface NewOutboxMessage {
  kind: string;
  /** Unique: a job that runs twice, or two processes running it, queue the message once. */
  dedupeKey: string;
  payload: unknown;
  availableAt?: Date;
}

/** Queues messages in the caller's transaction; returns the ids of those that were new. */
export async function enqueueOutbox(db: Executor, rows: NewOutboxMessage[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insert(outbox)
    .values(
      rows.map((r) => ({
        kind: r.kind,
        dedupeKey: r.dedupeKey,
        payload: r.payload,
        ...(r.availableAt ? { availableAt: r.availableAt } : {}),
      })),
    )
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return out.map((r) => r.id);
}

/**
 * Claims up to `limit` due rows for `workerId` until `now + leaseMs`. FOR UPDATE SKIP LOCKED
 * makes concurrent claimers take disjoint rows; the lease (locked_until) keeps a claimed row
 * from every other worker after this statement commits, until it expires. A row whose worker
 * died mid-send becomes claimable again once its lease has passed. attempts counts claims, so
 * a message that crashes its worker every time still ends 'dead' instead of looping forever.
 */
export async function claimOutbox(db: Executor, o: { workerId: string; now: Date; leaseMs: number; limit: number }): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(eq(outbox.status, 'pending'), lte(outbox.availableAt, o.now), or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, o.now))),
    )
    .orderBy(asc(outbox.availableAt), asc(outbox.id))
    .limit(o.limit)
    .for('update', { skipLocked: true });
  return (
    db
      .update(outbox)
      .set({ lockedBy: o.workerId, lockedUntil: new Date(o.now.getTime() + o.leaseMs), attempts: sql`${outbox.attempts} + 1` })
      // The status is checked again: a row marked sent between the subquery and the update is skipped.
      .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending')))
      .returning()
  );
}

/**
 * Marks a row sent, only if this worker still holds it. False means the lease was lost
 * (it expired and another worker claimed the row): the caller must log it, as the message
 * may then go out twice.
 */
export async function markOutboxSent(db: Executor, id: string, workerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.lockedBy, workerId), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

/** A failed attempt: back to pending from `retryAt`, or 'dead' (never tried again). */
export async function markOutboxFailed(
  db: Executor,
  id: string,
  workerId: string,
  o: { error: string; retryAt: Date | null },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set(
      o.retryAt
        ? { status: 'pending', availableAt: o.retryAt, lockedUntil: null, lockedBy: null, lastError: o.error.slice(0, 2000) }
        : { status: 'dead', lockedUntil: null, lastError: o.error.slice(0, 2000) },
    )
    .where(and(eq(outbox.id, id), eq(outbox.lockedBy, workerId), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

export async function findOutboxByDedupeKey(db: Executor, dedupeKey: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  return row;
}

export async function listOutbox(db: Executor, q: { status?: string; kind?: string; limit?: number } = {}): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(q.status ? eq(outbox.status, q.status) : undefined, q.kind ? eq(outbox.kind, q.kind) : undefined))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(q.limit ?? 1000);
}
