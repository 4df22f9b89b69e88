import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
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
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: tz('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: tz('created_at').notNull().defaultNow(),
  passwordChangedAt: tz('password_changed_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_email_uq').on(t.email),
  index('users_organization_idx').on(t.organizationId),
]);

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
}, (t) => [
  uniqueIndex('submissions_import_fingerprint_uq').on(t.importFingerprint),
  index('submissions_org_idx').on(t.organizationId, t.createdAt),
  index('submissions_call_status_idx').on(t.callId, t.status),
  index('submissions_status_created_idx').on(t.status, t.createdAt),
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
