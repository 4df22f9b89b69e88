/**
 * Numbers as Chinese policy texts write them: ASCII or full-width digits with thousands commas
 * and decimals, an optional 十/百/千/万/亿 multiplier (3.5万, 8.79 亿), or Chinese numerals
 * (两千, 一百二十, 十余, 二〇二五, 半).
 */

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
const MULTIPLIERS: Readonly<Record<string, number>> = { ...CN_SMALL_UNITS, ...CN_BIG_UNITS };

/** Digits (ASCII or full-width) with optional thousands commas and decimals, then an optional multiplier. */
export const DIGIT_NUMBER_SOURCE = String.raw`[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?(?: ?[十百千万亿]+)?`;
/** A run of Chinese numerals (may be a bare multiplier such as 百; callers decide if that is a number). */
export const CHINESE_NUMBER_SOURCE = '[零〇一二两三四五六七八九十百千万亿]+';
export const NUMBER_SOURCE = `(?:${DIGIT_NUMBER_SOURCE}|${CHINESE_NUMBER_SOURCE}|半)`;

/** Full-width digits and decimal point to ASCII; other characters unchanged. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Removes floating-point noise from multiplying decimals (8.79 × 1e8). */
export function roundNumber(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function parseDigits(token: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)([十百千万亿]*)$/.exec(toAsciiDigits(token).replace(/[,\s]/g, ''));
  if (!m) return undefined;
  let value = Number(m[1]);
  for (const c of m[2]!) value *= MULTIPLIERS[c]!;
  return roundNumber(value);
}

/** 二〇二五 style: digit by digit, no unit characters. */
function parseDigitSequence(token: string): number | undefined {
  if (![...token].every((c) => c in CN_DIGITS)) return undefined;
  return Number([...token].map((c) => CN_DIGITS[c]).join(''));
}

/** Positional Chinese numerals: 一百二十 = 120, 十五 = 15, 两千万 = 20 000 000, 一亿五千万 = 150 000 000. */
function parseChinese(token: string): number | undefined {
  if (token.length > 1 && ![...token].some((c) => c in MULTIPLIERS)) return parseDigitSequence(token);
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of token) {
    if (c in CN_DIGITS) {
      // Two digits in a row (十四五) is a name, not a positional numeral.
      if (digit !== undefined && digit !== 0) return undefined;
      digit = CN_DIGITS[c]!;
    } else if (c in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[c]!;
      digit = undefined;
    } else if (c in CN_BIG_UNITS) {
      const unit = CN_BIG_UNITS[c]!;
      const block = (section + (digit ?? 0) || 1) * unit;
      // 一亿五千万: the 万 block is added to what came before, unless it is smaller than the running total's unit.
      total = total > 0 && total < unit ? (total + section + (digit ?? 0)) * unit : total + block;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** The value of a number token, or undefined when it is not one. 半 is 0.5. */
export function parseNumber(token: string): number | undefined {
  const t = token.trim();
  if (t === '') return undefined;
  if (t === '半') return 0.5;
  if (/^[0-9０-９]/.test(t)) return parseDigits(t);
  return parseChinese(t);
}
