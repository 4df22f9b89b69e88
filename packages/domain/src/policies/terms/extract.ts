/**
 * Extracts the quantitative terms of a policy text (caps, money, shares, counts, windows,
 * durations, target years, dates, age bounds), normalised as types.ts describes. Numbers that
 * are numbering, ordinals, ranks, names, codes, document parts or physical measures are not terms.
 */
import { extractDates } from './dates.js';
import { readMentions, type Mention } from './mentions.js';
import { findTiers, type Tiers } from './tiers.js';
import type { PolicyTerm, PolicyTermType } from './types.js';
import {
  CAP_AFTER,
  CAP_BEFORE,
  DURATION_NAME_AFTER,
  EVENT_BEFORE,
  ISSUER_NOUNS_AFTER,
  LIST_NOUNS_AFTER,
  LOWER_BOUND_BEFORE,
  WINDOW_ONLY_TIME_UNITS,
} from './units.js';

const CLAUSE_BREAK = /[，。；：,;:！？!?\n]/;
/** Characters a verb or a quantity word ends with: a number after them is a term, not a list's size. */
const VERB_END = /[设育造增进到现破过近约计有为成立出至批助励贴予选引养定建改局动展聚集拥超达逾共新培打认组升长降减提高扩推办举开实累占]$/;
const CJK = /^[\u4e00-\u9fff]/;
const MONEY_NOUNS = /产值|营收|营业收入|收入|投资|销售额|交易额|成交额|总额|增加值|资金|基金|规模|总量|生产总值|GDP/;
const PER_CAPITA = /每([万千百])(人|户|家|平方公里)口?/;
const BOUND_BEFORE = /(?:超|近|逾|约|达|突破|不少于|不低于|不超过|最多|最高|至少)$/;

interface Context {
  /** The clause before the number (from the last clause break). */
  clause: string;
  /** At most 16 characters of that clause. */
  before: string;
  /** A few characters after the unit. */
  after: string;
}

function contextOf(text: string, m: Mention): Context {
  let start = m.span.start;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  const clause = text.slice(start, m.span.start);
  return { clause, before: clause.slice(-16), after: text.slice(m.span.end, m.span.end + 8) };
}

/** Inside a short quoted name: “33618”, “六个突破”. */
function inQuotedName(text: string, at: number): boolean {
  const open = text.lastIndexOf('“', at);
  if (open < 0 || text.lastIndexOf('”', at) > open) return false;
  const close = text.indexOf('”', at);
  return close >= 0 && close - open <= 16;
}

function excluded(text: string, m: Mention, c: Context): boolean {
  const prev = text.slice(0, m.span.start).trimEnd().slice(-1);
  const next = text[m.number.end] ?? '';
  if (/[第A-Za-z×*+＋]/.test(prev) || /[+＋]/.test(next)) return true;
  // 数十家, 几百人: a vague amount, not a number.
  if (/[数几]/.test(prev) && CJK.test(text[m.number.start]!)) return true;
  if (m.kind === 'count' && /前$/.test(c.before)) return true;
  // 第一个五年, 第3个周期: an ordinal before the number.
  if (/第[零〇一二两三四五六七八九十百0-9]+个$/.test(c.before)) return true;
  return inQuotedName(text, m.number.start);
}

function isCap(c: Context): boolean {
  return (CAP_BEFORE.test(c.before) && !LOWER_BOUND_BEFORE.test(c.before)) || CAP_AFTER.test(c.after);
}

/** A count that only sizes a list written beside it, a document's parts, or the issuing group. */
function isListSize(text: string, m: Mention, c: Context): boolean {
  if (LIST_NOUNS_AFTER.test(c.after)) return true;
  if (/等\s*$/.test(c.before) && ISSUER_NOUNS_AFTER.test(c.after)) return true;
  const attributive = CJK.test(c.after) && !/^(?:以上|以内|左右|及以上)/.test(c.after);
  // 八个产业科创基地: counts stated as terms are written in digits; a Chinese numeral before a noun names a group.
  if (attributive && CJK.test(text[m.number.start]!) && !BOUND_BEFORE.test(c.before)) return true;
  // 现代中药、页岩气和新材料3个产业集群: the count follows the last listed noun directly.
  const afterNoun = /[\u4e00-\u9fff]$/.test(c.clause.trimEnd()) && !VERB_END.test(c.clause.trimEnd());
  return attributive && afterNoun && c.clause.includes('、');
}

function durationType(text: string, m: Mention, c: Context): PolicyTermType | null {
  if ((m.unit === '年' && m.value >= 1000) || DURATION_NAME_AFTER.test(c.after)) return null;
  const written = text.slice(m.number.end, m.span.end);
  if (m.unit === '月' && !written.includes('个')) return null;
  // 每月15日, 11月15日至19日: a day of the month without its own month, not a duration.
  if (m.unit === '日' && /月\s*$|[日号]\s*(?:至|到|—|-|~|～|、)\s*$/.test(c.before)) return null;
  const window = /^(?:内|以内|之内)/.test(c.after);
  if (WINDOW_ONLY_TIME_UNITS.includes(m.unit) && !window) return null;
  return EVENT_BEFORE.test(c.before) ? 'time_limit' : 'period';
}

/** A per-capita figure (每万户宽带接入500个 → 个/万户) is a rate: the count keeps its denominator. */
function unitOf(m: Mention, c: Context): string {
  if (m.kind !== 'count' || m.unit.includes('/')) return m.unit;
  const per = PER_CAPITA.exec(c.clause);
  return per ? `${m.unit}/${per[1]}${per[2]}` : m.unit;
}

function typeOf(text: string, m: Mention, c: Context, tiers: Tiers): PolicyTermType | null {
  switch (m.kind) {
    case 'money':
      if (tiers.bounds.has(m) || /^级/.test(c.after) || (m.bare && !MONEY_NOUNS.test(c.clause))) return null;
      return isCap(c) ? 'amount_cap' : 'amount';
    case 'ratio':
      return tiers.qualifiers.has(m) || isCap(c) ? 'ratio_cap' : 'ratio';
    case 'age':
      return 'age_limit';
    case 'count':
      if (isListSize(text, m, c)) return null;
      return isCap(c) ? 'count_cap' : 'count';
    case 'time':
      return durationType(text, m, c);
  }
}

function toTerm(text: string, m: Mention, tiers: Tiers): PolicyTerm | null {
  const c = contextOf(text, m);
  if (excluded(text, m, c)) return null;
  const type = typeOf(text, m, c, tiers);
  if (!type) return null;
  const qualifier = tiers.qualifiers.get(m);
  return { type, value: m.value, unit: unitOf(m, c), ...(qualifier ? { qualifier } : {}), span: m.span };
}

/** The quantitative terms of `text`, in order of position, with spans into `text`. */
export function extractPolicyTerms(text: string): PolicyTerm[] {
  const dates = extractDates(text);
  const mentions = readMentions(text, dates.consumed);
  const tiers = findTiers(text, mentions);
  const terms = mentions.map((m) => toTerm(text, m, tiers)).filter((t): t is PolicyTerm => t !== null);
  return [...dates.terms, ...terms].sort((a, b) => a.span.start - b.span.start);
}
