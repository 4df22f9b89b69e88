import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { users } from '../organizations/schema.js';

export const calls = pgTable(
  'calls',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    listType: text('list_type').notNull(),
    description: text('description').notNull(),
    opensAt: tz('opens_at').notNull(),
    /** The planned deadline, kept when the call is closed early (see closedAt). */
    closesAt: tz('closes_at').notNull(),
    /** When the call was actually closed, by the operator (possibly early) or by the clock. */
    closedAt: tz('closed_at'),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    reviewScheme: jsonb('review_scheme').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('calls_status_idx').on(t.status, t.closesAt)],
);
