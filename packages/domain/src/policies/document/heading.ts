import { CHINESE_DATE_SOURCE } from './chinese-numbers.js';
import type { NumberingStyle } from './markers.js';

export interface Heading {
  text: string;
  start: number;
  end: number;
}

const MAX_TITLE = 40;
const MAX_CLAUSE_TITLE = 24;
/** Styles whose title is often only the first clause: 一是强化智能算力支撑，… / ——服务全局，着眼未来。 */
const CLAUSE_TITLED: ReadonlySet<NumberingStyle> = new Set(['shi', 'dash', 'lead']);
/** A digest's line introducing a whole notice: 2022年7月29日，科技部…关于印发《…》的通知，提出： */
const NOTICE_LINE = /(?:关于|印发|发布).{0,120}(?:通知|意见|办法|措施|方案|规划|计划|决定|条例|细则|指南|公告)/;
const LEADING_DATE = new RegExp(`^${CHINESE_DATE_SOURCE}[，,\\s]*`);
const TRAILING_INTRO = /[，,]?[ \t\u3000]*(?:提出|重点任务|主要内容|明确|要求|指出)?[ \t\u3000]*[：:][ \t\u3000]*$/;

function trimmed(text: string, start: number, end: number): Heading | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s*]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s*]/.test(text[e - 1] ?? '')) e--;
  return s < e ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

/**
 * The lead phrase of a segment when it reads as a title: a line of its own (一、发展基础), the first
 * sentence when short (6.加快经费拨付进度。…), the first clause of an inline 一是 item, or, for a
 * digest's notice line, the notice's name without its date and "提出：".
 */
/** ——lead paragraphs title themselves with a short pair of phrases: ——服务全局，着眼未来。 */
function isTitle(sentence: string, style: NumberingStyle): boolean {
  if (sentence.length > MAX_TITLE || /[：:]/.test(sentence)) return false;
  return !/[，,]/.test(sentence) || (style === 'dash' && sentence.length <= MAX_CLAUSE_TITLE);
}

export function headingOf(text: string, style: NumberingStyle, from: number, lineEnd: number, limit: number): Heading | undefined {
  const end = Math.min(lineEnd, limit);
  const rest = text.slice(from, end);
  const sentence = /[。；;！？]/.exec(rest);
  if (sentence !== null) {
    const first = trimmed(text, from, from + sentence.index);
    if (first !== undefined && isTitle(first.text, style)) return first;
  } else {
    const line = titleLine(text, from, end, rest);
    if (line !== undefined) return line;
  }
  if (!CLAUSE_TITLED.has(style)) return undefined;
  const clause = /[，,]/.exec(rest);
  return clause !== null && clause.index <= MAX_CLAUSE_TITLE ? trimmed(text, from, from + clause.index) : undefined;
}

function titleLine(text: string, from: number, end: number, rest: string): Heading | undefined {
  if (TRAILING_INTRO.test(rest) && NOTICE_LINE.test(rest)) return noticeName(text, from, end, rest);
  const whole = trimmed(text, from, end);
  if (whole === undefined || whole.text.length > 60 || /[：:，,]/.test(whole.text)) return undefined;
  return whole;
}

function noticeName(text: string, from: number, end: number, rest: string): Heading | undefined {
  const date = LEADING_DATE.exec(rest);
  const start = from + (date?.[0].length ?? 0);
  const intro = TRAILING_INTRO.exec(rest);
  return trimmed(text, start, intro === null ? end : from + intro.index);
}

export function isNoticeHeading(heading: Heading | undefined): boolean {
  return heading !== undefined && NOTICE_LINE.test(heading.text) && heading.text.length > 8;
}
