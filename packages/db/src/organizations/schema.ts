import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
