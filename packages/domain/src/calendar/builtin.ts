/**
 * The arrangements the State Council published, shipped with the code (国务院办公厅关于…年部分
 * 节假日安排的通知). They are the calendar of their year until an operator saves that year in
 * the app; the saved year then replaces them (docs/calendar.md). Add the next year here once its
 * notice is out (usually in November), or let the operator enter it.
 */
import type { YearCalendar } from './working-days.js';

export interface BuiltinYearCalendar extends YearCalendar {
  source: string;
}

export const BUILTIN_CALENDARS: readonly BuiltinYearCalendar[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      { name: '元旦', start: '2025-01-01', end: '2025-01-01' },
      { name: '春节', start: '2025-01-28', end: '2025-02-04' },
      { name: '清明节', start: '2025-04-04', end: '2025-04-06' },
      { name: '劳动节', start: '2025-05-01', end: '2025-05-05' },
      { name: '端午节', start: '2025-05-31', end: '2025-06-02' },
      { name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08' },
    ],
    workdays: [
      { date: '2025-01-26', name: '春节调休上班' },
      { date: '2025-02-08', name: '春节调休上班' },
      { date: '2025-04-27', name: '劳动节调休上班' },
      { date: '2025-09-28', name: '国庆节调休上班' },
      { date: '2025-10-11', name: '国庆节调休上班' },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
    holidays: [
      { name: '元旦', start: '2026-01-01', end: '2026-01-03' },
      { name: '春节', start: '2026-02-15', end: '2026-02-23' },
      { name: '清明节', start: '2026-04-04', end: '2026-04-06' },
      { name: '劳动节', start: '2026-05-01', end: '2026-05-05' },
      { name: '端午节', start: '2026-06-19', end: '2026-06-21' },
      { name: '中秋节', start: '2026-09-25', end: '2026-09-27' },
      { name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦调休上班' },
      { date: '2026-02-14', name: '春节调休上班' },
      { date: '2026-02-28', name: '春节调休上班' },
      { date: '2026-05-09', name: '劳动节调休上班' },
      { date: '2026-09-20', name: '国庆节调休上班' },
      { date: '2026-10-10', name: '国庆节调休上班' },
    ],
  },
];
