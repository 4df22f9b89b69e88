import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatYuan, formatYuanShort, parseYuanToFen } from './money';

describe('deal amounts (分 ↔ 元)', () => {
  it('formats 分 as 元 with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(123456789)).toBe('1,234,567.89 元');
    expect(formatYuan(null)).toBe('—');
  });

  it('shortens totals from 1万元 on without rounding up', () => {
    expect(formatYuanShort(999_999)).toBe('9,999.99 元');
    expect(formatYuanShort(1_000_000)).toBe('1.00 万元');
    expect(formatYuanShort(2_000_000_000_00)).toBe('200,000.00 万元');
    expect(formatYuanShort(1_999_999)).toBe('1.99 万元');
  });

  it('parses 元 text to integer 分 without floating point', () => {
    expect(parseYuanToFen('1,234.5')).toBe(123450);
    expect(parseYuanToFen('0.07')).toBe(7);
    expect(parseYuanToFen('1 000 000')).toBe(100000000);
    // 0.1 + 0.2 style inputs stay exact
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.005')).toBeNull();
    expect(parseYuanToFen('-3')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
  });

  it('round-trips through the input text', () => {
    for (const fen of [0, 1, 99, 100, 123456789, 2_000_000_000_00]) {
      expect(parseYuanToFen(fenToYuanInput(fen))).toBe(fen);
    }
    expect(fenToYuanInput(null)).toBe('');
  });
});
