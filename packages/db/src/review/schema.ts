import { sql } from 'drizzle-orm';
import { index, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { calls } from '../calls/schema.js';
import { organizations, users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';

/** Organisations a reviewer declared a relation with: never assigned their items. */
export const reviewerRelations = pgTable(
  'reviewer_relations',
  {
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    note: text('note'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewerUserId, t.organizationId] })],
);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    /** assigned → submitted; or conflict_declared (the slot is refilled by another reviewer). */
    status: text('status').notNull(),
    scores: jsonb('scores')
      .notNull()
      .default(sql`'{}'::jsonb`),
    comments: jsonb('comments')
      .notNull()
      .default(sql`'{}'::jsonb`),
    weightedScore: numeric('weighted_score', { mode: 'number' }),
    conflictReason: text('conflict_reason'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: tz('assigned_at').notNull().defaultNow(),
    dueAt: tz('due_at'),
    submittedAt: tz('submitted_at'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_assignments_item_reviewer_uq').on(t.submissionId, t.reviewerUserId),
    index('review_assignments_reviewer_idx').on(t.reviewerUserId, t.status),
    index('review_assignments_call_idx').on(t.callId),
  ],
);
