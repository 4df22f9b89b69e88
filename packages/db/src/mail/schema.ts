import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';

/**
 * Messages to send (email), written in the same transaction as the change that causes them.
 * A worker claims a row with a lease, sends, and marks it sent; dedupe_key keeps a job that
 * runs twice from queueing a message twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: tz('available_at').notNull().defaultNow(),
    lockedUntil: tz('locked_until'),
    lockedBy: text('locked_by'),
    sentAt: tz('sent_at'),
    lastError: text('last_error'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
    index('outbox_pending_idx')
      .on(t.availableAt)
      .where(sql`status = 'pending'`),
  ],
);
