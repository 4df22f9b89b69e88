import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';

/**
 * The operator's decision that an organisation may apply to one challenge although the automatic
 * screening refused it (资格审查人工复核). `challenge_ref` is the challenge's id as text, so the
 * record does not wait for the challenge tables; one per organisation and challenge.
 */
export const eligibilityOverrides = pgTable(
  'eligibility_overrides',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    challengeRef: text('challenge_ref').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eligibility_overrides_org_challenge_uq').on(t.organizationId, t.challengeRef)],
);

/**
 * Awards an organisation received in a programme (揭榜挂帅 challenges: programme 'challenges'),
 * the record the rule "not a winner of this programme in the last N years" reads. The award step
 * of challenges writes a row when an award becomes final and sets `revoked_at` when an upheld
 * objection revokes it. Until challenges award (a later increment), the table is empty and the
 * rule passes every organisation.
 */
export const programmeAwards = pgTable(
  'programme_awards',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programme: text('programme').notNull(),
    /** The challenge (or other object) awarded, as text. */
    sourceRef: text('source_ref').notNull(),
    awardedAt: tz('awarded_at').notNull(),
    revokedAt: tz('revoked_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('programme_awards_org_idx').on(t.organizationId, t.programme, t.awardedAt)],
);
