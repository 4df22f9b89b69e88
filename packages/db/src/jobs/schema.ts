import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';

/**
 * One row per periodic job (packages/app/src/jobs). A process runs a job only after taking
 * its lease (leased_until in the future, leased_by itself) in one statement; a holder that
 * dies leaves the lease to run out. The other columns say when the job last ran and how.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  leasedBy: text('leased_by'),
  leasedUntil: tz('leased_until'),
  lastStartedAt: tz('last_started_at'),
  lastFinishedAt: tz('last_finished_at'),
  /** The last run's error; null when it succeeded. */
  lastError: text('last_error'),
  runCount: integer('run_count').notNull().default(0),
});
