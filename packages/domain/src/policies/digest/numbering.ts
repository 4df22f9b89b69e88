/**
 * 政策动态's numbering (docs/policies.md): an issue is numbered when it is published, 第N期 within
 * its year and 总第M期 over all years, as the printed bulletins have always been numbered.
 */
import { defineMachine } from '../../state-machine.js';

export const POLICY_DIGEST_STATES = ['draft', 'published'] as const;
export type PolicyDigestState = (typeof POLICY_DIGEST_STATES)[number];
export const policyDigestMachine = defineMachine({
  name: 'policy_digest',
  states: POLICY_DIGEST_STATES,
  transitions: [{ action: 'publish', from: ['draft'], to: 'published', by: ['operator'] }],
});

export interface DigestNumbers {
  issueNo: number;
  totalNo: number;
}

/** The numbers of the next issue, from how many are already published this year and in all. */
export function nextDigestNumbers(published: { thisYear: number; all: number }): DigestNumbers {
  if (
    !Number.isInteger(published.thisYear) ||
    !Number.isInteger(published.all) ||
    published.thisYear < 0 ||
    published.thisYear > published.all
  )
    throw new RangeError(`bad published counts ${published.thisYear}/${published.all}`);
  return { issueNo: published.thisYear + 1, totalNo: published.all + 1 };
}

/** 第N期（总第M期）, with full-width brackets as printed. */
export function digestNumberText({ issueNo, totalNo }: DigestNumbers): string {
  if (!Number.isInteger(issueNo) || !Number.isInteger(totalNo) || issueNo < 1 || totalNo < issueNo)
    throw new RangeError(`bad digest numbers ${issueNo}/${totalNo}`);
  return `第${issueNo}期（总第${totalNo}期）`;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (a list runs to at most 99 parts). */
export function chineseCounting(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The top-level marker of the n-th part: 一、 二、 … */
export const chineseListMarker = (n: number) => `${chineseCounting(n)}、`;

/** YYYY-MM-DD (or YYYY-MM) as written in a notice: 2022年8月15日, without leading zeros. */
export function chineseDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}
