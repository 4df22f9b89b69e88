import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';

/**
 * The operator's annual targets (docs/dashboard.md). `metric` is one of the dashboard's target
 * metrics; money targets are in 分, counts are counts.
 */
export const annualTargets = pgTable(
  'annual_targets',
  {
    year: integer('year').notNull(),
    metric: text('metric').notNull(),
    target: bigint('target', { mode: 'number' }).notNull(),
    setBy: uuid('set_by').references(() => users.id),
    setAt: tz('set_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.metric] }),
    check('annual_targets_target', sql`${t.target} >= 0`),
    check('annual_targets_year', sql`${t.year} between 2000 and 2100`),
  ],
);

/**
 * Public listing views, counted once per visitor per day (Asia/Shanghai) without keeping who:
 * `visitor_key` is a keyed hash of the visitor under that day's secret (`listing_view_salts`),
 * and both the keys and the secret are deleted once the day is over, leaving only the counts
 * in `listing_view_counts`.
 */
export const listingViewCounts = pgTable(
  'listing_view_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.submissionId] }), index('listing_view_counts_submission_idx').on(t.submissionId)],
);

export const listingViewVisitors = pgTable(
  'listing_view_visitors',
  {
    day: date('day', { mode: 'string' }).notNull(),
    submissionId: uuid('submission_id').notNull(),
    visitorKey: text('visitor_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.submissionId, t.visitorKey] })],
);

export const listingViewSalts = pgTable('listing_view_salts', {
  day: date('day', { mode: 'string' }).primaryKey(),
  salt: text('salt').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});
