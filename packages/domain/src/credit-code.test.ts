import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, CREDIT_CODE_MESSAGES } from './credit-code.js';

/** Published codes of real organisations (each also verified by computing the check character). */
const REAL_CODES: ReadonlyArray<readonly [string, string]> = [
  ['91350100M000100Y43', 'GB 32100-2015 附录中的示例代码'],
  ['914403001922038216', '华为技术有限公司'],
  ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91110000802100433B', '百度在线网络技术（北京）有限公司'],
  ['91440300192317458F', '比亚迪股份有限公司'],
  ['9111000071093123XX', '国家电网有限公司'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司'],
];

describe('creditCodeCheckChar', () => {
  it.each(REAL_CODES)('computes the check character of %s (%s)', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => creditCodeCheckChar('91350100M000100YI')).toThrow(/invalid character at 16/);
  });

  it('yields only characters of the 31-character alphabet', () => {
    // Walk the last input position through the alphabet: every residue appears once.
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const checks = new Set([...alphabet].map((c) => creditCodeCheckChar(`9150010000000000${c}`)));
    expect(checks.size).toBe(31);
    for (const c of checks) expect(alphabet).toContain(c);
  });
});

describe('checkCreditCode', () => {
  it.each(REAL_CODES)('accepts %s (%s)', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it('normalises lower case and surrounding spaces', () => {
    expect(checkCreditCode('  91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(checkCreditCode('9144030071526726xg')).toEqual({ ok: true, code: '9144030071526726XG' });
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'check' });
    expect(checkCreditCode('914403001922038217')).toEqual({ ok: false, problem: 'check' });
    // A single changed body character breaks the check too.
    expect(checkCreditCode('91350100M000200Y43')).toEqual({ ok: false, problem: 'check' });
  });

  it('rejects every wrong check character for a valid body', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = '91350100M000100Y4';
    for (const c of alphabet) {
      expect(checkCreditCode(body + c).ok).toBe(c === '3');
    }
  });

  it('rejects wrong lengths', () => {
    expect(checkCreditCode('')).toEqual({ ok: false, problem: 'length' });
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ ok: false, problem: 'length' });
    expect(checkCreditCode('91350100M000100Y433')).toEqual({ ok: false, problem: 'length' });
    // The old 15-digit business-registration number is not a credit code.
    expect(checkCreditCode('110108000000016')).toEqual({ ok: false, problem: 'length' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s', (letter) => {
    const code = `91350100M000100${letter}43`;
    expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'charset' });
    expect(checkCreditCode(code.toLowerCase())).toEqual({ ok: false, problem: 'charset' });
  });

  it('rejects punctuation, full-width and other non-alphabet characters', () => {
    expect(checkCreditCode('91350100-000100Y43')).toEqual({ ok: false, problem: 'charset' });
    expect(checkCreditCode('９1350100M000100Y43')).toEqual({ ok: false, problem: 'charset' });
  });

  it('has a Chinese message for every problem', () => {
    expect(CREDIT_CODE_MESSAGES.length).toMatch(/18位/);
    expect(CREDIT_CODE_MESSAGES.charset).toMatch(/I、O、Z、S、V/);
    expect(CREDIT_CODE_MESSAGES.check).toMatch(/校验位/);
  });
});
