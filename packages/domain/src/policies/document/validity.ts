import { addYearsMinusOneDay, CHINESE_DATE_SOURCE, isoFromMatch, parseChineseNumber } from './chinese-numbers.js';
import type { TextSpan } from './segment.js';

export interface PolicyValidity {
  /** ISO date the policy takes effect. */
  from?: string;
  /** ISO date of the last day it applies. */
  until?: string;
  /** The validity wording as written, e.g. 本措施自印发之日起施行，有效期3年. */
  phrase: string;
  span: TextSpan;
}

interface Clue {
  start: number;
  end: number;
  from?: string;
  until?: string;
  years?: number;
  fromIssue?: boolean;
}

const DATE = CHINESE_DATE_SOURCE;
const DOC = '(?:本|该)?(?:措施|办法|通知|意见|方案|规定|细则|政策|规划|决定|条例|实施细则|若干措施)?';
const EFFECT = '(?:施行|实施|执行|生效)';

type Reader = (m: RegExpMatchArray) => Omit<Clue, 'start' | 'end'>;

const PATTERNS: readonly { re: RegExp; read: Reader }[] = [
  { re: new RegExp(`有效期(?:至|到|截至|截止到?)${DATE}(?:止)?`, 'g'), read: (m) => ({ until: isoFromMatch(m[1], m[2], m[3]) }) },
  {
    re: new RegExp(`(?:实施|执行|有效)期限?(?:截至|截止到?|至|到)${DATE}(?:止)?`, 'g'),
    read: (m) => ({ until: isoFromMatch(m[1], m[2], m[3]) }),
  },
  { re: new RegExp(`(?:执行|实施|有效)至${DATE}(?:止)?`, 'g'), read: (m) => ({ until: isoFromMatch(m[1], m[2], m[3]) }) },
  {
    re: /有效期(?:为|暂定为?)?([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,2})年/g,
    read: (m) => ({ years: parseChineseNumber(m[1] ?? '') }),
  },
  { re: new RegExp(`${DOC}自${DATE}起${EFFECT}`, 'g'), read: (m) => ({ from: isoFromMatch(m[1], m[2], m[3]) }) },
  { re: new RegExp(`${DOC}自(?:印发|发布|公布|颁布)之日起${EFFECT}`, 'g'), read: () => ({ fromIssue: true }) },
];

function clues(text: string): Clue[] {
  const found: Clue[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) found.push({ ...read(m), start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Clues in the same sentence as the first one describe one validity: 自…起施行，有效期5年. */
function firstSentence(text: string, all: readonly Clue[]): Clue[] {
  const first = all[0];
  if (first === undefined) return [];
  return all.filter((c) => c.start >= first.start && !/[。\n]/.test(text.slice(first.end, c.start)));
}

/**
 * The validity of a notice from its wording: 有效期至…, 有效期X年, 自…起施行, 实施期限截至…,
 * 本措施自印发之日起施行 (then it runs from `issuedOn`). A term in years ends the day before the
 * same date that many years on.
 */
export function detectValidity(text: string, issuedOn?: string): PolicyValidity | undefined {
  const group = firstSentence(text, clues(text));
  const first = group[0];
  if (first === undefined) return undefined;
  const end = Math.max(...group.map((c) => c.end));
  const span = { start: first.start, end };
  const validity: PolicyValidity = { phrase: text.slice(span.start, span.end), span };
  const from = group.find((c) => c.from !== undefined)?.from ?? (group.some((c) => c.fromIssue) ? issuedOn : undefined);
  const years = group.find((c) => c.years !== undefined)?.years;
  const until =
    group.find((c) => c.until !== undefined)?.until ??
    (from !== undefined && years !== undefined ? addYearsMinusOneDay(from, years) : undefined);
  if (from !== undefined) validity.from = from;
  if (until !== undefined) validity.until = until;
  return validity;
}
