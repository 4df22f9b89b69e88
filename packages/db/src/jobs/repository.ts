import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { jobRuns } from '../schema.js';

export type JobRunRow = typeof jobRuns.$inferSelect;

export interface JobClaim {
  name: string;
  holder: string;
  now: Date;
  leaseMs: number;
  /** The job is due only if it last started at or before this time (its interval, shared by all processes). */
  dueIfStartedBefore: Date;
}

/**
 * Takes the job's lease for `holder` until `now + leaseMs` if nobody holds a live one and the
 * job is due; returns the row, or undefined when another process has it or it ran recently.
 * One statement: on PostgreSQL, a concurrent INSERT … ON CONFLICT waits for the other's row
 * lock and then evaluates the WHERE on the row as committed, so of two claimers one wins.
 * The first claim of a job inserts its row.
 */
export async function claimJobLease(db: Executor, c: JobClaim): Promise<JobRunRow | undefined> {
  const until = new Date(c.now.getTime() + c.leaseMs);
  const [row] = await db
    .insert(jobRuns)
    .values({ name: c.name, leasedBy: c.holder, leasedUntil: until, lastStartedAt: c.now, runCount: 1 })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { leasedBy: c.holder, leasedUntil: until, lastStartedAt: c.now, runCount: sql`${jobRuns.runCount} + 1` },
      setWhere: and(
        or(isNull(jobRuns.leasedUntil), lte(jobRuns.leasedUntil, c.now)),
        or(isNull(jobRuns.lastStartedAt), lte(jobRuns.lastStartedAt, c.dueIfStartedBefore)),
      ),
    })
    .returning();
  return row;
}

/**
 * Ends a run: frees the lease and records the outcome, only if `holder` still has the lease.
 * False means it ran out and another process took the job over: the caller logs it.
 */
export async function releaseJobLease(
  db: Executor,
  o: { name: string; holder: string; now: Date; error: string | null },
): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ leasedBy: null, leasedUntil: null, lastFinishedAt: o.now, lastError: o.error?.slice(0, 2000) ?? null })
    .where(and(eq(jobRuns.name, o.name), eq(jobRuns.leasedBy, o.holder)))
    .returning({ name: jobRuns.name });
  return rows.length === 1;
}

export async function listJobRuns(db: Executor): Promise<JobRunRow[]> {
  return db.select().from(jobRuns).orderBy(asc(jobRuns.name));
}
