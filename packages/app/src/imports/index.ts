// The imports feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './import-submissions.js';
export * from './import-template.js';
export * from './policy.js';
export * from './spreadsheet/index.js';
export { configureParseWorkers, DEFAULT_PARSE_WORKER_LIMITS, parseQueue } from './spreadsheet/parse-in-worker.js';
export { countXml, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS } from './spreadsheet/sheet-limits.js';
