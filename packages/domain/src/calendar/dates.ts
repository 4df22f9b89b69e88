/**
 * Civil dates (a day on the wall calendar in Asia/Shanghai) as `YYYY-MM-DD` strings, and the
 * arithmetic on them. Computed on UTC midnights so that no local time zone of the process can
 * shift a day; the platform's zone is UTC+8 all year (no daylight saving).
 */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** True for a well-formed date that exists (2025-02-29 does not). */
export function isCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function utcMidnight(date: CivilDate): number {
  if (!isCivilDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMidnight(t: number): CivilDate {
  return new Date(t).toISOString().slice(0, 10);
}

export function civilYear(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

/** The date `days` days later (earlier when negative). */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function civilDayOfWeek(date: CivilDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekendDate(date: CivilDate): boolean {
  const d = civilDayOfWeek(date);
  return d === 0 || d === 6;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function civilDaysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(at: Date): CivilDate {
  return fromUtcMidnight(Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** 00:00 Asia/Shanghai of a date, as an instant (24:00 of a date is the next date's 00:00). */
export function startOfShanghaiDay(date: CivilDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS);
}

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
