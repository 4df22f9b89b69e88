import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from '../columns.js';
import { users } from '../organizations/schema.js';
import { applications } from './schema.js';

/** Files of a 揭榜 application, stored in the database as the submissions' attachments are (docs/adr). */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('application_attachments_application_idx').on(t.applicationId, t.createdAt)],
);
