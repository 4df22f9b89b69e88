import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, roundNumber, toAsciiDigits } from './numbers.js';

describe('parseNumber', () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['一百零五', 105],
    ['百', 100],
    ['两千', 2000],
    ['三千五百万', 35_000_000],
    ['一亿五千万', 150_000_000],
    ['十万', 100_000],
    ['二〇二五', 2025],
    ['半', 0.5],
  ])('reads the Chinese numeral %s', (token, value) => {
    expect(parseNumber(token)).toBe(value);
  });

  it.each([
    ['1,200', 1200],
    ['１２', 12],
    ['３．５', 3.5],
    ['3.5万', 35_000],
    ['100 万', 1_000_000],
    ['8.79亿', 879_000_000],
    ['2千万', 20_000_000],
  ])('reads the digits %s with their multiplier', (token, value) => {
    expect(parseNumber(token)).toBe(value);
  });

  it('rejects numeral runs that are names, not positional numbers', () => {
    expect(parseNumber('十四五')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('converts full-width digits only', () => {
    expect(toAsciiDigits('２０２５年，第３项')).toBe('2025年，第3项');
  });

  it('reads any integer written in digits, with or without thousands commas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(parseNumber(String(n))).toBe(n);
        expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });

  it('removes floating noise but keeps six decimals', () => {
    expect(roundNumber(8.79 * 1e4)).toBe(87_900);
    expect(roundNumber(0.1234564)).toBe(0.123456);
  });
});
