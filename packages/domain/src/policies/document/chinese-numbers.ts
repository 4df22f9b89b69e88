/** Chinese numerals and dates as policy notices write them: 十五, 二十九, 一百零三, 二〇二二, ２０２２. */

import { parseNumber } from '../terms/numbers.js';

/**
 * 1..9999 in 十/百/千 notation, or a run of digits read one by one (年份 like 二〇二二): the terms'
 * number reader, with the zero look-alikes of typed and scanned notices (○, Ｏ, O) read as 〇.
 */
export function parseChineseNumber(raw: string): number | undefined {
  const s = raw.trim().replace(/[○ＯO]/g, '〇');
  if (s === '' || /[万亿.．,]/.test(s)) return undefined;
  const n = parseNumber(s);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

const NUM = '[0-9０-９]{1,4}|[〇零○Ｏ一二两三四五六七八九十]{1,4}';
/** Year, month and day with the optional spaces that PDF extraction leaves (2022 年 7 月 28 日). */
export const CHINESE_DATE_SOURCE = `(${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日`;

export interface FoundDate {
  iso: string;
  start: number;
  end: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Every well-formed date in `text`, in order. */
export function findChineseDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(new RegExp(CHINESE_DATE_SOURCE, 'g'))) {
    const iso = isoFromMatch(m[1], m[2], m[3]);
    if (iso !== undefined) found.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

export function isoFromMatch(y: string | undefined, mo: string | undefined, d: string | undefined): string | undefined {
  const year = parseChineseNumber(y ?? '');
  const month = parseChineseNumber(mo ?? '');
  const day = parseChineseNumber(d ?? '');
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return isoDate(year, month, day);
}

/** The day before the same date `years` later: a validity of N years from `from`. */
export function addYearsMinusOneDay(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const end = new Date(Date.UTC((y ?? 0) + years, (m ?? 1) - 1, d ?? 1) - 86_400_000);
  return end.toISOString().slice(0, 10);
}
