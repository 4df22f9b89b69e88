/**
 * First pass of the extractor: every number that a unit makes a quantity (money, share, time, age,
 * count), with ranges (2—3个, 200—500万元) read as two mentions of the same unit. Whether a mention
 * is a term, and of which type, is decided later from its context.
 */
import { overlaps, type Span } from './dates.js';
import { NUMBER_SOURCE, parseNumber, roundNumber } from './numbers.js';
import { AGE_UNITS, MEASURE_WORDS, MEASURE_WORD_FALSE_STARTS, MONEY_UNITS, TIME_UNITS } from './units.js';

export type MentionKind = 'money' | 'ratio' | 'time' | 'age' | 'count';

export interface Mention {
  kind: MentionKind;
  /** Normalised: 万元 for money, % for shares, multiplied out for counts. */
  value: number;
  unit: string;
  /** The number itself. */
  number: Span;
  /** From the number to the end of the unit (and of a rate's denominator). */
  span: Span;
  /** The other end when the mention is one end of a range. */
  rangeEnd?: 'low' | 'high';
  /** Money written without 元 (产值突破500亿): a term only where the clause names money. */
  bare?: boolean;
}

interface UnitReading {
  kind: MentionKind;
  unit: string;
  /** Multiplies the token's value (money to 万元). */
  factor: number;
  end: number;
}

const TOKEN = new RegExp(NUMBER_SOURCE, 'g');
const RANGE_SEP = /^ ?(?:—{1,2}|–|－|-|~|～|至|到) ?/;
const HEDGE_AFTER = /^(?:余|多|来)?/;
/** A rate's denominator, kept with the unit: 片/月, 件/万人. */
const RATE = /^\/[万千百]?(?:年|月|日|天|周|小时|人|台|户|家|平方公里)/;
const MULTIPLIER_ONLY = /^[十百千万亿]+$/;

function readMeasureWord(text: string, at: number): string | undefined {
  for (const w of MEASURE_WORDS) {
    if (!text.startsWith(w, at)) continue;
    const next = text.slice(at + w.length, at + w.length + 4);
    if ((MEASURE_WORD_FALSE_STARTS[w] ?? []).some((f) => next.startsWith(f))) return undefined;
    return w;
  }
  return undefined;
}

/** The unit right after a number (allowing one space and a hedge such as 余), if it makes a quantity. */
export function readUnit(text: string, at: number): UnitReading | undefined {
  let i = at + (text[at] === ' ' ? 1 : 0);
  i += HEDGE_AFTER.exec(text.slice(i))![0].length;
  const rest = text.slice(i, i + 6);
  if (/^[%％]/.test(rest)) return { kind: 'ratio', unit: '%', factor: 1, end: i + 1 };
  const points = /^个?百分点/.exec(rest);
  if (points) return { kind: 'ratio', unit: '%', factor: 1, end: i + points[0].length };
  for (const [unit, factor] of Object.entries(MONEY_UNITS))
    if (rest.startsWith(unit)) return { kind: 'money', unit: '万元', factor, end: i + unit.length };
  for (const unit of AGE_UNITS) if (rest.startsWith(unit)) return { kind: 'age', unit, factor: 1, end: i + unit.length };
  for (const unit of TIME_UNITS) {
    if (!rest.startsWith(unit)) continue;
    if (unit === '周' && /^周[岁年边]/.test(rest)) break;
    return { kind: 'time', unit: unit.replace(/^个/, ''), factor: 1, end: i + unit.length };
  }
  const word = readMeasureWord(text, i);
  if (!word) return undefined;
  const rate = RATE.exec(text.slice(i + word.length));
  return { kind: 'count', unit: rate ? word + rate[0] : word, factor: 1, end: i + word.length + (rate?.[0].length ?? 0) };
}

/** 规模突破500亿: 亿 written after digits without 元. */
function bareMoney(token: string, end: number): UnitReading | undefined {
  return /^[0-9０-９].*亿$/.test(token) ? { kind: 'money', unit: '万元', factor: 1e-4, end } : undefined;
}

/** 一 on its own is an article far more often than a number (一批, 一体化); it counts only as time or a range end. */
function plausibleToken(token: string, text: string, start: number, reading: UnitReading | undefined, inRange: boolean): boolean {
  if (MULTIPLIER_ONLY.test(token) && token !== '十') return /[超近逾上过破达约]$/.test(text.slice(0, start));
  if (token === '一') return inRange || reading?.kind === 'time' || reading?.kind === 'age';
  // 上半年 is a part of the calendar year, not half a year.
  if (token === '半') return !/[上下前后多]$/.test(text.slice(0, start));
  return true;
}

function mention(reading: UnitReading, value: number, number: Span, spanStart: number): Mention {
  return {
    kind: reading.kind,
    value: roundNumber(value * reading.factor),
    unit: reading.unit,
    number,
    span: { start: spanStart, end: reading.end },
  };
}

/** 200—500万元: the low end takes the high end's multiplier when it has none of its own. */
function lowEndValue(lowToken: string, highToken: string): number | undefined {
  const low = parseNumber(lowToken);
  if (low === undefined) return undefined;
  const multiplier = /[十百千万亿]+$/.exec(highToken.trim())?.[0];
  if (!multiplier || /[十百千万亿]$/.test(lowToken.trim()) || !/^[0-9０-９]/.test(lowToken)) return low;
  const high = parseNumber(highToken)!;
  const bare = parseNumber(highToken.trim().slice(0, -multiplier.length))!;
  return roundNumber(low * (high / bare));
}

const PERCENT_WORDS = /百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?/g;

/** 百分之二十, 百分之十二点五: shares written in words. */
function percentWords(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PERCENT_WORDS)) {
    const whole = parseNumber(m[1]!);
    const fraction = m[2] ? Number(`0.${[...m[2]].map((c) => parseNumber(c)).join('')}`) : 0;
    if (whole === undefined) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({ kind: 'ratio', value: roundNumber(whole + fraction), unit: '%', number: span, span });
  }
  return out;
}

/** Every quantity in the text outside the consumed spans (dates and years). */
export function readMentions(text: string, consumed: readonly Span[]): Mention[] {
  const out = percentWords(text);
  consumed = [...consumed, ...out.map((m) => m.span)];
  const tokens = [...text.matchAll(TOKEN)];
  for (let k = 0; k < tokens.length; k++) {
    const m = tokens[k]!;
    const number = { start: m.index, end: m.index + m[0].length };
    if (overlaps(consumed, number)) continue;
    const value = parseNumber(m[0]);
    if (value === undefined) continue;
    const reading = readUnit(text, number.end) ?? bareMoney(m[0], number.end);
    if (reading) {
      const bare = reading.end === number.end ? { bare: true } : {};
      if (plausibleToken(m[0], text, number.start, reading, false)) out.push({ ...mention(reading, value, number, number.start), ...bare });
      continue;
    }
    const sep = RANGE_SEP.exec(text.slice(number.end));
    const next = tokens[k + 1];
    if (!sep || !next || next.index !== number.end + sep[0].length) continue;
    const highReading = readUnit(text, next.index + next[0].length);
    const high = parseNumber(next[0]);
    const low = lowEndValue(m[0], next[0]);
    if (!highReading || high === undefined || low === undefined) continue;
    if (!plausibleToken(m[0], text, number.start, highReading, true)) continue;
    const highSpan = { start: next.index, end: next.index + next[0].length };
    out.push({ ...mention(highReading, low, number, number.start), rangeEnd: 'low' });
    out.push({ ...mention(highReading, high, highSpan, number.start), rangeEnd: 'high' });
    k++;
  }
  return out;
}
