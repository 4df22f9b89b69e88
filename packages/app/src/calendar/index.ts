// The calendar feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './compute-working-period.js';
export * from './get-calendar-year.js';
export * from './load-calendars.js';
export * from './policy.js';
export * from './save-calendar-year.js';
export * from './schemas.js';
