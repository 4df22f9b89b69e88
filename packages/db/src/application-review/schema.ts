import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { users } from '../organizations/schema.js';
import { challenges } from '../challenges/schema.js';
import { applications } from '../applications/schema.js';

/**
 * A reviewer's assignment on one 揭榜 application: the same lifecycle as a call's review
 * assignment (reviewAssignmentMachine: assigned → submitted, or conflict_declared), scored per
 * criterion of the challenge's review scheme.
 */
export const applicationReviews = pgTable(
  'application_reviews',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
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
    uniqueIndex('application_reviews_item_reviewer_uq').on(t.applicationId, t.reviewerUserId),
    index('application_reviews_reviewer_idx').on(t.reviewerUserId, t.status),
    index('application_reviews_challenge_idx').on(t.challengeId),
    check('application_reviews_status', sql`${t.status} in ('assigned', 'submitted', 'conflict_declared')`),
  ],
);

/** 答辩/路演 slots (defenceSlotMachine): a time, a room or an online link, the applications heard. */
export const defenceSlots = pgTable(
  'defence_slots',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id),
    startsAt: tz('starts_at').notNull(),
    endsAt: tz('ends_at').notNull(),
    room: text('room'),
    onlineLink: text('online_link'),
    note: text('note'),
    status: text('status').notNull(),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('defence_slots_challenge_idx').on(t.challengeId, t.startsAt),
    check('defence_slots_time', sql`${t.endsAt} > ${t.startsAt}`),
    check('defence_slots_place', sql`${t.room} is not null or ${t.onlineLink} is not null`),
    check('defence_slots_status', sql`${t.status} in ('scheduled', 'cancelled')`),
  ],
);

/**
 * The applications heard in a slot. `active` while the slot is scheduled; the partial unique
 * index keeps an application in at most one live slot, even under concurrent edits.
 */
export const defenceSlotApplications = pgTable(
  'defence_slot_applications',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => defenceSlots.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.applicationId] }),
    uniqueIndex('defence_slot_applications_one_live')
      .on(t.applicationId)
      .where(sql`active`),
  ],
);
