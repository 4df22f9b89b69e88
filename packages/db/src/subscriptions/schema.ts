import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';

/** Saved searches and "match me" profiles, each with a digest frequency. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').notNull(),
    frequency: text('frequency').notNull(),
    emailEnabled: boolean('email_enabled').notNull().default(true),
    createdAt: tz('created_at').notNull().defaultNow(),
    unsubscribedAt: tz('unsubscribed_at'),
    lastDigestAt: tz('last_digest_at'),
  },
  (t) => [index('subscriptions_user_idx').on(t.userId)],
);

/** A new published item that matched a subscription, waiting for (or already in) a digest. */
export const subscriptionHits = pgTable(
  'subscription_hits',
  {
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    score: numeric('score', { mode: 'number' }),
    matchedAt: tz('matched_at').notNull().defaultNow(),
    digestedAt: tz('digested_at'),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.submissionId] }),
    index('subscription_hits_pending_idx')
      .on(t.subscriptionId)
      .where(sql`digested_at is null`),
  ],
);
