import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { users } from '../organizations/schema.js';

/** Words operators added to the segmentation dictionary in the app. */
export const searchTerms = pgTable(
  'search_terms',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    term: text('term').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('search_terms_term_uq').on(t.term)],
);

/**
 * Operator synonyms. kind equivalent | near: every term stands for the others;
 * one_way: terms[0] (everyday word) also finds the rest (formal words), not back.
 */
export const searchSynonyms = pgTable('search_synonyms', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  terms: text('terms').array().notNull(),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: tz('created_at').notNull().defaultNow(),
});
