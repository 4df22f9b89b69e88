import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCalculator, type CalculationOutcome } from './evaluate.js';
import { applyRate, formatFen, parseScaledDecimal } from './money.js';
import { calculatorSchema, type Calculator } from './schema.js';

const WAN = 1_000_000; // 分 in 1万元

/** The indirect-cost rule of seed 000 (13.提高间接费用比例), written by hand as a calculator. */
const indirect: Calculator = calculatorSchema.parse({
  kind: 'tiered',
  title: '间接费用核定上限',
  inputs: [
    { type: 'money', key: 'direct', label: '直接费用扣除设备购置费后的金额', unit: '万元' },
    { type: 'flag', key: 'theory', label: '是否为纯理论基础研究、软科学研究、软件开发和咨询服务类项目' },
    { type: 'money', key: 'total', label: '项目资金总额', unit: '万元' },
  ],
  baseInput: 'direct',
  tiers: [
    { upToFen: 200 * WAN, ratePercent: '40', sourceSpan: { start: 10, end: 20 } },
    { upToFen: 500 * WAN, ratePercent: '30' },
    { upToFen: 1000 * WAN, ratePercent: '25' },
    { upToFen: null, ratePercent: '20' },
  ],
  alternatives: [{ whenInput: 'theory', ratePercent: '60', baseInput: 'total', label: '纯理论基础研究等项目' }],
});

const ok = (r: CalculationOutcome) => {
  if (!r.ok) throw new Error(`expected a result, got ${r.error.message}`);
  return r.value;
};
const issues = (r: CalculationOutcome) => {
  if (r.ok) throw new Error('expected a validation error');
  expect(r.error.code).toBe('VALIDATION_FAILED');
  return r.error.details as Array<{ path: string; message: string }>;
};
const parts = (r: ReturnType<typeof ok>) => r.steps.filter((s) => s.kind === 'part');

describe('tiered (间接费用)', () => {
  it('exactly 200万元 is all in the first tier: 80万元 at 40%', () => {
    const r = ok(computeCalculator(indirect, { direct: '200' }));
    expect(r.amountFen).toBe(80 * WAN);
    expect(r.steps).toEqual([
      { kind: 'part', label: '200万元（含）以下部分 200万元 × 40% = 80万元', amountFen: 80 * WAN, sourceSpan: { start: 10, end: 20 } },
    ]);
  });

  it('one 分 above 200万元 falls in the second tier at 30% and rounds to nothing', () => {
    const r = ok(computeCalculator(indirect, { direct: '200.000001' }));
    expect(r.amountFen).toBe(80 * WAN);
    expect(parts(r).map((s) => s.label)).toEqual([
      '200万元（含）以下部分 200万元 × 40% = 80万元',
      '200万元至500万元（含）部分 0.01元 × 30% = 0万元',
    ]);
  });

  it('splits 1200万元 over all four tiers', () => {
    const r = ok(computeCalculator(indirect, { direct: 1200 }));
    // 200×40% + 300×30% + 500×25% + 200×20% = 80 + 90 + 125 + 40
    expect(parts(r).map((s) => s.amountFen / WAN)).toEqual([80, 90, 125, 40]);
    expect(r.amountFen).toBe(335 * WAN);
    expect(r.steps.at(-1)!.label).toBe('1000万元以上部分 200万元 × 20% = 40万元');
  });

  it('takes the 60% alternative on the project total when the flag is set', () => {
    const r = ok(computeCalculator(indirect, { direct: 1200, theory: true, total: '1500' }));
    expect(r.amountFen).toBe(900 * WAN);
    expect(r.steps).toEqual([{ kind: 'part', label: '纯理论基础研究等项目：项目资金总额 1500万元 × 60% = 900万元', amountFen: 900 * WAN }]);
  });

  it('needs the alternative base only when the alternative applies', () => {
    expect(ok(computeCalculator(indirect, { direct: 100, theory: false })).amountFen).toBe(40 * WAN);
    expect(issues(computeCalculator(indirect, { direct: 100, theory: true }))).toEqual([{ path: 'total', message: '请填写项目资金总额' }]);
  });

  it('a base of 0 gives 0 with the first tier shown', () => {
    const r = ok(computeCalculator(indirect, { direct: '0' }));
    expect(r.amountFen).toBe(0);
    expect(r.steps).toHaveLength(1);
  });
});

describe('rounding: half up to the 分', () => {
  const pct = (ratePercent: string, unit: '元' | '万元' = '元') =>
    calculatorSchema.parse({
      kind: 'percentage_with_cap',
      inputs: [{ type: 'money', key: 'b', label: '投资额', unit }],
      baseInput: 'b',
      ratePercent,
    });

  it('0.5分 becomes 1分, 0.4分 becomes 0, 1.5分 becomes 2分', () => {
    expect(ok(computeCalculator(pct('50'), { b: '0.01' })).amountFen).toBe(1);
    expect(ok(computeCalculator(pct('40'), { b: '0.01' })).amountFen).toBe(0);
    expect(ok(computeCalculator(pct('50'), { b: '0.03' })).amountFen).toBe(2);
    expect(ok(computeCalculator(pct('12.5'), { b: '0.04' })).amountFen).toBe(1); // 0.5分
    expect(ok(computeCalculator(pct('12.5'), { b: '0.03' })).amountFen).toBe(0); // 0.375分
  });

  it('agrees with exact rational rounding for any base and rate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 1, max: 10_000 }), (base, bp) => {
        const got = applyRate(base, BigInt(bp));
        const twice = 2n * base * BigInt(bp); // compare 2×(exact) with 2×got ± 1 × 10000
        expect(2n * got * 10_000n - twice <= 10_000n).toBe(true);
        expect(twice - 2n * got * 10_000n < 10_000n).toBe(true);
      }),
    );
  });

  it('reads 元 and 万元 exactly, refusing fractions of a 分', () => {
    expect(parseScaledDecimal('1234.56', 2)).toBe(123456n);
    expect(parseScaledDecimal('8.79', 6)).toBe(8_790_000n);
    expect(parseScaledDecimal('1,000.50', 2)).toBe(100050n);
    expect(parseScaledDecimal(0.1 + 0.2, 2)).toBe('too_precise');
    expect(parseScaledDecimal('1.005', 2)).toBe('too_precise');
    expect(parseScaledDecimal('1.000', 2)).toBe(100n);
    expect(formatFen(123456)).toBe('1234.56元');
    expect(formatFen(80_250_000)).toBe('80.25万元');
  });
});

describe('percentage with a cap', () => {
  const subsidy = calculatorSchema.parse({
    kind: 'percentage_with_cap',
    inputs: [{ type: 'money', key: 'invest', label: '设备投资额', unit: '万元' }],
    baseInput: 'invest',
    ratePercent: '30',
    capFen: 500 * WAN,
    capSpan: { start: 30, end: 37 },
  });

  it('below the cap: the share, and a cap step that did not bind', () => {
    const r = ok(computeCalculator(subsidy, { invest: 1000 }));
    expect(r.amountFen).toBe(300 * WAN);
    expect(r.steps.map((s) => s.label)).toEqual(['设备投资额 1000万元 × 30% = 300万元', '未超过上限500万元，按300万元计']);
  });

  it('above the cap: the cap, with its source span', () => {
    const r = ok(computeCalculator(subsidy, { invest: 2000 }));
    expect(r).toMatchObject({ amountFen: 500 * WAN, uncappedFen: 600 * WAN });
    expect(r.steps.at(-1)).toEqual({
      kind: 'cap',
      label: '超过上限500万元，按500万元计',
      amountFen: 500 * WAN,
      sourceSpan: { start: 30, end: 37 },
    });
  });

  it('refuses negative, non-numeric, too precise and missing figures', () => {
    expect(issues(computeCalculator(subsidy, { invest: -1 }))[0]!.message).toBe('设备投资额不能为负数');
    expect(issues(computeCalculator(subsidy, { invest: 'abc' }))[0]!.message).toBe('设备投资额应为数字');
    expect(issues(computeCalculator(subsidy, { invest: '1.0000001' }))[0]!.message).toMatch(/最多精确到分/);
    expect(issues(computeCalculator(subsidy, {}))[0]).toEqual({ path: 'invest', message: '请填写设备投资额' });
    expect(issues(computeCalculator(subsidy, { invest: true }))[0]!.message).toBe('设备投资额应为数字');
  });
});

describe('per unit with a cap, and one-off', () => {
  const perFirm = calculatorSchema.parse({
    kind: 'per_unit_with_cap',
    inputs: [{ type: 'count', key: 'firms', label: '新引进企业数', unit: '家' }],
    unitsInput: 'firms',
    amountPerUnitFen: 10 * WAN,
    unitLabel: '家',
    capFen: 50 * WAN,
  });

  it('multiplies and caps', () => {
    expect(ok(computeCalculator(perFirm, { firms: 3 })).steps[0]!.label).toBe('3家 × 10万元/家 = 30万元');
    expect(ok(computeCalculator(perFirm, { firms: '3' })).amountFen).toBe(30 * WAN);
    expect(ok(computeCalculator(perFirm, { firms: 8 })).amountFen).toBe(50 * WAN);
  });

  it('a count must be a whole number', () => {
    expect(issues(computeCalculator(perFirm, { firms: 2.5 }))[0]!.message).toBe('新引进企业数应为整数');
  });

  it('one-off needs no figures', () => {
    const once = calculatorSchema.parse({ kind: 'one_off', inputs: [], amountFen: 50 * WAN });
    expect(ok(computeCalculator(once, {}))).toEqual({
      amountFen: 50 * WAN,
      uncappedFen: 50 * WAN,
      steps: [{ kind: 'part', label: '一次性给予 50万元', amountFen: 50 * WAN }],
    });
  });
});

describe('calculator schema', () => {
  const base = { kind: 'tiered', inputs: [{ type: 'money', key: 'b', label: '基数', unit: '万元' }], baseInput: 'b' };
  it('refuses tiers out of order, an open tier before the last, a closed last tier', () => {
    const bad = [
      [
        { upToFen: 500, ratePercent: '30' },
        { upToFen: 200, ratePercent: '40' },
        { upToFen: null, ratePercent: '20' },
      ],
      [
        { upToFen: null, ratePercent: '40' },
        { upToFen: null, ratePercent: '20' },
      ],
      [{ upToFen: 200, ratePercent: '40' }],
    ];
    for (const tiers of bad) expect(calculatorSchema.safeParse({ ...base, tiers }).success).toBe(false);
  });
  it('refuses float money, rates over 100% or with three decimals, and dangling inputs', () => {
    const tiers = [{ upToFen: null, ratePercent: '40' }];
    expect(calculatorSchema.safeParse({ ...base, tiers, capFen: 1.5 }).success).toBe(false);
    expect(calculatorSchema.safeParse({ ...base, tiers: [{ upToFen: null, ratePercent: '100.5' }] }).success).toBe(false);
    expect(calculatorSchema.safeParse({ ...base, tiers: [{ upToFen: null, ratePercent: '12.345' }] }).success).toBe(false);
    expect(calculatorSchema.safeParse({ ...base, baseInput: 'x', tiers }).success).toBe(false);
    expect(calculatorSchema.safeParse({ ...base, tiers }).success).toBe(true);
  });
});

describe('tiered properties', () => {
  const tiersArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 5_000 }), { minLength: 0, maxLength: 5 })
    .chain((bounds) =>
      fc.tuple(
        fc.constant([...bounds].sort((a, b) => a - b)),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }),
      ),
    )
    .map(([bounds, bps]): Calculator =>
      calculatorSchema.parse({
        kind: 'tiered',
        inputs: [{ type: 'money', key: 'b', label: '基数', unit: '元' }],
        baseInput: 'b',
        tiers: bps.map((bp, i) => ({ upToFen: i < bounds.length ? bounds[i]! * 10_000 : null, ratePercent: (bp / 100).toFixed(2) })),
      }),
    );
  const yuan = (fen: number) => (fen / 100).toFixed(2);

  it('the amount is the sum of its steps and never falls as the base grows', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 10 ** 10 }), fc.integer({ min: 0, max: 10 ** 8 }), (calc, base, more) => {
        const a = ok(computeCalculator(calc, { b: yuan(base) }));
        const b = ok(computeCalculator(calc, { b: yuan(base + more) }));
        expect(a.amountFen).toBe(a.steps.reduce((s, x) => s + x.amountFen, 0));
        expect(b.amountFen).toBeGreaterThanOrEqual(a.amountFen);
        expect(a.amountFen).toBeLessThanOrEqual(base);
      }),
    );
  });
});
