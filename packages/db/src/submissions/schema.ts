import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, xid8, tz } from '../columns.js';
import { calls } from '../calls/schema.js';
import { organizations, users } from '../organizations/schema.js';

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    listType: text('list_type').notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    title: text('title').notNull(),
    data: jsonb('data').notNull(),
    sector: text('sector'),
    techFields: text('tech_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    regionCode: text('region_code'),
    budgetMin: numeric('budget_min', { mode: 'number' }),
    budgetMax: numeric('budget_max', { mode: 'number' }),
    maturityTrl: integer('maturity_trl'),
    importFingerprint: text('import_fingerprint'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    submittedAt: tz('submitted_at'),
    /**
     * The serial of the receipt reference (回执编号, e.g. SB2026-000123), given at insert by the
     * database and never changed, so the number on a printed receipt always finds the item.
     */
    receiptSeq: integer('receipt_seq').generatedByDefaultAsIdentity(),
    /**
     * Published listings only: when the listing stops being current (exclusive), set at its first
     * publication (domain listingValidUntil); the clock expires it then (expireSubmissionsByClock).
     */
    validUntil: tz('valid_until'),
    /** When the owner was told the validity runs out soon (kind submission.expiring); once per validity. */
    expiryRemindedAt: tz('expiry_reminded_at'),
    /** Set when the operator merged this item into another as its near-duplicate. */
    mergedIntoId: uuid('merged_into_id'),
    /**
     * The transaction that last wrote the row (a trigger keeps it). The search index reads rows
     * written since the oldest transaction still running, so a late commit is never skipped.
     */
    changeXid: xid8('change_xid'),
  },
  (t) => [
    uniqueIndex('submissions_import_fingerprint_uq').on(t.importFingerprint),
    index('submissions_org_idx').on(t.organizationId, t.createdAt),
    index('submissions_call_status_idx').on(t.callId, t.status),
    index('submissions_status_created_idx').on(t.status, t.createdAt),
    // The list order (newest first, id as tie-break) read backwards, so a page needs no sort.
    index('submissions_created_id_idx').on(t.createdAt, t.id),
    // The operator's list (everything submitted at least once), newest first: ids and OFFSET
    // straight from the index, so deep pages do not read and filter every row before them.
    index('submissions_submitted_list_idx')
      .on(t.createdAt, t.id)
      .where(sql`submitted_at is not null`),
    index('submissions_change_xid_idx').on(t.changeXid),
    // The expiry clock: only current listings carry a validity worth scanning.
    index('submissions_valid_until_idx')
      .on(t.validUntil)
      .where(sql`status in ('published', 'matching')`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_submission_idx').on(t.submissionId)],
);
