import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';

/** An operator's or broker's pin or exclusion of one match result, with the reason. */
export const matchDecisions = pgTable(
  'match_decisions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => submissions.id),
    targetId: uuid('target_id')
      .notNull()
      .references(() => submissions.id),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('match_decisions_pair_uq').on(t.sourceId, t.targetId)],
);

/** 意向: one side of a need–capability pair says it wants to talk. One per organisation and pair. */
export const interests = pgTable(
  'interests',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    needId: uuid('need_id')
      .notNull()
      .references(() => submissions.id),
    capabilityId: uuid('capability_id')
      .notNull()
      .references(() => submissions.id),
    fromOrganizationId: uuid('from_organization_id')
      .notNull()
      .references(() => organizations.id),
    fromSide: text('from_side').notNull(),
    message: text('message'),
    /** interestMachine: open → accepted (a deal is opened) | declined (with declineReason). */
    status: text('status').notNull().default('open'),
    declineReason: text('decline_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('interests_pair_org_uq').on(t.needId, t.capabilityId, t.fromOrganizationId),
    index('interests_need_idx').on(t.needId),
    index('interests_capability_idx').on(t.capabilityId),
  ],
);
