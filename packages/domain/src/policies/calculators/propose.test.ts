import { describe, expect, it } from 'vitest';
import type { PolicyTerm } from '../terms/types.js';
import { computeCalculator } from './evaluate.js';
import { proposeCalculator } from './propose.js';

const WAN = 1_000_000;

/** Seed 000, 13.提高间接费用比例 (the part after the lead sentence). */
const INDIRECT =
  '其中，200万元(含)以下部分，间接费用比例为不超过40%，200万至500万元(含)以下的部分为不超过30%，500万元至1000万元(含)的部分为不超过25%，1000万元以上的部分为不超过20%；对数学等纯理论基础研究项目、软科学研究项目、软件开发和咨询服务类项目，间接费用比例可按不超过项目资金总额的60%核定。';

/** A term whose span covers `stated`, the n-th time it occurs in `text`. */
function term(text: string, stated: string, t: Omit<PolicyTerm, 'span'>, nth = 0): PolicyTerm {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(stated, start + 1);
  if (start < 0) throw new Error(`${stated} not in text`);
  return { ...t, span: { start, end: start + stated.length } };
}

describe('proposeCalculator', () => {
  it('tier terms become a tiered calculator, and the other share its flag-selected alternative', () => {
    const tiers = [
      ['40%', 40, 'tier:0-200'],
      ['30%', 30, 'tier:200-500'],
      ['25%', 25, 'tier:500-1000'],
      ['20%', 20, 'tier:1000-'],
    ] as const;
    // Given out of order, as an extractor might list them.
    const terms = [...tiers]
      .reverse()
      .map(([s, value, qualifier]) => term(INDIRECT, s, { type: 'ratio_cap', value, unit: '%', qualifier }));
    terms.push(term(INDIRECT, '60%', { type: 'ratio_cap', value: 60, unit: '%' }));

    const p = proposeCalculator(terms, INDIRECT)!;
    expect(p.calculator.kind).toBe('tiered');
    if (p.calculator.kind !== 'tiered') return;
    expect(p.calculator.tiers.map((t) => [t.upToFen, t.ratePercent])).toEqual([
      [200 * WAN, '40'],
      [500 * WAN, '30'],
      [1000 * WAN, '25'],
      [null, '20'],
    ]);
    expect(INDIRECT.slice(p.calculator.tiers[0]!.sourceSpan!.start, p.calculator.tiers[0]!.sourceSpan!.end)).toBe('40%');
    const alt = p.calculator.alternatives![0]!;
    expect(alt.label).toBe('数学等纯理论基础研究项目、软科学研究项目、软件开发和咨询服务类项目');
    expect(p.calculator.inputs.find((i) => i.key === alt.baseInput)?.label).toBe('项目资金总额');

    expect(computeCalculator(p.calculator, { base: 600 })).toMatchObject({ ok: true, value: { amountFen: (80 + 90 + 25) * WAN } });
    expect(computeCalculator(p.calculator, { base: 600, [alt.whenInput]: true, [alt.baseInput!]: 700 })).toMatchObject({
      ok: true,
      value: { amountFen: 420 * WAN },
    });
  });

  it('a gap between tiers proposes nothing', () => {
    const s = '100万元以下部分不超过30%，200万元以上部分不超过20%';
    const terms = [
      term(s, '30%', { type: 'ratio_cap', value: 30, unit: '%', qualifier: 'tier:0-100' }),
      term(s, '20%', { type: 'ratio_cap', value: 20, unit: '%', qualifier: 'tier:200-' }),
    ];
    expect(proposeCalculator(terms, s)).toBeUndefined();
  });

  it('one share and one cap become a percentage with a cap, named after the base it is taken of', () => {
    const s = '对购置研发设备的企业，按不超过设备购置金额的30%给予补助，单个企业最高不超过500万元。';
    const terms = [
      term(s, '30%', { type: 'ratio_cap', value: 30, unit: '%' }),
      term(s, '500万元', { type: 'amount_cap', value: 500, unit: '万元' }),
    ];
    const p = proposeCalculator(terms, s)!;
    expect(p.calculator).toMatchObject({ kind: 'percentage_with_cap', ratePercent: '30', capFen: 500 * WAN, sentence: s });
    expect(p.calculator.inputs[0]!.label).toBe('设备购置金额');
    expect(computeCalculator(p.calculator, { base: 2000 })).toMatchObject({ ok: true, value: { amountFen: 500 * WAN } });
  });

  it('a share with neither a cap nor a support verb is not a formula', () => {
    const s = '外聘人员比例不超过20%。';
    expect(proposeCalculator([term(s, '20%', { type: 'ratio_cap', value: 20, unit: '%' })], s)).toBeUndefined();
  });

  it('an amount per unit with a cap becomes a per-unit calculator', () => {
    const s = '对新认定的高新技术企业，每家给予10万元奖励，同一区县每年最高不超过200万元。';
    const terms = [
      term(s, '10万元', { type: 'amount', value: 10, unit: '万元' }),
      term(s, '200万元', { type: 'amount_cap', value: 200, unit: '万元' }),
    ];
    const p = proposeCalculator(terms, s)!;
    expect(p.calculator).toMatchObject({ kind: 'per_unit_with_cap', amountPerUnitFen: 10 * WAN, unitLabel: '家', capFen: 200 * WAN });
    expect(computeCalculator(p.calculator, { units: 25 })).toMatchObject({
      ok: true,
      value: { amountFen: 200 * WAN, uncappedFen: 250 * WAN },
    });
  });

  it('a single amount given as support becomes a one-off; a fund size in a sentence without support does not', () => {
    const s = '对首次认定的专精特新"小巨人"企业，一次性给予50万元奖励。';
    expect(proposeCalculator([term(s, '50万元', { type: 'amount', value: 50, unit: '万元' })], s)?.calculator).toMatchObject({
      kind: 'one_off',
      amountFen: 50 * WAN,
    });
    const fund = '设立2000万元创业种子投资基金。';
    expect(proposeCalculator([term(fund, '2000万元', { type: 'amount', value: 2000, unit: '万元' })], fund)).toBeUndefined();
  });

  it('terms that fit no kind propose nothing', () => {
    const s = '到2025年，培育高新技术企业300家。';
    const terms = [
      term(s, '2025年', { type: 'target_year', value: 2025, unit: '年' }),
      term(s, '300家', { type: 'count', value: 300, unit: '家' }),
    ];
    expect(proposeCalculator(terms, s)).toBeUndefined();
    expect(proposeCalculator([])).toBeUndefined();
  });
});
