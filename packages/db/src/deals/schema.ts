import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';
import { interests } from '../matching/schema.js';
import { challengeAwards } from '../awards/schema.js';

/**
 * 对接项目 (docs/deals.md): a need and a supplier working towards a contract. It starts from an
 * accepted interest, a challenge award, or a broker's or operator's proposal. `status` is the
 * stage (dealMachine); `activity` is active | dormant (dealActivityMachine), so a dormant deal
 * keeps its stage. Amounts in 分.
 */
export const deals = pgTable(
  'deals',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** DJ-YYYY-NNNNN, drawn under an advisory lock. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** interest | award | manual */
    source: text('source').notNull(),
    needId: uuid('need_id')
      .notNull()
      .references(() => submissions.id),
    /** The supplier's capability listing, when the deal is about one (not for awards or manual pairs without one). */
    capabilityId: uuid('capability_id').references(() => submissions.id),
    demandOrganizationId: uuid('demand_organization_id')
      .notNull()
      .references(() => organizations.id),
    supplyOrganizationId: uuid('supply_organization_id')
      .notNull()
      .references(() => organizations.id),
    interestId: uuid('interest_id').references(() => interests.id),
    awardId: uuid('award_id').references(() => challengeAwards.id),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    activity: text('activity').notNull().default('active'),
    brokerUserId: uuid('broker_user_id').references(() => users.id),
    expectedAmountFen: bigint('expected_amount_fen', { mode: 'number' }),
    /** When each stage was first reached: the funnel and the stage durations read these. */
    intentAt: tz('intent_at'),
    meetingAt: tz('meeting_at'),
    negotiatingAt: tz('negotiating_at'),
    signedAt: tz('signed_at'),
    declinedAt: tz('declined_at'),
    lastActivityAt: tz('last_activity_at').notNull().defaultNow(),
    dormantSince: tz('dormant_since'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('deals_code_uq').on(t.code),
    uniqueIndex('deals_interest_uq')
      .on(t.interestId)
      .where(sql`${t.interestId} is not null`),
    uniqueIndex('deals_award_uq')
      .on(t.awardId)
      .where(sql`${t.awardId} is not null`),
    index('deals_status_idx').on(t.status, t.activity),
    index('deals_broker_idx').on(t.brokerUserId, t.status),
    index('deals_need_idx').on(t.needId),
    index('deals_demand_org_idx').on(t.demandOrganizationId),
    index('deals_supply_org_idx').on(t.supplyOrganizationId),
    index('deals_last_activity_idx').on(t.lastActivityAt),
    check('deals_source', sql`${t.source} in ('interest', 'award', 'manual')`),
    check('deals_status', sql`${t.status} in ('suggested', 'intent', 'meeting', 'negotiating', 'signed', 'declined')`),
    check('deals_activity', sql`${t.activity} in ('active', 'dormant')`),
    check('deals_expected_amount', sql`${t.expectedAmountFen} is null or ${t.expectedAmountFen} >= 0`),
    check('deals_two_parties', sql`${t.demandOrganizationId} <> ${t.supplyOrganizationId}`),
  ],
);

/**
 * A deal's activity log: calls, meetings, visits, documents and notes, each with an optional next
 * step and its due date (Asia/Shanghai). Append-only; a next step is closed by `next_step_done_at`.
 */
export const dealActivities = pgTable(
  'deal_activities',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id),
    /** call | meeting | visit | document | note */
    kind: text('kind').notNull(),
    note: text('note').notNull(),
    occurredAt: tz('occurred_at').notNull(),
    /** [{title, url}] for documents. */
    links: jsonb('links')
      .notNull()
      .default(sql`'[]'::jsonb`),
    nextStep: text('next_step'),
    nextStepDueOn: date('next_step_due_on', { mode: 'string' }),
    nextStepDoneAt: tz('next_step_done_at'),
    /** Set when the due reminder went out, so each next step is reminded once. */
    remindedAt: tz('reminded_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('deal_activities_deal_idx').on(t.dealId, t.occurredAt),
    index('deal_activities_due_idx')
      .on(t.nextStepDueOn)
      .where(sql`${t.nextStepDueOn} is not null and ${t.nextStepDoneAt} is null`),
    check('deal_activities_kind', sql`${t.kind} in ('call', 'meeting', 'visit', 'document', 'note')`),
    check('deal_activities_next_step', sql`(${t.nextStep} is null) = (${t.nextStepDueOn} is null)`),
  ],
);

/** 技术经理人 profile: fields of expertise (technology-field codes of the taxonomy) and certificate. */
export const brokerProfiles = pgTable('broker_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  fields: text('fields')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  certificateNo: text('certificate_no'),
  bio: text('bio'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
