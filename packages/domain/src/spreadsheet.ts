/**
 * Spreadsheet (CSV / XLSX) cells that Excel, WPS or LibreOffice would run. A text beginning
 * with = + - @ (or a tab or carriage return in front of one) is read as a formula or a DDE
 * call when a CSV is opened, and when a user edits an XLSX text cell and presses Enter
 * (OWASP "CSV injection"). Every export writes its text cells through these functions.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text with a leading apostrophe when it could start a formula: shown as text, never run. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value for an XLSX writer: strings neutralised, numbers, dates and booleans as they are. */
export function spreadsheetCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** One CSV field (RFC 4180 quoting), neutralised. Arrays are joined with 、 as in the lists. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('、') : String(value);
  const safe = typeof value === 'number' || typeof value === 'boolean' ? s : neutraliseFormula(s);
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV file for Excel: UTF-8 BOM (so Chinese is read right), CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + [header.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n');
}
