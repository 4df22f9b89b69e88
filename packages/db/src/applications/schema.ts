import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { challenges } from '../challenges/schema.js';

/**
 * 揭榜 applications to a challenge, by a lead organisation alone or with consortium members
 * (application_participants). The quote is an integer of 分; the team leader and the schedule
 * (one planned date per challenge milestone) are validated JSON (domain applicationContentSchema).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id),
    leadOrganizationId: uuid('lead_organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    plan: text('plan').notNull(),
    teamLeader: jsonb('team_leader').notNull(),
    quoteFen: bigint('quote_fen', { mode: 'number' }).notNull(),
    schedule: jsonb('schedule').notNull(),
    submittedAt: tz('submitted_at'),
    withdrawnAt: tz('withdrawn_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('applications_challenge_idx').on(t.challengeId, t.status),
    index('applications_lead_idx').on(t.leadOrganizationId, t.status),
    // One live application per lead organisation and challenge; a withdrawn one frees the place.
    uniqueIndex('applications_one_per_lead')
      .on(t.challengeId, t.leadOrganizationId)
      .where(sql`status <> 'withdrawn'`),
    check('applications_quote_positive', sql`${t.quoteFen} > 0`),
  ],
);

/**
 * Who takes part in an application: the lead (role 'lead', confirmed by construction) and each
 * consortium member (role 'member': invited → confirmed | declined). An organisation takes part in
 * at most one live application per challenge, as lead or member: the partial unique index enforces
 * it; a withdrawn application's rows and a declined member's row are no longer `active`.
 */
export const applicationParticipants = pgTable(
  'application_participants',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
    status: text('status').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tz('decided_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('application_participants_app_org').on(t.applicationId, t.organizationId),
    uniqueIndex('application_participants_one_per_challenge')
      .on(t.challengeId, t.organizationId)
      .where(sql`active`),
    index('application_participants_org_idx').on(t.organizationId),
    check('application_participants_role', sql`${t.role} in ('lead', 'member')`),
  ],
);
