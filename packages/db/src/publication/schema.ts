import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { calls } from '../calls/schema.js';
import { users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';

export const batches = pgTable(
  'batches',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    listType: text('list_type').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    entryCount: integer('entry_count').notNull(),
    publishedAt: tz('published_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('batches_list_year_number_uq').on(t.listType, t.year, t.number), index('batches_published_idx').on(t.publishedAt)],
);

/**
 * Immutable: a trigger refuses any change but retiring a version (is_current true → false)
 * and refuses deletes. A correction is a new row with the next version and an erratum.
 */
export const batchEntries = pgTable(
  'batch_entries',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    seq: integer('seq').notNull(),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    listType: text('list_type').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    issuerCreditCode: text('issuer_credit_code').notNull(),
    sector: text('sector').notNull(),
    techFields: text('tech_fields').array().notNull(),
    regionCode: text('region_code'),
    description: text('description').notNull(),
    contact: text('contact'),
    budgetMin: numeric('budget_min', { mode: 'number' }),
    budgetMax: numeric('budget_max', { mode: 'number' }),
    maturityTrl: integer('maturity_trl'),
    erratum: text('erratum'),
    publishedAt: tz('published_at').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('batch_entries_version_uq').on(t.batchId, t.seq, t.version),
    index('batch_entries_current_idx').on(t.isCurrent, t.listType, t.publishedAt),
    // Public lists: current versions of one list type in display order.
    index('batch_entries_public_order_idx')
      .on(t.listType, t.publishedAt.desc(), t.seq, t.id)
      .where(sql`is_current`),
    index('batch_entries_batch_idx').on(t.batchId, t.seq),
    index('batch_entries_sector_idx').on(t.sector),
    index('batch_entries_submission_idx').on(t.submissionId),
  ],
);

export const benchmarkCases = pgTable(
  'benchmark_cases',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    sector: text('sector').notNull(),
    resultsText: text('results_text').notNull(),
    promotedAt: tz('promoted_at').notNull(),
    promotedBy: uuid('promoted_by').references(() => users.id),
  },
  (t) => [uniqueIndex('benchmark_cases_submission_uq').on(t.submissionId), index('benchmark_cases_promoted_idx').on(t.promotedAt)],
);

/**
 * 标杆案例清单: numbered batches in their own series (year + number), apart from the call
 * batches because they come from accepted items of any call or challenge, not from one call.
 */
export const benchmarkBatches = pgTable(
  'benchmark_batches',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    entryCount: integer('entry_count').notNull(),
    publishedAt: tz('published_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('benchmark_batches_year_number_uq').on(t.year, t.number), index('benchmark_batches_published_idx').on(t.publishedAt)],
);

/** Immutable like batch_entries (same trigger rule): a correction is the next version with an erratum. */
export const benchmarkEntries = pgTable(
  'benchmark_entries',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => benchmarkBatches.id),
    seq: integer('seq').notNull(),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    sector: text('sector').notNull(),
    regionCode: text('region_code'),
    resultsText: text('results_text').notNull(),
    acceptanceReport: text('acceptance_report'),
    winner: text('winner'),
    erratum: text('erratum'),
    publishedAt: tz('published_at').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('benchmark_entries_version_uq').on(t.batchId, t.seq, t.version),
    // An item is a benchmark case once: it sits in one batch only.
    uniqueIndex('benchmark_entries_submission_uq').on(t.submissionId, t.version),
    index('benchmark_entries_batch_idx').on(t.batchId, t.seq),
  ],
);
