import { and, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { calls, submissions } from '../schema.js';

export type CallRow = typeof calls.$inferSelect;

export async function insertCall(db: Executor, c: typeof calls.$inferInsert): Promise<CallRow> {
  const [row] = await db.insert(calls).values(c).returning();
  return row!;
}

export async function findCall(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<CallRow | undefined> {
  const q = db.select().from(calls).where(eq(calls.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateCall(db: Executor, id: string, patch: Partial<typeof calls.$inferInsert>): Promise<CallRow | undefined> {
  const [row] = await db
    .update(calls)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(calls.id, id))
    .returning();
  return row;
}

/** Conditional on the current state, so two concurrent movers cannot both succeed. */
export async function updateCallStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  reason: string | null,
): Promise<CallRow | undefined> {
  const [row] = await db
    .update(calls)
    .set({ status: to, statusReason: reason, updatedAt: new Date() })
    .where(and(eq(calls.id, id), eq(calls.status, from)))
    .returning();
  return row;
}

export async function listCalls(
  db: Executor,
  q: { statuses?: string[]; listType?: string; limit: number; offset: number },
): Promise<{ items: (CallRow & { submissionCount: number })[]; total: number }> {
  const conds: SQL[] = [];
  if (q.statuses) conds.push(inArray(calls.status, q.statuses));
  if (q.listType) conds.push(eq(calls.listType, q.listType));
  const where = conds.length ? and(...conds) : undefined;
  // Written out in full: drizzle renders a column inside a select list without its table name.
  const submissionCount = sql<number>`(select count(*)::int from submissions s where s.call_id = "calls"."id" and s.submitted_at is not null)`;
  const [items, [c]] = await Promise.all([
    db
      .select({ call: calls, submissionCount })
      .from(calls)
      .where(where)
      .orderBy(desc(calls.opensAt), desc(calls.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(calls).where(where),
  ]);
  return { items: items.map((r) => ({ ...r.call, submissionCount: Number(r.submissionCount) })), total: c?.n ?? 0 };
}

/** Calls the clock must move: scheduled ones whose opening has come, open ones past closing. */
export async function findCallsDueForClock(db: Executor, now: Date): Promise<CallRow[]> {
  return db
    .select()
    .from(calls)
    .where(
      sql`(${calls.status} = 'scheduled' and ${calls.opensAt} <= ${now.toISOString()}::timestamptz) or (${calls.status} = 'open' and ${calls.closesAt} <= ${now.toISOString()}::timestamptz)`,
    );
}

export async function countSubmissionsOfCall(db: Executor, callId: string, opts: { includeDrafts?: boolean } = {}): Promise<number> {
  const where = opts.includeDrafts
    ? eq(submissions.callId, callId)
    : and(eq(submissions.callId, callId), isNotNull(submissions.submittedAt));
  const [c] = await db.select({ n: count() }).from(submissions).where(where);
  return c?.n ?? 0;
}
