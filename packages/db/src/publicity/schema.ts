import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';

/**
 * A 公示 (docs/publicity.md): items publicised for a number of working days, during which any
 * approved organisation may object. The subject is a kind and an id ('call_selection' + the
 * call's id now; 'challenge_award' + the challenge's id later), so other features reuse it.
 */
export const publicities = pgTable(
  'publicities',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    title: text('title').notNull(),
    workingDays: integer('working_days').notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    /** When the operator started it: the objection window opens. */
    startedAt: tz('started_at'),
    /** 24:00 Asia/Shanghai of the last working day: the window is [startedAt, endsAt). */
    endsAt: tz('ends_at'),
    /** The last working day (Shanghai date), for display. */
    lastDay: text('last_day'),
    endedAt: tz('ended_at'),
    finalizedAt: tz('finalized_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('publicities_subject_idx').on(t.subjectKind, t.subjectId),
    index('publicities_status_idx').on(t.status, t.endsAt),
    // One live publicity per subject at a time (cancelled and final ones do not count).
    uniqueIndex('publicities_one_live_per_subject')
      .on(t.subjectKind, t.subjectId)
      .where(sql`${t.status} in ('draft', 'running', 'ended')`),
    check('publicities_working_days_range', sql`${t.workingDays} between 1 and 30`),
  ],
);

/** An item publicised: a selected submission now, a proposed winner later. Revoked by an upheld objection. */
export const publicityItems = pgTable(
  'publicity_items',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    publicityId: uuid('publicity_id')
      .notNull()
      .references(() => publicities.id),
    seq: integer('seq').notNull(),
    /** The subject's item (a submission's id for call_selection). */
    subjectItemId: uuid('subject_item_id').notNull(),
    name: text('name').notNull(),
    /** The item's owner: told of decisions on objections against it. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    organizationName: text('organization_name').notNull(),
    /** 'listed' or 'revoked'. */
    status: text('status').notNull().default('listed'),
    revokedReason: text('revoked_reason'),
    revokedAt: tz('revoked_at'),
  },
  (t) => [
    uniqueIndex('publicity_items_subject_item_uq').on(t.publicityId, t.subjectItemId),
    check('publicity_items_status', sql`${t.status} in ('listed', 'revoked')`),
  ],
);

/** 异议: who lodged it is for operators only; the public sees counts and outcomes. */
export const publicityObjections = pgTable(
  'publicity_objections',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    publicityId: uuid('publicity_id')
      .notNull()
      .references(() => publicities.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => publicityItems.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    lodgedBy: uuid('lodged_by')
      .notNull()
      .references(() => users.id),
    reasons: text('reasons').notNull(),
    /** [{title, url}] text links (no uploaded files yet). */
    evidence: jsonb('evidence')
      .notNull()
      .default(sql`'[]'::jsonb`),
    contact: text('contact').notNull(),
    status: text('status').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('publicity_objections_publicity_idx').on(t.publicityId, t.createdAt),
    index('publicity_objections_organization_idx').on(t.organizationId, t.createdAt),
    check('publicity_objections_status', sql`${t.status} in ('pending', 'dismissed', 'upheld')`),
  ],
);
