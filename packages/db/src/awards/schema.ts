import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { challenges } from '../challenges/schema.js';
import { applications } from '../applications/schema.js';

/**
 * 中榜 and its task agreement (任务书, docs/challenges.md "Award and delivery"): one row per winning
 * application once the challenge's 公示 is final. The amount is the winner's quote in 分.
 * `paid_fen` is kept by the award_payments trigger (migration 0021), never by the application:
 * the CHECK below makes the database refuse any payment that would take it over the amount,
 * whatever the concurrency.
 */
export const challengeAwards = pgTable(
  'challenge_awards',
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
    /** The lead organisation (the winner of record). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The 公示 that made it final. */
    publicityId: uuid('publicity_id'),
    /** 任务书编号, e.g. RW-2026-0001. */
    agreementNo: text('agreement_no').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    /** active → completed | eliminated (赛马) | terminated (awardMachine). */
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    awardedAt: tz('awarded_at').notNull(),
    /** When the task agreement was started (the first milestone's clock). */
    agreementStartedAt: tz('agreement_started_at'),
    closedAt: tz('closed_at'),
    /** 验收报告 when every milestone has passed: what the scenario's `accept` refers to. */
    acceptanceReport: text('acceptance_report'),
    version: integer('version').notNull().default(1),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('challenge_awards_application_uq').on(t.applicationId),
    uniqueIndex('challenge_awards_agreement_no_uq').on(t.agreementNo),
    index('challenge_awards_challenge_idx').on(t.challengeId),
    index('challenge_awards_organization_idx').on(t.organizationId, t.status),
    check('challenge_awards_amount_positive', sql`${t.amountFen} > 0`),
    check('challenge_awards_paid_within_amount', sql`${t.paidFen} >= 0 and ${t.paidFen} <= ${t.amountFen}`),
    check('challenge_awards_status', sql`${t.status} in ('active', 'completed', 'eliminated', 'terminated')`),
  ],
);

/**
 * A milestone of a task agreement, copied from the challenge's payment schedule at award time,
 * due on the date the winner's application planned. `checkpoint` marks a 赛马 assessment point.
 * `round` counts deliveries: a failed milestone is delivered again in the next round.
 */
export const awardMilestones = pgTable(
  'award_milestones',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    awardId: uuid('award_id')
      .notNull()
      .references(() => challengeAwards.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    deliverables: text('deliverables').notNull(),
    percent: integer('percent').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Shanghai date (YYYY-MM-DD). */
    dueDate: text('due_date'),
    checkpoint: boolean('checkpoint').notNull().default(false),
    /** pending → submitted → passed | passed_with_conditions | failed (milestoneMachine). */
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    round: integer('round').notNull().default(0),
    deliveryNote: text('delivery_note'),
    /** [{title, url}] or uploaded attachment references. */
    deliveryFiles: jsonb('delivery_files')
      .notNull()
      .default(sql`'[]'::jsonb`),
    deliveredAt: tz('delivered_at'),
    decidedAt: tz('decided_at'),
    /** 验收结论 of the round that decided it: conditions for pass_with_conditions, the mean score. */
    conditions: text('conditions'),
    meanScore: numeric('mean_score', { mode: 'number' }),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('award_milestones_seq_uq').on(t.awardId, t.seq),
    check('award_milestones_percent', sql`${t.percent} between 1 and 100`),
    check('award_milestones_amount', sql`${t.amountFen} >= 0`),
    check('award_milestones_status', sql`${t.status} in ('pending', 'submitted', 'passed', 'passed_with_conditions', 'failed')`),
  ],
);

/** 验收: who takes part in a milestone's acceptance in a round (the owner's user and k experts), and what each recorded. */
export const milestoneAcceptors = pgTable(
  'milestone_acceptors',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => awardMilestones.id),
    round: integer('round').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'owner' (the posting organisation) or 'expert'. */
    role: text('role').notNull(),
    /** null until recorded: pass | pass_with_conditions | fail. */
    verdict: text('verdict'),
    score: numeric('score', { mode: 'number' }),
    opinion: text('opinion'),
    recordedAt: tz('recorded_at'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('milestone_acceptors_uq').on(t.milestoneId, t.round, t.userId),
    index('milestone_acceptors_user_idx').on(t.userId, t.recordedAt),
    check('milestone_acceptors_role', sql`${t.role} in ('owner', 'expert')`),
    check('milestone_acceptors_verdict', sql`${t.verdict} is null or ${t.verdict} in ('pass', 'pass_with_conditions', 'fail')`),
    check('milestone_acceptors_score', sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 100)`),
  ],
);

/**
 * A payment recorded against a milestone. Inserting one adds its amount to the award's paid_fen
 * (trigger in migration 0021), so the award's CHECK refuses the row that would overpay, also
 * for concurrent requests and for SQL typed by hand. `request_key` makes a retried request a no-op.
 */
export const awardPayments = pgTable(
  'award_payments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    awardId: uuid('award_id')
      .notNull()
      .references(() => challengeAwards.id),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => awardMilestones.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Shanghai date the money left (YYYY-MM-DD). */
    paidOn: text('paid_on').notNull(),
    reference: text('reference').notNull(),
    requestKey: text('request_key').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('award_payments_request_uq').on(t.awardId, t.requestKey),
    index('award_payments_milestone_idx').on(t.milestoneId),
    check('award_payments_amount_positive', sql`${t.amountFen} > 0`),
  ],
);
