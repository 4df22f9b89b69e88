import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { reviewSchemeSchema } from '../schemas.js';
import { aggregate, rankItems, reviewerProgress, round2, weightedScore, type Criterion } from './scoring.js';

const criteria: Criterion[] = [
  { key: 'urgency', name: '需求迫切性', weight: 30 },
  { key: 'showcase', name: '示范带动性', weight: 25 },
  { key: 'feasibility', name: '技术可行性', weight: 25 },
  { key: 'openness', name: '开放条件', weight: 20 },
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('weightedScore', () => {
  it('is Σ weight · score / 100', () => {
    expect(reviewSchemeSchema.safeParse({ reviewersPerItem: 3, blind: false, criteria }).success).toBe(true);
    expect(weightedScore(criteria, { urgency: 80, showcase: 70, feasibility: 90, openness: 60 })).toBe(76); // 24 + 17.5 + 22.5 + 12
    expect(weightedScore(criteria, { urgency: 100, showcase: 100, feasibility: 100, openness: 100 })).toBe(100);
    expect(weightedScore(criteria, { urgency: 0, showcase: 0, feasibility: 0, openness: 0 })).toBe(0);
  });

  it('rounds to two decimals, half up', () => {
    const three = [
      { key: 'a', name: '甲', weight: 33 },
      { key: 'b', name: '乙', weight: 33 },
      { key: 'c', name: '丙', weight: 34 },
    ];
    expect(weightedScore(three, { a: 85.5, b: 72.25, c: 90 })).toBe(82.66); // 28.215 + 23.8425 + 30.6 = 82.6575
    expect(weightedScore([{ key: 'a', name: '甲', weight: 100 }], { a: 80.115 })).toBe(80.12);
    expect(round2(1.005)).toBe(1.01);
  });

  it('refuses missing, out-of-range, non-finite and unknown scores', () => {
    expect(codeOf(() => weightedScore(criteria, { urgency: 80, showcase: 70, feasibility: 90 }))).toBe('INCOMPLETE_SCORES');
    const full = { urgency: 80, showcase: 70, feasibility: 90, openness: 60 };
    expect(codeOf(() => weightedScore(criteria, { ...full, openness: 101 }))).toBe('INVALID_SCORE');
    expect(codeOf(() => weightedScore(criteria, { ...full, openness: -1 }))).toBe('INVALID_SCORE');
    expect(codeOf(() => weightedScore(criteria, { ...full, openness: Number.NaN }))).toBe('INVALID_SCORE');
    expect(codeOf(() => weightedScore(criteria, { ...full, openness: Infinity }))).toBe('INVALID_SCORE');
    expect(codeOf(() => weightedScore(criteria, { ...full, openness: '60' as unknown as number }))).toBe('INVALID_SCORE');
    expect(codeOf(() => weightedScore(criteria, { ...full, extra: 50 }))).toBe('UNKNOWN_CRITERION');
  });

  it('names the missing criteria in Chinese', () => {
    expect(() => weightedScore(criteria, { urgency: 80, showcase: 70 })).toThrow('请为以下评审指标打分：技术可行性、开放条件');
  });

  it('stays within [min score, max score] for any valid scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }), (s) => {
        const scores = { urgency: s[0]!, showcase: s[1]!, feasibility: s[2]!, openness: s[3]! };
        const w = weightedScore(criteria, scores);
        expect(w).toBeGreaterThanOrEqual(Math.min(...s));
        expect(w).toBeLessThanOrEqual(Math.max(...s));
      }),
    );
  });
});

describe('aggregate', () => {
  it('trims the highest and lowest from five scores on', () => {
    expect(aggregate([60, 70, 80, 90, 100])).toEqual({ mean: 80, trimmed: true, count: 5, min: 60, max: 100, spread: 40 });
    expect(aggregate([100, 0, 70, 80, 90, 75])).toMatchObject({ mean: 78.75, trimmed: true, count: 6 }); // (70+75+80+90)/4
  });

  it('averages everything below five scores', () => {
    expect(aggregate([0, 70, 80, 90])).toEqual({ mean: 60, trimmed: false, count: 4, min: 0, max: 90, spread: 90 });
    expect(aggregate([85.5])).toEqual({ mean: 85.5, trimmed: false, count: 1, min: 85.5, max: 85.5, spread: 0 });
    expect(aggregate([70, 71, 71])).toMatchObject({ mean: 70.67 });
  });

  it('drops exactly one of several equal extremes', () => {
    expect(aggregate([50, 50, 50, 90, 90])).toMatchObject({ mean: 63.33, trimmed: true }); // (50+50+90)/3
  });

  it('has no mean without scores', () => {
    expect(aggregate([])).toEqual({ mean: null, trimmed: false, count: 0, min: null, max: null, spread: 0 });
  });

  it('refuses impossible weighted scores', () => {
    expect(codeOf(() => aggregate([80, Number.NaN]))).toBe('INVALID_SCORE');
    expect(codeOf(() => aggregate([120]))).toBe('INVALID_SCORE');
  });

  it('a single outlier moves a trimmed mean less than an untrimmed one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 40, max: 60 }), { minLength: 4, maxLength: 10 }), (base) => {
        const withOutlier = aggregate([...base, 100]);
        expect(withOutlier.trimmed).toBe(true);
        expect(withOutlier.mean!).toBeLessThanOrEqual(60);
        expect(withOutlier.mean!).toBeGreaterThanOrEqual(40);
      }),
    );
  });
});

describe('rankItems', () => {
  it('uses competition ranking with ties (1, 2, 2, 4) listed by id', () => {
    const ranked = rankItems([
      { id: 'd', scores: [70] },
      { id: 'c', scores: [80, 80] },
      { id: 'a', scores: [90] },
      { id: 'b', scores: [75, 85] },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.tied, r.mean])).toEqual([
      ['a', 1, false, 90],
      ['b', 2, true, 80],
      ['c', 2, true, 80],
      ['d', 4, false, 70],
    ]);
  });

  it('compares the rounded means people see', () => {
    // 80.004 and 79.996 both show as 80.00.
    const ranked = rankItems([
      { id: 'x', scores: [80.004] },
      { id: 'y', scores: [79.996] },
      { id: 'z', scores: [79.99] },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.tied])).toEqual([
      ['x', 1, true],
      ['y', 1, true],
      ['z', 3, false],
    ]);
  });

  it('puts items without scores last, unranked, by id', () => {
    const ranked = rankItems([
      { id: 'q', scores: [] },
      { id: 'p', scores: [] },
      { id: 'r', scores: [50] },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.tied])).toEqual([
      ['r', 1, false],
      ['p', null, false],
      ['q', null, false],
    ]);
  });

  it('flags items whose reviewers disagree by more than the threshold', () => {
    const ranked = rankItems([
      { id: 'calm', scores: [70, 90] },
      { id: 'split', scores: [60, 90] },
      { id: 'solo', scores: [40] },
    ]);
    expect(Object.fromEntries(ranked.map((r) => [r.id, [r.spread, r.spreadFlag]]))).toEqual({
      calm: [20, false],
      split: [30, true],
      solo: [0, false],
    });
    expect(rankItems([{ id: 'calm', scores: [70, 90] }], { spreadThreshold: 10 })[0]!.spreadFlag).toBe(true);
  });

  it('carries the trimmed flag and count', () => {
    const [row] = rankItems([{ id: 'x', scores: [60, 70, 80, 90, 100] }]);
    expect(row).toMatchObject({ id: 'x', rank: 1, mean: 80, trimmed: true, count: 5, spread: 40 });
  });

  it('on random input: sorted, ranks are 1 + the number strictly ahead, tied iff the mean repeats', () => {
    const scores = fc.array(fc.constantFrom(50, 60, 70, 75, 80, 90), { maxLength: 6 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), scores }), { selector: (x) => x.id, maxLength: 12 }),
        (items) => {
          const ranked = rankItems(items);
          expect(ranked).toHaveLength(items.length);
          const scored = ranked.filter((r) => r.mean !== null);
          scored.forEach((r, i) => {
            expect(r.rank).toBe(1 + scored.filter((x) => x.mean! > r.mean!).length);
            expect(r.tied).toBe(scored.filter((x) => x.mean === r.mean).length > 1);
            const next = scored[i + 1];
            if (next) expect(r.mean! > next.mean! || (r.mean === next.mean && r.id < next.id)).toBe(true);
          });
          expect(ranked.slice(scored.length).every((r) => r.mean === null && r.rank === null)).toBe(true);
        },
      ),
    );
  });
});

describe('reviewerProgress', () => {
  const now = new Date('2026-04-10T08:00:00Z');
  const before = new Date('2026-04-09T08:00:00Z');
  const after = new Date('2026-04-11T08:00:00Z');

  it('counts assigned, submitted, pending, conflicts and overdue per reviewer', () => {
    const progress = reviewerProgress(
      [
        { reviewerId: 'r1', status: 'assigned', dueAt: before },
        { reviewerId: 'r1', status: 'assigned', dueAt: after },
        { reviewerId: 'r1', status: 'submitted', dueAt: before },
        { reviewerId: 'r1', status: 'conflict_declared', dueAt: before },
        { reviewerId: 'r2', status: 'assigned' },
        { reviewerId: 'r2', status: 'assigned', dueAt: now },
      ],
      now,
    );
    expect(progress).toEqual({
      // Submitted late is done, not overdue; a declared conflict is not work.
      r1: { assigned: 3, submitted: 1, pending: 2, conflicts: 1, overdue: 1 },
      // No due time never runs late; due exactly now is not yet late.
      r2: { assigned: 2, submitted: 0, pending: 2, conflicts: 0, overdue: 0 },
    });
    expect(Object.keys(progress)).toEqual(['r1', 'r2']);
  });

  it('is empty without assignments and safe for odd ids', () => {
    expect(reviewerProgress([], now)).toEqual({});
    const odd = reviewerProgress([{ reviewerId: '__proto__', status: 'submitted' }], now);
    expect(Object.keys(odd)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });
});
