import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from '../columns.js';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
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
  },
  (t) => [uniqueIndex('organizations_credit_code_uq').on(t.creditCode), index('organizations_status_idx').on(t.status, t.createdAt)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: tz('created_at').notNull().defaultNow(),
    passwordChangedAt: tz('password_changed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_organization_idx').on(t.organizationId)],
);

/**
 * The business licence (营业执照) an organisation sends with its registration, for the operator
 * to check before approving. Stored in the database like submission attachments; each upload is
 * a new row (a re-application may bring a new scan), the newest is the one shown.
 */
export const organizationLicences = pgTable(
  'organization_licences',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('organization_licences_organization_idx').on(t.organizationId, t.createdAt)],
);

/**
 * The qualifications (资质: 高新技术企业, 专精特新 …) the operator has recorded for an organisation,
 * after checking the certificate. `code` is a QUALIFICATION_CODES entry of the domain; one row per
 * code (a renewal updates it by removing and adding). `valid_until` is the certificate's last
 * valid day (Asia/Shanghai); null when it does not lapse. An expired one is kept and shown, but
 * no longer counts for eligibility.
 */
export const organizationQualifications = pgTable(
  'organization_qualifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    certificateNo: text('certificate_no'),
    validUntil: date('valid_until', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organization_qualifications_code_uq').on(t.organizationId, t.code)],
);

/**
 * The 失信 flag of an organisation (listed as a dishonest party, e.g. on 信用中国 or the courts'
 * list of dishonest judgment debtors), kept by the operator: at most one row per organisation,
 * its current state; every change is in the audit trail with its reason. `listed_on` is the date
 * the source lists; `flagged` false after the operator clears it (reason: why cleared).
 */
export const organizationDishonestyFlags = pgTable('organization_dishonesty_flags', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  flagged: boolean('flagged').notNull(),
  source: text('source').notNull(),
  listedOn: date('listed_on', { mode: 'string' }),
  reason: text('reason').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
