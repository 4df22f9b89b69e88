/**
 * The calendar in force: each year an operator saved, and for the other years the arrangement
 * shipped with the code (domain BUILTIN_CALENDARS). Other features (the 公示 periods) count
 * working days on `loadWorkingCalendar`.
 */
import { listCalendarYears, type Executor, type StoredCalendarYear } from '@scenebridge/db';
import {
  addCivilDays,
  BUILTIN_CALENDARS,
  WorkingCalendar,
  type HolidayRange,
  type MakeupWorkday,
  type YearCalendar,
} from '@scenebridge/domain';

/** A saved year's day rows back into ranges: consecutive days off under one name make one range. */
export function yearFromStored(stored: StoredCalendarYear): YearCalendar {
  const holidays: HolidayRange[] = [];
  const workdays: MakeupWorkday[] = [];
  for (const d of stored.days) {
    if (d.kind === 'makeup_workday') {
      workdays.push({ date: d.date, name: d.name });
      continue;
    }
    const last = holidays[holidays.length - 1];
    if (last && last.name === d.name && addCivilDays(last.end, 1) === d.date) last.end = d.date;
    else holidays.push({ name: d.name, start: d.date, end: d.date });
  }
  return { year: stored.year, holidays, workdays };
}

export async function loadYearCalendars(db: Executor): Promise<YearCalendar[]> {
  const saved = (await listCalendarYears(db)).map(yearFromStored);
  const years = new Set(saved.map((c) => c.year));
  return [...saved, ...BUILTIN_CALENDARS.filter((c) => !years.has(c.year))].sort((a, b) => a.year - b.year);
}

export async function loadWorkingCalendar(db: Executor): Promise<WorkingCalendar> {
  return new WorkingCalendar(await loadYearCalendars(db));
}
