import type { WorkingPeriodDto } from '@scenebridge/contract/calendar';
import { addCivilDays, addWorkingDays, shanghaiDate } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { loadWorkingCalendar } from './load-calendars.js';
import { authorizeCalendar } from './policy.js';
import type { WorkingDaysQuery } from './schemas.js';

/**
 * The end of `days` working days counted from the day after `from` (a Shanghai date, or the
 * Shanghai date of an instant): the 公示 deadline helper. A year nobody maintained is refused
 * with CALENDAR_YEAR_MISSING.
 */
export async function computeWorkingPeriod({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: WorkingDaysQuery;
}): Promise<WorkingPeriodDto> {
  authorizeCalendar(actor, 'compute');
  const calendar = await loadWorkingCalendar(services.db);
  const from = query.from.length === 10 ? query.from : shanghaiDate(new Date(query.from));
  const p = addWorkingDays(from, query.days, calendar);
  const counted = new Set(p.workingDays);
  const skippedDays: WorkingPeriodDto['skippedDays'] = [];
  for (let d = addCivilDays(from, 1); d < p.lastDay; d = addCivilDays(d, 1)) {
    if (counted.has(d)) continue;
    const day = calendar.day(d);
    skippedDays.push({ date: d, kind: day.kind === 'holiday' ? 'holiday' : 'weekend', name: day.name });
  }
  return {
    from,
    days: p.days,
    firstDay: p.firstDay,
    lastDay: p.lastDay,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    workingDays: p.workingDays,
    skippedDays,
  };
}
