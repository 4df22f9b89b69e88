import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToWanYuan, isPeriodProblem, medianDays, periodMonths, previousYearPeriod, resolvePeriod, targetRatio } from './index.js';

describe('dashboard period', () => {
  it('is a Shanghai year or a span of dates, both ends included', () => {
    const y = resolvePeriod({ year: 2026 });
    expect(isPeriodProblem(y)).toBe(false);
    if (isPeriodProblem(y)) return;
    expect([y.from, y.to, y.year]).toEqual(['2026-01-01', '2026-12-31', 2026]);
    expect(y.startsAt.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(y.endsAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ year: 2026 });
    expect(resolvePeriod({ from: '2026-03-05', to: '2026-04-01' })).toMatchObject({ year: null });
  });

  it('refuses what is not a sensible period', () => {
    expect(resolvePeriod({ year: 1800 })).toMatchObject({ code: 'year_out_of_range' });
    expect(resolvePeriod({ from: '2026-05-01', to: '2026-04-30' })).toMatchObject({ code: 'from_after_to' });
    expect(resolvePeriod({ from: '2026-02-30', to: '2026-04-30' })).toMatchObject({ code: 'bad_date' });
    expect(resolvePeriod({ from: '2026-02-01' })).toMatchObject({ code: 'missing' });
    expect(resolvePeriod({ from: '2010-01-01', to: '2026-01-01' })).toMatchObject({ code: 'too_long' });
  });

  it('has months and the same dates last year', () => {
    expect(periodMonths({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const p = resolvePeriod({ from: '2024-02-29', to: '2024-03-31' });
    if (isPeriodProblem(p)) throw new Error('period');
    expect(previousYearPeriod(p)).toMatchObject({ from: '2023-02-28', to: '2023-03-31' });
  });
});

describe('fenToWanYuan', () => {
  it('converts exactly with two decimals, half away from zero', () => {
    expect(fenToWanYuan(0)).toBe('0.00');
    expect(fenToWanYuan(123_456_789)).toBe('123.46');
    expect(fenToWanYuan(4_999)).toBe('0.00');
    expect(fenToWanYuan(5_000)).toBe('0.01');
    expect(fenToWanYuan(200_000_000_000)).toBe('200000.00');
    expect(fenToWanYuan(-5_000)).toBe('-0.01');
    expect(fenToWanYuan(9_007_199_254_740_991n)).toBe('9007199254.74');
  });

  it('agrees with integer arithmetic for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const [whole, cents] = fenToWanYuan(fen).split('.');
        const hundredths = BigInt(whole!) * 100n + BigInt(cents!);
        const diff = BigInt(fen) - hundredths * 10_000n;
        expect(diff >= -5_000n && diff < 5_000n).toBe(true);
      }),
    );
  });
});

describe('ratios and medians', () => {
  it('gives no ratio without a positive target', () => {
    expect(targetRatio(5, null)).toBeNull();
    expect(targetRatio(5, 0)).toBeNull();
    expect(targetRatio(1, 3)).toBe(0.3333);
  });
  it('takes the middle value', () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([3, 1, 2])).toBe(2);
    expect(medianDays([1, 2, 3, 10])).toBe(2.5);
  });
});
