import { describe, expect, it } from 'vitest';
import { fenToWanHint, fenToYuanInput, formatYuan, parseYuanToFen } from './money';

describe('元 ↔ 分 on the digits', () => {
  it('parses yuan text to integer fen exactly', () => {
    expect(parseYuanToFen('0')).toBe(0);
    expect(parseYuanToFen('1')).toBe(100);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(parseYuanToFen('1,234.5')).toBe(123_450);
    expect(parseYuanToFen(' 20000000.07 ')).toBe(2_000_000_007);
    expect(parseYuanToFen('9999999999999.99')).toBe(999_999_999_999_999);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', ' ', '-1', '1.234', '1e5', 'abc', '.5', '12345678901234', undefined, null]) {
      expect(parseYuanToFen(bad as string)).toBeNull();
    }
  });
  it('formats fen back', () => {
    expect(fenToYuanInput(123_450)).toBe('1234.50');
    expect(fenToYuanInput(7)).toBe('0.07');
    expect(parseYuanToFen(fenToYuanInput(2_000_000_007))).toBe(2_000_000_007);
    expect(formatYuan(123_456_789)).toBe('1,234,567.89 元');
    expect(formatYuan(null)).toBe('—');
    expect(fenToWanHint(123_456_789)).toBe('约 123.46 万元');
    expect(fenToWanHint(1_000_000)).toBe('约 1.00 万元');
  });
});
