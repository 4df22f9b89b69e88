import type { CalendarYear } from '@scenebridge/contract/calendar';
import { getCalendarYear as getStoredYear } from '@scenebridge/db';
import { BUILTIN_CALENDARS, workingDaysBetween, type YearCalendar } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { yearFromStored } from './load-calendars.js';
import { authorizeCalendar } from './policy.js';

function workingDayCount(cal: YearCalendar): number {
  return workingDaysBetween(`${cal.year - 1}-12-31`, `${cal.year}-12-31`, [cal]);
}

/** A year as it is in force: saved in the app, else shipped with the code, else missing. */
export async function getCalendarYear({
  services,
  actor,
  year,
}: {
  services: Services;
  actor: Actor | null;
  year: number;
}): Promise<CalendarYear> {
  authorizeCalendar(actor, 'view');
  const stored = await getStoredYear(services.db, year);
  if (stored) {
    const cal = yearFromStored(stored);
    return {
      year,
      status: 'saved',
      source: stored.source,
      version: stored.version,
      updatedAt: stored.updatedAt.toISOString(),
      updatedBy: stored.updatedByName,
      holidays: [...cal.holidays],
      workdays: [...cal.workdays],
      workingDayCount: workingDayCount(cal),
    };
  }
  const builtin = BUILTIN_CALENDARS.find((c) => c.year === year);
  if (builtin) {
    return {
      year,
      status: 'builtin',
      source: builtin.source,
      version: 0,
      updatedAt: null,
      updatedBy: null,
      holidays: builtin.holidays.map((h) => ({ ...h })),
      workdays: builtin.workdays.map((w) => ({ ...w })),
      workingDayCount: workingDayCount(builtin),
    };
  }
  return {
    year,
    status: 'missing',
    source: null,
    version: 0,
    updatedAt: null,
    updatedBy: null,
    holidays: [],
    workdays: [],
    workingDayCount: null,
  };
}
