import { describe, expect, it } from 'vitest';
import { amountUnit, fenToWanInput, formatFen, formatInUnit, formatWan, parseCount, parseWanToFen, percentOf } from './money';

describe('dashboard money', () => {
  it('parses 万元 text to exact 分', () => {
    expect(parseWanToFen('200000')).toBe(200_000_000_000);
    expect(parseWanToFen('0.29')).toBe(290_000);
    expect(parseWanToFen('1234.5678')).toBe(1_234_567_800);
    expect(parseWanToFen(' 1,000.000001 ')).toBe(1_000_000_001);
    expect(parseWanToFen('0.000001')).toBe(1);
    for (const bad of ['', '-1', '1e5', '1.0000001', 'abc', '1.', '.5', '12 34']) expect(parseWanToFen(bad)).toBeNull();
  });

  it('round-trips 分 through the 万元 input text', () => {
    for (const fen of [0, 1, 290_000, 1_234_567_800, 200_000_000_000, 999_999_999_999_999]) {
      expect(parseWanToFen(fenToWanInput(fen))).toBe(fen);
    }
    expect(fenToWanInput(200_000_000_000)).toBe('200000');
    expect(fenToWanInput(290_000)).toBe('0.29');
  });

  it('formats 分 in 亿元 or 万元, rounded half up', () => {
    expect(formatFen(200_000_000_000)).toBe('20.00亿元');
    expect(formatFen(123_456_789)).toBe('123.46万元');
    expect(formatFen(123_455_000)).toBe('123.46万元');
    expect(formatFen(123_454_999)).toBe('123.45万元');
    expect(formatFen(3_500)).toBe('0.00万元');
    expect(formatFen(9_999_999_999)).toBe('1.00亿元');
    expect(formatFen(9_999_994_999)).toBe('9,999.99万元');
    expect(formatFen(12_345_678_900_000)).toBe('1,234.57亿元');
  });

  it('formats in one unit per chart and table', () => {
    expect(formatWan(123_456_789_012)).toBe('123,456.79');
    expect(formatWan(4_999)).toBe('0.00');
    expect(formatWan(5_000)).toBe('0.01');
    const yi = amountUnit(41_000_000_000);
    expect(yi.name).toBe('亿元');
    expect(formatInUnit(30_010_000_000, yi)).toBe('3.00亿');
    expect(formatInUnit(3_000_000_000, amountUnit(3_000_000_000))).toBe('3,000.00万');
  });

  it('parses counts and percents', () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('1.5')).toBeNull();
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});
