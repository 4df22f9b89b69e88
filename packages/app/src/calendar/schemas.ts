import { CALENDAR_LIMITS, isCivilDate, MAX_PERIOD_WORKING_DAYS } from '@scenebridge/domain';
import { TEXT_MAX } from '@scenebridge/domain/field-rules';
import { z } from 'zod';

const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
const name = z.string().trim().min(1, '请填写名称').max(CALENDAR_LIMITS.nameMax, `名称不能超过 ${CALENDAR_LIMITS.nameMax} 个字`);

export const calendarYearParams = z.object({
  year: z.coerce
    .number()
    .int('年份须为整数')
    .min(CALENDAR_LIMITS.minYear, `年份须在 ${CALENDAR_LIMITS.minYear} 至 ${CALENDAR_LIMITS.maxYear} 之间`)
    .max(CALENDAR_LIMITS.maxYear, `年份须在 ${CALENDAR_LIMITS.minYear} 至 ${CALENDAR_LIMITS.maxYear} 之间`),
});

/**
 * PUT /calendar/:year — the whole year at once: holiday ranges (both ends included) and 调休
 * working weekend days. The shape is checked here; what the dates mean (inside the year, a 调休
 * day on a weekend and not also a day off…) by the domain's validateYearCalendar.
 */
export const calendarYearInput = z.object({
  /** The version edited (GET answers it; 0 for a year never saved): a stale save is refused. */
  version: z.number().int().min(0),
  source: z.string().trim().max(200, '依据不能超过200个字').optional(),
  reason: z.string().trim().min(2, '请填写修改原因（至少2个字）').max(TEXT_MAX.reason, `修改原因不能超过${TEXT_MAX.reason}个字`),
  holidays: z
    .array(z.object({ name, start: date, end: date }))
    .max(CALENDAR_LIMITS.maxHolidays, `节假日最多 ${CALENDAR_LIMITS.maxHolidays} 段`),
  workdays: z.array(z.object({ date, name })).max(CALENDAR_LIMITS.maxWorkdays, `调休上班日最多 ${CALENDAR_LIMITS.maxWorkdays} 天`),
});
export type CalendarYearInput = z.infer<typeof calendarYearInput>;

/** GET /calendar/working-days: `from` a date (YYYY-MM-DD) or an instant (ISO 8601 with offset). */
export const workingDaysQuery = z.object({
  from: z.union([
    date.refine(isCivilDate, '不是有效日期'),
    z.iso.datetime({ offset: true, message: '起算时间须为日期（YYYY-MM-DD）或带时区的时间' }),
  ]),
  days: z.coerce
    .number()
    .int('工作日天数须为整数')
    .min(1, '工作日天数至少为1')
    .max(MAX_PERIOD_WORKING_DAYS, `工作日天数不能超过 ${MAX_PERIOD_WORKING_DAYS}`),
});
export type WorkingDaysQuery = z.infer<typeof workingDaysQuery>;
