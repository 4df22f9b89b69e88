import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';

/**
 * 揭榜挂帅 challenges posted by an organisation (the owner). Indicators, milestones, the delivery
 * period, the review scheme and the eligibility rules are stored as validated JSON (domain
 * challengeInputSchema); the reward is an integer of 分.
 */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** A published scenario need of the same organisation it was drafted from, if any. */
    sourceNeedId: uuid('source_need_id').references(() => submissions.id),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    indicators: jsonb('indicators').notNull(),
    rewardFen: bigint('reward_fen', { mode: 'number' }).notNull(),
    milestones: jsonb('milestones').notNull(),
    deliveryPeriod: jsonb('delivery_period').notNull(),
    /** 'single' or 'horse_race' (赛马, with maxTeams ≥ 2). */
    mode: text('mode').notNull(),
    maxTeams: integer('max_teams'),
    applicationDeadline: tz('application_deadline').notNull(),
    reviewScheme: jsonb('review_scheme').notNull(),
    eligibility: jsonb('eligibility').notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    /** The owner's note of what changed when an open challenge was edited (told to applicants). */
    changeSummary: jsonb('change_summary'),
    submittedAt: tz('submitted_at'),
    /** When the operator first approved it: it has been public since. */
    firstOpenedAt: tz('first_opened_at'),
    closedAt: tz('closed_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('challenges_status_idx').on(t.status, t.applicationDeadline),
    index('challenges_organization_idx').on(t.organizationId, t.createdAt),
    check('challenges_reward_positive', sql`${t.rewardFen} > 0`),
    check(
      'challenges_mode_teams',
      sql`(${t.mode} = 'single' and ${t.maxTeams} is null) or (${t.mode} = 'horse_race' and ${t.maxTeams} >= 2)`,
    ),
  ],
);
