import { describe, expect, it } from 'vitest';
import { describeCalculator } from './calculator-words';
import { fenShort, formatFen, formatFenWan, formatFenYuan, qualifierLabel, termLabel, validityText } from './format';

describe('termLabel', () => {
  it('names the type and the value with its unit', () => {
    expect(termLabel({ type: 'ratio_cap', value: 40, unit: '%', qualifier: null })).toBe('比例上限 40%');
    expect(termLabel({ type: 'amount', value: 50, unit: '万元', qualifier: null })).toBe('金额 50万元');
    expect(termLabel({ type: 'date', value: '2022-12-31', unit: 'date', qualifier: null })).toBe('日期 2022-12-31');
  });

  it('adds a tier in words', () => {
    expect(termLabel({ type: 'ratio_cap', value: 30, unit: '%', qualifier: 'tier:200-500' })).toBe('比例上限 30%（200万至500万元部分）');
    expect(qualifierLabel('tier:0-200')).toBe('200万元以下部分');
    expect(qualifierLabel('tier:1000-')).toBe('1000万元以上部分');
    expect(qualifierLabel('每家')).toBe('每家');
  });
});

describe('money', () => {
  it('shows 分 as 元 with separators, exactly', () => {
    expect(formatFenYuan(123_456_789)).toBe('1,234,567.89 元');
    expect(formatFenYuan(5)).toBe('0.05 元');
    expect(formatFenYuan(0)).toBe('0.00 元');
  });

  it('shows 万元 without rounding away 分', () => {
    expect(formatFenWan(80_000_000)).toBe('80 万元');
    expect(formatFenWan(123_456_789)).toBe('123.456789 万元');
    expect(formatFenWan(1_234_500_000_000)).toBe('1,234,500 万元');
    expect(formatFen(250_000)).toBe('2,500.00 元（0.25 万元）');
  });

  it('writes definition amounts short', () => {
    expect(fenShort(8_000_000)).toBe('8万元');
    expect(fenShort(123_456)).toBe('1234.56元');
    expect(fenShort(2_000_000_000)).toBe('2000万元');
  });
});

describe('validityText', () => {
  it('gives the range and the phrase of the text', () => {
    expect(validityText({ validFrom: '2022-08-01', validUntil: '2025-07-31', validityPhrase: '有效期3年' })).toBe(
      '2022-08-01 至 2025-07-31（原文：有效期3年）',
    );
    expect(validityText({ validFrom: null, validUntil: null })).toBe('未写明有效期');
  });
});

describe('describeCalculator', () => {
  it('says a tiered rule tier by tier, with its alternative', () => {
    const lines = describeCalculator({
      kind: 'tiered',
      baseInput: 'base',
      inputs: [
        { type: 'money', key: 'base', label: '直接费用扣除设备购置费', unit: '万元' },
        { type: 'flag', key: 'soft', label: '是否为软件开发类项目' },
      ],
      tiers: [
        { upToFen: 200_000_000, ratePercent: '40' },
        { upToFen: 500_000_000, ratePercent: '30' },
        { upToFen: null, ratePercent: '20' },
      ],
      alternatives: [{ whenInput: 'soft', ratePercent: '60', label: '软件开发类项目' }],
    });
    expect(lines).toEqual([
      '直接费用扣除设备购置费分档累进计算：',
      '200万元（含）以下部分按40%',
      '200万元至500万元（含）部分按30%',
      '500万元以上部分按20%',
      '软件开发类项目（是否为软件开发类项目）：改按直接费用扣除设备购置费的60%',
    ]);
  });

  it('says a share with its cap', () => {
    expect(
      describeCalculator({
        kind: 'percentage_with_cap',
        baseInput: 'b',
        ratePercent: '12.5',
        capFen: 50_000_000,
        inputs: [{ type: 'money', key: 'b', label: '设备投资额', unit: '万元' }],
      }),
    ).toEqual(['设备投资额的12.5%，最高不超过50万元']);
  });
});
