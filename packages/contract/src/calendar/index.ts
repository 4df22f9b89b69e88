/**
 * The working-day calendar (工作日历, docs/calendar.md): a year's holidays and 调休 working
 * weekend days, and the end of a period of working days (the 公示 of 5 working days).
 * The web draws the month grid with `monthDays` from `@scenebridge/domain/calendar`.
 */
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

/** The rules the web applies before saving, and the month grid: the same code the server runs. */
export {
  CALENDAR_LIMITS,
  DAY_KIND_LABELS,
  MAX_PERIOD_WORKING_DAYS,
  WEEKDAY_LABELS,
  civilDayOfWeek,
  isCivilDate,
  isWeekendDate,
  monthDays,
  validateYearCalendar,
  type CalendarDay,
  type CalendarProblem,
  type YearCalendar,
} from '@scenebridge/domain/calendar';

const civilDate = z.string().describe('YYYY-MM-DD, a day in Asia/Shanghai');

export const holidayRange = z.object({ name: z.string(), start: civilDate, end: civilDate });
export type HolidayRangeDto = z.infer<typeof holidayRange>;
export const makeupWorkday = z.object({ date: civilDate, name: z.string() });
export type MakeupWorkdayDto = z.infer<typeof makeupWorkday>;

/**
 * saved: an operator saved this year in the app; builtin: the State Council's arrangement
 * shipped with the code, not edited yet; missing: nobody maintained it, periods touching it
 * are refused (CALENDAR_YEAR_MISSING).
 */
export const CALENDAR_YEAR_STATUSES = ['saved', 'builtin', 'missing'] as const;
export const CALENDAR_YEAR_STATUS_LABELS = { saved: '已维护', builtin: '系统内置（国务院通知）', missing: '尚未维护' } as const;

/** GET /calendar/:year, PUT /calendar/:year */
export const calendarYear = z.object({
  year: z.number().int(),
  status: z.enum(CALENDAR_YEAR_STATUSES),
  source: z.string().nullable(),
  /** The version a save must name (0 for a year never saved in the app). */
  version: z.number().int(),
  updatedAt: isoDateTime.nullable(),
  updatedBy: z.string().nullable(),
  holidays: z.array(holidayRange),
  workdays: z.array(makeupWorkday),
  /** Working days in the year; null when the year is missing. */
  workingDayCount: z.number().int().nullable(),
});
export type CalendarYear = z.infer<typeof calendarYear>;

/** GET /calendar/working-days?from=&days= */
export const workingPeriod = z.object({
  /** The Shanghai date the period counts from (not itself counted). */
  from: civilDate,
  days: z.number().int(),
  firstDay: civilDate,
  lastDay: civilDate,
  /** 00:00 Asia/Shanghai of firstDay. */
  startsAt: isoDateTime,
  /** 24:00 Asia/Shanghai of lastDay: the period is over at this instant. */
  endsAt: isoDateTime,
  workingDays: z.array(civilDate),
  /** Days between from and lastDay that were not counted, with the holiday's name. */
  skippedDays: z.array(z.object({ date: civilDate, kind: z.enum(['weekend', 'holiday']), name: z.string().nullable() })),
});
export type WorkingPeriodDto = z.infer<typeof workingPeriod>;
