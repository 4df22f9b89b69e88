import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
/** PostgreSQL's 64-bit transaction id, read as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull(),
  kind: text('kind').notNull(),
  regionCode: text('region_code').notNull(),
  address: text('address'),
  contactName: text('contact_name').notNull(),
  contactPhone: text('contact_phone').notNull(),
  status: text('status').notNull(),
  statusReason: text('status_reason'),
  isPlatformOperator: boolean('is_platform_operator').notNull().default(false),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('organizations_credit_code_uq').on(t.creditCode),
  index('organizations_status_idx').on(t.status, t.createdAt),
]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: tz('created_at').notNull().defaultNow(),
  passwordChangedAt: tz('password_changed_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_email_uq').on(t.email),
  index('users_organization_idx').on(t.organizationId),
]);

/**
 * Attempt counters for logins and password changes (docs/adr/0003, "Login throttling").
 * `scope` is 'login:<client network>', 'login:*' (the whole account) or 'password'. An attempt
 * claims a slot here, atomically, before the password is checked; `next_attempt_at` is when the
 * next claim may succeed.
 */
export const authThrottles = pgTable('auth_throttles', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  scope: text('scope').notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: tz('next_attempt_at').notNull(),
  lastAttemptAt: tz('last_attempt_at').notNull(),
  /** When a refused attempt was last audited: one audit row per claimed attempt, not per refused one. */
  refusalAuditedAt: tz('refusal_audited_at'),
}, (t) => [primaryKey({ columns: [t.userId, t.scope] })]);

/** The id is the SHA-256 of the cookie token, so a leaked table does not leak sessions. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const calls = pgTable('calls', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  title: text('title').notNull(),
  listType: text('list_type').notNull(),
  description: text('description').notNull(),
  opensAt: tz('opens_at').notNull(),
  closesAt: tz('closes_at').notNull(),
  status: text('status').notNull(),
  statusReason: text('status_reason'),
  reviewScheme: jsonb('review_scheme').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [index('calls_status_idx').on(t.status, t.closesAt)]);

export const submissions = pgTable('submissions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  callId: uuid('call_id').notNull().references(() => calls.id),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  listType: text('list_type').notNull(),
  status: text('status').notNull(),
  statusReason: text('status_reason'),
  title: text('title').notNull(),
  data: jsonb('data').notNull(),
  sector: text('sector'),
  techFields: text('tech_fields').array().notNull().default(sql`'{}'::text[]`),
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
  /** Set when the operator merged this item into another as its near-duplicate. */
  mergedIntoId: uuid('merged_into_id'),
  /**
   * The transaction that last wrote the row (a trigger keeps it). The search index reads rows
   * written since the oldest transaction still running, so a late commit is never skipped.
   */
  changeXid: xid8('change_xid'),
}, (t) => [
  uniqueIndex('submissions_import_fingerprint_uq').on(t.importFingerprint),
  index('submissions_org_idx').on(t.organizationId, t.createdAt),
  index('submissions_call_status_idx').on(t.callId, t.status),
  index('submissions_status_created_idx').on(t.status, t.createdAt),
  // The list order (newest first, id as tie-break) read backwards, so a page needs no sort.
  index('submissions_created_id_idx').on(t.createdAt, t.id),
  // The operator's list (everything submitted at least once), newest first: ids and OFFSET
  // straight from the index, so deep pages do not read and filter every row before them.
  index('submissions_submitted_list_idx').on(t.createdAt, t.id).where(sql`submitted_at is not null`),
  index('submissions_change_xid_idx').on(t.changeXid),
]);

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  submissionId: uuid('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tz('created_at').notNull().defaultNow(),
}, (t) => [index('attachments_submission_idx').on(t.submissionId)]);

export const auditEvents = pgTable('audit_events', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: tz('at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  reason: text('reason'),
  data: jsonb('data'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq)]);

/** One row: the last link of the audit chain, locked by every writer to serialise appends. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Organisations a reviewer declared a relation with: never assigned their items. */
export const reviewerRelations = pgTable('reviewer_relations', {
  reviewerUserId: uuid('reviewer_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  note: text('note'),
  createdAt: tz('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.reviewerUserId, t.organizationId] })]);

export const reviewAssignments = pgTable('review_assignments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  callId: uuid('call_id').notNull().references(() => calls.id),
  submissionId: uuid('submission_id').notNull().references(() => submissions.id),
  reviewerUserId: uuid('reviewer_user_id').notNull().references(() => users.id),
  /** assigned → submitted; or conflict_declared (the slot is refilled by another reviewer). */
  status: text('status').notNull(),
  scores: jsonb('scores').notNull().default(sql`'{}'::jsonb`),
  comments: jsonb('comments').notNull().default(sql`'{}'::jsonb`),
  weightedScore: numeric('weighted_score', { mode: 'number' }),
  conflictReason: text('conflict_reason'),
  assignedBy: uuid('assigned_by').references(() => users.id),
  assignedAt: tz('assigned_at').notNull().defaultNow(),
  dueAt: tz('due_at'),
  submittedAt: tz('submitted_at'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('review_assignments_item_reviewer_uq').on(t.submissionId, t.reviewerUserId),
  index('review_assignments_reviewer_idx').on(t.reviewerUserId, t.status),
  index('review_assignments_call_idx').on(t.callId),
]);

export const batches = pgTable('batches', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  callId: uuid('call_id').notNull().references(() => calls.id),
  listType: text('list_type').notNull(),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  issuer: text('issuer').notNull(),
  entryCount: integer('entry_count').notNull(),
  publishedAt: tz('published_at').notNull(),
  publishedBy: uuid('published_by').references(() => users.id),
}, (t) => [
  uniqueIndex('batches_list_year_number_uq').on(t.listType, t.year, t.number),
  index('batches_published_idx').on(t.publishedAt),
]);

/**
 * Immutable: a trigger refuses any change but retiring a version (is_current true → false)
 * and refuses deletes. A correction is a new row with the next version and an erratum.
 */
export const batchEntries = pgTable('batch_entries', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  batchId: uuid('batch_id').notNull().references(() => batches.id),
  seq: integer('seq').notNull(),
  version: integer('version').notNull(),
  isCurrent: boolean('is_current').notNull(),
  submissionId: uuid('submission_id').notNull().references(() => submissions.id),
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
}, (t) => [
  uniqueIndex('batch_entries_version_uq').on(t.batchId, t.seq, t.version),
  index('batch_entries_current_idx').on(t.isCurrent, t.listType, t.publishedAt),
  // Public lists: current versions of one list type in display order.
  index('batch_entries_public_order_idx').on(t.listType, t.publishedAt.desc(), t.seq, t.id).where(sql`is_current`),
  index('batch_entries_batch_idx').on(t.batchId, t.seq),
  index('batch_entries_sector_idx').on(t.sector),
  index('batch_entries_submission_idx').on(t.submissionId),
]);

export const benchmarkCases = pgTable('benchmark_cases', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  submissionId: uuid('submission_id').notNull().references(() => submissions.id),
  title: text('title').notNull(),
  issuer: text('issuer').notNull(),
  sector: text('sector').notNull(),
  resultsText: text('results_text').notNull(),
  promotedAt: tz('promoted_at').notNull(),
  promotedBy: uuid('promoted_by').references(() => users.id),
}, (t) => [uniqueIndex('benchmark_cases_submission_uq').on(t.submissionId), index('benchmark_cases_promoted_idx').on(t.promotedAt)]);

/** Small settings kept by the app itself: the signing secret, the search vocabulary version. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** Words operators added to the segmentation dictionary in the app. */
export const searchTerms = pgTable('search_terms', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  term: text('term').notNull(),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tz('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('search_terms_term_uq').on(t.term)]);

/**
 * Operator synonyms. kind equivalent | near: every term stands for the others;
 * one_way: terms[0] (everyday word) also finds the rest (formal words), not back.
 */
export const searchSynonyms = pgTable('search_synonyms', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  terms: text('terms').array().notNull(),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** An operator's or broker's pin or exclusion of one match result, with the reason. */
export const matchDecisions = pgTable('match_decisions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  sourceId: uuid('source_id').notNull().references(() => submissions.id),
  targetId: uuid('target_id').notNull().references(() => submissions.id),
  decision: text('decision').notNull(),
  reason: text('reason').notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: tz('decided_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('match_decisions_pair_uq').on(t.sourceId, t.targetId)]);

/** 意向: one side of a need–capability pair says it wants to talk. One per organisation and pair. */
export const interests = pgTable('interests', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  needId: uuid('need_id').notNull().references(() => submissions.id),
  capabilityId: uuid('capability_id').notNull().references(() => submissions.id),
  fromOrganizationId: uuid('from_organization_id').notNull().references(() => organizations.id),
  fromSide: text('from_side').notNull(),
  message: text('message'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tz('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('interests_pair_org_uq').on(t.needId, t.capabilityId, t.fromOrganizationId),
  index('interests_need_idx').on(t.needId),
  index('interests_capability_idx').on(t.capabilityId),
]);

/** In-app notifications. dedupe_key makes a repeated job write each one once. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  link: text('link'),
  data: jsonb('data'),
  dedupeKey: text('dedupe_key'),
  createdAt: tz('created_at').notNull().defaultNow(),
  readAt: tz('read_at'),
}, (t) => [
  uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
  index('notifications_user_idx').on(t.userId, t.createdAt),
]);

/** Saved searches and "match me" profiles, each with a digest frequency. */
export const subscriptions = pgTable('subscriptions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  query: jsonb('query').notNull(),
  frequency: text('frequency').notNull(),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  createdAt: tz('created_at').notNull().defaultNow(),
  unsubscribedAt: tz('unsubscribed_at'),
  lastDigestAt: tz('last_digest_at'),
}, (t) => [index('subscriptions_user_idx').on(t.userId)]);

/** A new published item that matched a subscription, waiting for (or already in) a digest. */
export const subscriptionHits = pgTable('subscription_hits', {
  subscriptionId: uuid('subscription_id').notNull().references(() => subscriptions.id, { onDelete: 'cascade' }),
  submissionId: uuid('submission_id').notNull().references(() => submissions.id),
  score: numeric('score', { mode: 'number' }),
  matchedAt: tz('matched_at').notNull().defaultNow(),
  digestedAt: tz('digested_at'),
}, (t) => [
  primaryKey({ columns: [t.subscriptionId, t.submissionId] }),
  index('subscription_hits_pending_idx').on(t.subscriptionId).where(sql`digested_at is null`),
]);

/**
 * Messages to send (email), written in the same transaction as the change that causes them.
 * A worker claims a row with a lease, sends, and marks it sent; dedupe_key keeps a job that
 * runs twice from queueing a message twice.
 */
export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  payload: jsonb('payload').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  availableAt: tz('available_at').notNull().defaultNow(),
  lockedUntil: tz('locked_until'),
  lockedBy: text('locked_by'),
  sentAt: tz('sent_at'),
  lastError: text('last_error'),
  createdAt: tz('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
  index('outbox_pending_idx').on(t.availableAt).where(sql`status = 'pending'`),
]);

/**
 * One row per periodic job (packages/server/src/jobs). A process runs a job only after taking
 * its lease (leased_until in the future, leased_by itself) in one statement; a holder that
 * dies leaves the lease to run out. The other columns say when the job last ran and how.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  leasedBy: text('leased_by'),
  leasedUntil: tz('leased_until'),
  lastStartedAt: tz('last_started_at'),
  lastFinishedAt: tz('last_finished_at'),
  /** The last run's error; null when it succeeded. */
  lastError: text('last_error'),
  runCount: integer('run_count').notNull().default(0),
});
