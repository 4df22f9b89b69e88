/**
 * Calendar dates, target years and year ranges. Bare years that only date a fact are consumed
 * without a term so that the count and duration rules never read 2020年 as 2020 years.
 */
import { parseNumber } from './numbers.js';
import type { PolicyTerm } from './types.js';

export interface Span {
  start: number;
  end: number;
}

const YEAR = String.raw`(?:(?:19|20)[0-9]{2}|(?:１９|２０)[０-９]{2}|[一二][〇零九][〇零一二三四五六七八九]{2})`;
const MONTH = String.raw`(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九])`;
const DAY = String.raw`(?:3[01]|[12][0-9]|0?[1-9]|[１-３]?[０-９]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`;
const RANGE_SEP = '[—–－\\-~～至到]{1,2}';

const FULL_DATE = new RegExp(`(${YEAR}) ?年 ?(${MONTH}) ?月 ?(${DAY}) ?[日号]`, 'g');
const ISO_DATE = /(?<![0-9])((?:19|20)[0-9]{2})[-./]([01]?[0-9])[-./]([0-3]?[0-9])(?![0-9])/g;
const YEAR_MONTH = new RegExp(`(${YEAR}) ?年 ?(${MONTH}) ?月(?!份?[0-9０-９])`, 'g');
const MONTH_DAY = new RegExp(`(?<![0-9０-９])(${MONTH}) ?月 ?(${DAY}) ?[日号]`, 'g');
const YEAR_RANGE = new RegExp(`(${YEAR}) ?年? ?${RANGE_SEP} ?(${YEAR}) ?年`, 'g');
// 增长到2023年的7500家 compares two facts; only 到 that starts a target phrase counts.
const TARGET_BEFORE = new RegExp(`(?:(?<![截长高升加降达])(?:到|至)|展望|力争|争取|确保|预计) ?(${YEAR}) ?年(?!的)`, 'g');
const TARGET_AFTER = new RegExp(`(${YEAR}) ?年(?:底|末)?(?:以|之)?前(?![沿列景端瞻])`, 'g');
const BARE_YEAR = new RegExp(`${YEAR} ?年(?:度)?`, 'g');

const pad = (n: number) => String(n).padStart(2, '0');
const num = (s: string) => parseNumber(s) ?? NaN;

/** A year range written as a document's period in brackets, as titles do: 行动计划（2022—2025年）. */
function isBracketed(text: string, span: Span): boolean {
  return /[（(]\s*$/.test(text.slice(Math.max(0, span.start - 2), span.start)) && /^\s*[）)]/.test(text.slice(span.end, span.end + 2));
}

interface Found {
  terms: PolicyTerm[];
  consumed: Span[];
}

function overlaps(spans: readonly Span[], s: Span): boolean {
  return spans.some((c) => s.start < c.end && c.start < s.end);
}

function scan(text: string, re: RegExp, found: Found, make: (m: RegExpExecArray, span: Span) => PolicyTerm | null | undefined): void {
  for (const m of text.matchAll(re)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(found.consumed, span)) continue;
    found.consumed.push(span);
    const term = make(m, span);
    if (term) found.terms.push(term);
  }
}

/** Dates (YYYY-MM-DD, YYYY-MM, --MM-DD), target years and the spans of every year mention. */
export function extractDates(text: string): Found {
  const found: Found = { terms: [], consumed: [] };
  const date = (value: string, span: Span): PolicyTerm => ({ type: 'date', value, unit: 'date', span });
  const target = (year: number, span: Span): PolicyTerm => ({ type: 'target_year', value: year, unit: '年', span });

  scan(text, FULL_DATE, found, (m, s) => date(`${num(m[1]!)}-${pad(num(m[2]!))}-${pad(num(m[3]!))}`, s));
  scan(text, ISO_DATE, found, (m, s) => date(`${m[1]}-${pad(num(m[2]!))}-${pad(num(m[3]!))}`, s));
  scan(text, YEAR_RANGE, found, (m, s) => (isBracketed(text, s) ? null : target(num(m[2]!), s)));
  scan(text, YEAR_MONTH, found, (m, s) => date(`${num(m[1]!)}-${pad(num(m[2]!))}`, s));
  scan(text, MONTH_DAY, found, (m, s) => date(`--${pad(num(m[1]!))}-${pad(num(m[2]!))}`, s));
  scan(text, TARGET_BEFORE, found, (m, s) => target(num(m[1]!), s));
  scan(text, TARGET_AFTER, found, (m, s) => target(num(m[1]!), s));
  scan(text, BARE_YEAR, found, () => null);
  found.terms = found.terms.filter((t) => (typeof t.value === 'number' ? Number.isFinite(t.value) : !t.value.includes('NaN')));
  return found;
}

export { overlaps };
