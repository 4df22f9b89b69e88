/**
 * Who may do what with the working-day calendar (工作日历). Public holidays are no secret and the
 * 公示 pages show periods counted on them, so anyone may read a year and compute a period, even
 * without signing in. Only operators maintain it; whoever else tries is refused with 403.
 */
import { forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The platform's one calendar: the policy's resource carries nothing. */
export type Calendar = null;
export const CALENDAR: Calendar = null;

const anyone: Rule<Calendar> = () => true;
const operator: Rule<Calendar> = (a) => isOperator(a);

export const calendarPolicy = definePolicy<Calendar, 'compute' | 'edit'>('工作日历', {
  view: anyone,
  compute: anyone,
  edit: operator,
});

export type CalendarAction = Parameters<typeof calendarPolicy.allow>[1];

/** Like calendarPolicy.authorize, with the answer the web shows. */
export function authorizeCalendar(actor: Actor | null, action: CalendarAction): void {
  if (!calendarPolicy.allow(actor, action, CALENDAR)) throw forbidden('只有运营方可以维护工作日历');
}
