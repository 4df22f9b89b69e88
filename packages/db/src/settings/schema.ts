import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';

/** Small settings kept by the app itself: the signing secret, the search vocabulary version. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
