import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { calendarDays, calendarYears, users } from '../schema.js';

export type CalendarDayKind = 'holiday' | 'makeup_workday';

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface StoredCalendarYear {
  year: number;
  source: string | null;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  days: CalendarDayRow[];
}

/** Every saved year with its days, in date order (a handful of years, ~30 days each). */
export async function listCalendarYears(db: Executor): Promise<StoredCalendarYear[]> {
  const years = await db
    .select({ y: calendarYears, name: users.displayName })
    .from(calendarYears)
    .leftJoin(users, eq(users.id, calendarYears.updatedBy))
    .orderBy(asc(calendarYears.year));
  if (years.length === 0) return [];
  const days = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  return years.map(({ y, name }) => ({
    year: y.year,
    source: y.source,
    version: y.version,
    updatedAt: y.updatedAt,
    updatedByName: name,
    days: days.filter((d) => d.year === y.year).map((d) => ({ date: d.date, kind: d.kind as CalendarDayKind, name: d.name })),
  }));
}

export async function getCalendarYear(db: Executor, year: number): Promise<StoredCalendarYear | null> {
  const [row] = await db
    .select({ y: calendarYears, name: users.displayName })
    .from(calendarYears)
    .leftJoin(users, eq(users.id, calendarYears.updatedBy))
    .where(eq(calendarYears.year, year));
  if (!row) return null;
  const days = await db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
  return {
    year,
    source: row.y.source,
    version: row.y.version,
    updatedAt: row.y.updatedAt,
    updatedByName: row.name,
    days: days.map((d) => ({ date: d.date, kind: d.kind as CalendarDayKind, name: d.name })),
  };
}

/**
 * Replaces a year's special days. The upsert locks the year's row, so concurrent saves of one
 * year run one after the other; the answer is the version now stored (1 for a new year), which
 * the caller compares with the version it meant to replace.
 */
export async function replaceCalendarYear(
  tx: Executor,
  input: { year: number; source: string | null; updatedBy: string; days: CalendarDayRow[] },
): Promise<{ version: number }> {
  const [row] = await tx
    .insert(calendarYears)
    .values({ year: input.year, source: input.source, updatedBy: input.updatedBy })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { source: input.source, updatedBy: input.updatedBy, updatedAt: sql`now()`, version: sql`${calendarYears.version} + 1` },
    })
    .returning({ version: calendarYears.version });
  await tx.delete(calendarDays).where(eq(calendarDays.year, input.year));
  if (input.days.length > 0) await tx.insert(calendarDays).values(input.days.map((d) => ({ ...d, year: input.year })));
  return { version: row!.version };
}
