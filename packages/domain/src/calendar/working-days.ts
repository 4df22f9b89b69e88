/**
 * The working-day calendar (工作日历): per year, the public-holiday days off (放假, with the
 * holiday's name) and the weekend days made working days (调休上班). A day is a working day when
 * it is a 调休 day, or a Monday–Friday that is not a holiday.
 *
 * A year nobody maintained is refused (CALENDAR_YEAR_MISSING), never guessed as "weekends
 * only": a 公示 period counted without the holidays would end too early, and an award would
 * become final while objections could still be lodged. The operator maintains the year first.
 *
 * Periods (the 公示 of 5 working days, docs/calendar.md): a period of n working days that
 * starts "after" an instant begins on the first working day after that instant's Shanghai date
 * (publishing on a working day does not count that day), and ends at 24:00 Asia/Shanghai of its
 * n-th working day, i.e. 00:00 of the next calendar day. The window is half-open
 * [startsAt, endsAt), like a call's: at `endsAt` the period is over.
 */
import { DomainError } from '../errors.js';
import {
  addCivilDays,
  civilDaysBetween,
  isCivilDate,
  isWeekendDate,
  shanghaiDate,
  startOfShanghaiDay,
  civilYear,
  type CivilDate,
} from './dates.js';

/** Consecutive days off under one name, both ends included (春节 2025-01-28 … 2025-02-04). */
export interface HolidayRange {
  name: string;
  start: CivilDate;
  end: CivilDate;
}

/** A Saturday or Sunday made a working day (调休上班日), with what it makes up for. */
export interface MakeupWorkday {
  date: CivilDate;
  name: string;
}

/** One year's arrangement. A range crossing New Year is entered as two parts, one per year. */
export interface YearCalendar {
  year: number;
  holidays: readonly HolidayRange[];
  workdays: readonly MakeupWorkday[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface CalendarDay {
  date: CivilDate;
  kind: DayKind;
  working: boolean;
  /** The holiday's name, or what a 调休 day makes up for. */
  name: string | null;
}

/** The years a computation may use, compiled once: built from YearCalendar[] by `workingCalendar`. */
export class WorkingCalendar {
  private readonly days = new Map<CivilDate, { kind: 'holiday' | 'makeup_workday'; name: string }>();
  readonly years: ReadonlySet<number>;

  constructor(calendars: Iterable<YearCalendar>) {
    const years = new Set<number>();
    for (const c of calendars) {
      years.add(c.year);
      for (const h of c.holidays) {
        for (let d = h.start; d <= h.end; d = addCivilDays(d, 1)) this.days.set(d, { kind: 'holiday', name: h.name });
      }
      for (const w of c.workdays) this.days.set(w.date, { kind: 'makeup_workday', name: w.name });
    }
    this.years = years;
  }

  /** What the calendar says of a date; CALENDAR_YEAR_MISSING if its year is not maintained. */
  day(date: CivilDate): CalendarDay {
    if (!isCivilDate(date)) throw new DomainError('VALIDATION_FAILED', `日期格式不正确：${date}`, 400);
    const year = civilYear(date);
    if (!this.years.has(year)) throw calendarYearMissing(year);
    const special = this.days.get(date);
    if (special) return { date, kind: special.kind, working: special.kind === 'makeup_workday', name: special.name };
    const weekend = isWeekendDate(date);
    return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, name: null };
  }
}

export type Calendars = WorkingCalendar | readonly YearCalendar[];

const compiled = new WeakMap<readonly YearCalendar[], WorkingCalendar>();

export function workingCalendar(calendars: Calendars): WorkingCalendar {
  if (calendars instanceof WorkingCalendar) return calendars;
  let c = compiled.get(calendars);
  if (!c) compiled.set(calendars, (c = new WorkingCalendar(calendars)));
  return c;
}

export function calendarYearMissing(year: number): DomainError {
  return new DomainError('CALENDAR_YEAR_MISSING', `${year}年的工作日历尚未维护，请运营方先在「工作日历」中录入该年的节假日安排`, 409, {
    year,
  });
}

export function isWorkingDay(date: CivilDate, calendars: Calendars): boolean {
  return workingCalendar(calendars).day(date).working;
}

/** Longest stretch searched for a working day: no real arrangement has a month off. */
const MAX_SCAN_DAYS = 366;

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: CivilDate, calendars: Calendars): CivilDate {
  const cal = workingCalendar(calendars);
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addCivilDays(d, 1);
    if (cal.day(d).working) return d;
  }
  throw new DomainError('VALIDATION_FAILED', `${date}之后一年内没有工作日，请检查工作日历`, 400);
}

/** A period of working days and the instants that bound it. */
export interface WorkingPeriod {
  /** Working days counted. */
  days: number;
  /** The first working day of the period (Shanghai date). */
  firstDay: CivilDate;
  /** The n-th working day: the period runs to its 24:00. */
  lastDay: CivilDate;
  /** 00:00 Asia/Shanghai of firstDay. */
  startsAt: Date;
  /** 24:00 Asia/Shanghai of lastDay (= 00:00 of the next date); the period is over at this instant. */
  endsAt: Date;
  /** The working days, in order. */
  workingDays: CivilDate[];
}

export const MAX_PERIOD_WORKING_DAYS = 250;

/**
 * n working days starting on the first working day after `start` (an instant, or a Shanghai
 * date), ending at 24:00 Asia/Shanghai of the n-th. n ≥ 1.
 */
export function addWorkingDays(start: Date | CivilDate, n: number, calendars: Calendars): WorkingPeriod {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PERIOD_WORKING_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `工作日天数须为 1 至 ${MAX_PERIOD_WORKING_DAYS} 的整数`, 400);
  }
  const cal = workingCalendar(calendars);
  const from = typeof start === 'string' ? start : shanghaiDate(start);
  const workingDays: CivilDate[] = [];
  let d = from;
  while (workingDays.length < n) {
    d = nextWorkingDay(d, cal);
    workingDays.push(d);
  }
  const firstDay = workingDays[0]!;
  const lastDay = workingDays[workingDays.length - 1]!;
  return {
    days: n,
    firstDay,
    lastDay,
    startsAt: startOfShanghaiDay(firstDay),
    endsAt: startOfShanghaiDay(addCivilDays(lastDay, 1)),
    workingDays,
  };
}

/**
 * Working days d with from < d ≤ to (0 when to ≤ from): the inverse of addWorkingDays, so
 * workingDaysBetween(x, addWorkingDays(x, n).lastDay) = n.
 */
export function workingDaysBetween(from: CivilDate, to: CivilDate, calendars: Calendars): number {
  const cal = workingCalendar(calendars);
  const span = civilDaysBetween(from, to);
  let count = 0;
  for (let i = 1; i <= span; i++) if (cal.day(addCivilDays(from, i)).working) count++;
  return count;
}

/** Every day of a month as the calendar sees it (for the month grid). */
export function monthDays(year: number, month: number, calendars: Calendars): CalendarDay[] {
  const cal = workingCalendar(calendars);
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const out: CalendarDay[] = [];
  for (let d = first; civilYear(d) === year && Number(d.slice(5, 7)) === month; d = addCivilDays(d, 1)) out.push(cal.day(d));
  return out;
}
