/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet
 * (no I, O, Z, S, V); the last is a check character over the first 17 (mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'charset' | 'check';

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) throw new Error(`invalid character at ${i}`);
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(raw: string): { ok: true; code: string } | { ok: false; problem: CreditCodeProblem } {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (const ch of code) if (!ALPHABET.includes(ch)) return { ok: false, problem: 'charset' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'check' };
  return { ok: true, code };
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）',
  check: '统一社会信用代码校验位不正确，请核对后重新输入',
};
