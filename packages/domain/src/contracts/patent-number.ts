/**
 * Chinese patent and patent-application numbers (专利号 / 专利申请号), per the CNIPA numbering
 * standard ZC 0006-2003 《专利申请号标准》:
 * - since 2003-10-01: 12 digits — the year (4), the kind (1: 1 发明, 2 实用新型, 3 外观设计,
 *   8 进入中国国家阶段的PCT发明, 9 进入中国国家阶段的PCT实用新型) and a serial (7) — then '.'
 *   and a check character;
 * - 1985 to 2003: 8 digits — the year (2), the kind (1) and a serial (5) — then '.' and a check.
 * The check character is Σ dᵢ·wᵢ mod 11 over the digits, weights 2,3,4,5,6,7,8,9,2,3,4,5 (the
 * 8-digit form uses 2…9); 10 is written 'X'. A granted patent's number (专利号) is its application
 * number with the prefix ZL; an application is often written with CN.
 * Zod-free and browser-safe.
 */
import type { PatentNumberKind } from './codes.js';

const WEIGHTS_12 = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
const WEIGHTS_8 = [2, 3, 4, 5, 6, 7, 8, 9] as const;
/** The kind digit (申请种类) of an application number. */
export const PATENT_KIND_DIGITS = { '1': '发明', '2': '实用新型', '3': '外观设计', '8': 'PCT发明', '9': 'PCT实用新型' } as const;

/** The check character of 8 or 12 digits. */
export function patentCheckChar(digits: string): string {
  const weights = digits.length === 12 ? WEIGHTS_12 : digits.length === 8 ? WEIGHTS_8 : null;
  if (!weights || !/^\d+$/.test(digits)) throw new Error('patentCheckChar needs 8 or 12 digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * weights[i]!;
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export type PatentNumberProblem = 'format' | 'kind' | 'year' | 'check';

export interface ParsedPatentNumber {
  /** Normalised: the digits, '.', the check character ("201510703489.3"). */
  number: string;
  digits: string;
  check: string;
  /** Taken from the prefix: ZL → patent, CN → application; none → undefined. */
  prefixKind: PatentNumberKind | undefined;
  /** The 申请种类 digit. */
  typeDigit: keyof typeof PATENT_KIND_DIGITS;
  year: number;
}

/** Full-width digits, letters and dots (as typed with a Chinese IME) to ASCII. */
function toAscii(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3002\u00B7]/g, '.');
}

/**
 * Reads a number as people write it ("ZL201510703489.3", "ZL 2015 1 0703489.3", "CN201510703489.3",
 * "2015107034893", "ZL 98 1 23456.X"), checks it and normalises it. `currentYear` bounds the year.
 */
export function parsePatentNumber(
  raw: string,
  currentYear = 9999,
): { ok: true; value: ParsedPatentNumber } | { ok: false; problem: PatentNumberProblem } {
  let s = toAscii(raw).toUpperCase().replace(/\s+/g, '');
  let prefixKind: PatentNumberKind | undefined;
  if (s.startsWith('ZL')) {
    prefixKind = 'patent';
    s = s.slice(2);
  } else if (s.startsWith('CN')) {
    prefixKind = 'application';
    s = s.slice(2);
  }
  const m = /^(\d{12}|\d{8})\.?([0-9X])$/.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const digits = m[1]!;
  const check = m[2]!;
  const long = digits.length === 12;
  const typeDigit = digits[long ? 4 : 2]!;
  if (!(typeDigit in PATENT_KIND_DIGITS)) return { ok: false, problem: 'kind' };
  // 12 digits: filed 2003-10 onwards. 8 digits: 1985 to 2003 (85…99, then 00…03).
  const shortYear = Number(digits.slice(0, 2));
  const year = long ? Number(digits.slice(0, 4)) : shortYear >= 85 ? 1900 + shortYear : 2000 + shortYear;
  if (long ? year < 2003 || year > currentYear : year > 2003) return { ok: false, problem: 'year' };
  if (patentCheckChar(digits) !== check) return { ok: false, problem: 'check' };
  return {
    ok: true,
    value: { number: `${digits}.${check}`, digits, check, prefixKind, typeDigit: typeDigit as keyof typeof PATENT_KIND_DIGITS, year },
  };
}

export const PATENT_NUMBER_MESSAGES: Record<PatentNumberProblem, string> = {
  format: '专利号格式不正确，应为 ZL + 12位数字 + “.” + 校验位（如 ZL201510703489.3），或 2003年前的 8位数字 + 校验位',
  kind: '专利号的申请种类位不正确（应为 1、2、3、8 或 9）',
  year: '专利号的年份不正确',
  check: '专利号校验位不正确，请核对后重新输入',
};

/** How a stored number is shown: "ZL201510703489.3" for a patent, "CN201510703489.3" for an application. */
export function formatPatentNumber(kind: PatentNumberKind, number: string): string {
  return (kind === 'patent' ? 'ZL' : 'CN') + number;
}
