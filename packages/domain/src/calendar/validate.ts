/**
 * What a year's arrangement must satisfy before it is stored (PUT /calendar/:year): real dates
 * inside the year, a holiday range that runs forwards and overlaps no other, a 调休 day on a
 * Saturday or Sunday and never also a day off. Each problem names its field (`holidays.2.end`)
 * and says in Chinese what is wrong, for the form.
 */
import { civilDayOfWeek, civilDaysBetween, isCivilDate, isWeekendDate, civilYear, WEEKDAY_LABELS } from './dates.js';
import type { YearCalendar } from './working-days.js';

export interface CalendarProblem {
  path: string;
  message: string;
}

export const CALENDAR_LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  maxHolidays: 40,
  maxWorkdays: 20,
  /** Days in one holiday range: the longest arrangement so far is 春节's 9 days (2026). */
  maxRangeDays: 31,
  nameMax: 20,
} as const;

export function validateYearCalendar(cal: YearCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { year } = cal;
  if (!Number.isInteger(year) || year < CALENDAR_LIMITS.minYear || year > CALENDAR_LIMITS.maxYear) {
    add('year', `年份须在 ${CALENDAR_LIMITS.minYear} 至 ${CALENDAR_LIMITS.maxYear} 之间`);
    return problems;
  }
  if (cal.holidays.length > CALENDAR_LIMITS.maxHolidays) add('holidays', `节假日最多 ${CALENDAR_LIMITS.maxHolidays} 段`);
  if (cal.workdays.length > CALENDAR_LIMITS.maxWorkdays) add('workdays', `调休上班日最多 ${CALENDAR_LIMITS.maxWorkdays} 天`);

  const checkDate = (path: string, value: string): boolean => {
    if (!isCivilDate(value)) {
      add(path, `「${value}」不是有效日期（格式 YYYY-MM-DD）`);
      return false;
    }
    if (civilYear(value) !== year) {
      add(path, `${value} 不在 ${year} 年内；跨年的假期请分别录入两个年份`);
      return false;
    }
    return true;
  };
  const checkName = (path: string, name: string) => {
    if (!name.trim()) add(path, '请填写名称');
    else if (name.length > CALENDAR_LIMITS.nameMax) add(path, `名称不能超过 ${CALENDAR_LIMITS.nameMax} 个字`);
  };

  const ranges: { index: number; start: string; end: string }[] = [];
  cal.holidays.forEach((h, i) => {
    checkName(`holidays.${i}.name`, h.name);
    const okStart = checkDate(`holidays.${i}.start`, h.start);
    const okEnd = checkDate(`holidays.${i}.end`, h.end);
    if (!okStart || !okEnd) return;
    if (h.end < h.start) return add(`holidays.${i}.end`, `结束日期 ${h.end} 早于开始日期 ${h.start}`);
    if (civilDaysBetween(h.start, h.end) + 1 > CALENDAR_LIMITS.maxRangeDays)
      return add(`holidays.${i}.end`, `一段假期不能超过 ${CALENDAR_LIMITS.maxRangeDays} 天`);
    const clash = ranges.find((r) => r.start <= h.end && h.start <= r.end);
    if (clash) return add(`holidays.${i}.start`, `与第 ${clash.index + 1} 段假期（${clash.start} 至 ${clash.end}）重叠`);
    ranges.push({ index: i, start: h.start, end: h.end });
  });

  const seen = new Set<string>();
  cal.workdays.forEach((w, i) => {
    checkName(`workdays.${i}.name`, w.name);
    if (!checkDate(`workdays.${i}.date`, w.date)) return;
    if (seen.has(w.date)) return add(`workdays.${i}.date`, `${w.date} 重复录入`);
    seen.add(w.date);
    if (!isWeekendDate(w.date))
      return add(`workdays.${i}.date`, `${w.date} 是${WEEKDAY_LABELS[civilDayOfWeek(w.date)]}，调休上班日只能是周六或周日`);
    const off = ranges.find((r) => r.start <= w.date && w.date <= r.end);
    if (off) add(`workdays.${i}.date`, `${w.date} 已在第 ${off.index + 1} 段假期内，不能同时是放假日和上班日`);
  });
  return problems;
}
