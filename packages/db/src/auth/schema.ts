import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { users } from '../organizations/schema.js';

/**
 * Attempt counters for logins and password changes (docs/adr/0003, "Login throttling").
 * `scope` is 'login:<client network>', 'login:*' (the whole account) or 'password'. An attempt
 * claims a slot here, atomically, before the password is checked; `next_attempt_at` is when the
 * next claim may succeed.
 */
export const authThrottles = pgTable(
  'auth_throttles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: tz('next_attempt_at').notNull(),
    lastAttemptAt: tz('last_attempt_at').notNull(),
    /** When a refused attempt was last audited: one audit row per claimed attempt, not per refused one. */
    refusalAuditedAt: tz('refusal_audited_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scope] })],
);

/** The id is the SHA-256 of the cookie token, so a leaked table does not leak sessions. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    expiresAt: tz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
