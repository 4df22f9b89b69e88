/** 工作日历: the part of /api/v1 this feature calls. */
import type { CalendarYear, HolidayRangeDto, MakeupWorkdayDto, WorkingPeriodDto } from '@scenebridge/contract/calendar';
import { get, put } from '../../shared/http';

/** TanStack Query keys: everything this feature caches starts with ['calendar']. */
export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  period: (from: string, days: number) => ['calendar', 'period', from, days] as const,
};

export interface SaveYearInput {
  version: number;
  source?: string;
  reason: string;
  holidays: HolidayRangeDto[];
  workdays: MakeupWorkdayDto[];
}

export const calendarApi = {
  year: (year: number) => get<CalendarYear>(`/calendar/${year}`),
  saveYear: (year: number, input: SaveYearInput) => put<CalendarYear>(`/calendar/${year}`, input),
  period: (from: string, days: number) => get<WorkingPeriodDto>('/calendar/working-days', { from, days }),
};
