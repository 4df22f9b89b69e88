// The working-day calendar (工作日历): pure, browser-safe (`@scenebridge/domain/calendar`).
export * from './dates.js';
export * from './working-days.js';
export * from './validate.js';
export * from './builtin.js';

/** Chinese names of a day's kind, for the month grid and the API's readers. */
export const DAY_KIND_LABELS = {
  workday: '工作日',
  weekend: '周末',
  holiday: '放假',
  makeup_workday: '调休上班',
} as const;
