import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { users } from '../organizations/schema.js';

/**
 * A year of the working-day calendar an operator saved in the app (工作日历). A year without a
 * row falls back to the arrangement shipped with the code (domain/calendar/builtin.ts), if any.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    /** Where the arrangement comes from, e.g. the State Council notice. */
    source: text('source'),
    /** Bumped by every save; a save names the version it replaces (optimistic lock). */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('calendar_years_year_range', sql`${t.year} between 2000 and 2100`)],
);

/**
 * The special days of a saved year, one row per day: a holiday day off (kind holiday, the
 * holiday's name) or a weekend day worked (kind makeup_workday). The primary key on the date
 * keeps a day from being both.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    check('calendar_days_kind', sql`${t.kind} in ('holiday', 'makeup_workday')`),
    check('calendar_days_in_year', sql`extract(year from ${t.date}) = ${t.year}`),
    index('calendar_days_year_idx').on(t.year),
  ],
);
