/**
 * An operator saves a year of the working-day calendar: the whole arrangement replaces what was
 * in force (saved or shipped), checked by the domain first, under the version the operator
 * edited, with the reason and a summary of what changed in the audit trail.
 */
import type { CalendarYear } from '@scenebridge/contract/calendar';
import { replaceCalendarYear, type CalendarDayRow } from '@scenebridge/db';
import { addCivilDays, DomainError, validateYearCalendar, type YearCalendar } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { getCalendarYear } from './get-calendar-year.js';
import { authorizeCalendar } from './policy.js';
import type { CalendarYearInput } from './schemas.js';

function dayRows(cal: YearCalendar): CalendarDayRow[] {
  const rows: CalendarDayRow[] = [];
  for (const h of cal.holidays)
    for (let d = h.start; d <= h.end; d = addCivilDays(d, 1)) rows.push({ date: d, kind: 'holiday', name: h.name });
  for (const w of cal.workdays) rows.push({ date: w.date, kind: 'makeup_workday', name: w.name });
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

const key = (r: CalendarDayRow) => `${r.date} ${r.kind === 'holiday' ? '放假' : '调休上班'}（${r.name}）`;

export async function saveCalendarYear({
  services,
  actor,
  year,
  input,
}: {
  services: Services;
  actor: Actor;
  year: number;
  input: CalendarYearInput;
}): Promise<CalendarYear> {
  authorizeCalendar(actor, 'edit');
  const cal: YearCalendar = { year, holidays: input.holidays, workdays: input.workdays };
  const problems = validateYearCalendar(cal);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems[0]!.message, 400, problems);

  const before = await getCalendarYear({ services, actor, year });
  const rows = dayRows(cal);
  await inTransaction(services, actor, async (tx, events) => {
    const { version } = await replaceCalendarYear(tx, { year, source: input.source || null, updatedBy: actor.userId, days: rows });
    if (version !== input.version + 1) {
      throw new DomainError('CONFLICT', `${year}年的工作日历已被他人修改，请刷新后重试`, 409, { version: version - 1 });
    }
    const old = new Set(dayRows(before).map(key));
    const now = new Set(rows.map(key));
    await events.record({
      action: 'calendar.year_saved',
      entityType: 'calendar_year',
      entityId: String(year),
      fromState: before.status,
      toState: 'saved',
      reason: input.reason,
      data: {
        version,
        source: input.source || null,
        added: [...now].filter((k) => !old.has(k)),
        removed: [...old].filter((k) => !now.has(k)),
        holidays: cal.holidays.length,
        workdays: cal.workdays.length,
      },
    });
  });
  return getCalendarYear({ services, actor, year });
}
