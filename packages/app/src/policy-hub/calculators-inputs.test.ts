import { calculatorSchema, computeCalculator } from '@scenebridge/domain/policies';
import { describe, expect, it } from 'vitest';
import { convertMoney, toCalculatorInputs } from './calculators-inputs.js';
import { sentenceOffset } from './calculators-calculate.js';
import { placeField } from './measures-fields.js';

const calc = calculatorSchema.parse({
  kind: 'percentage_with_cap',
  inputs: [
    { type: 'money', key: 'base', label: '研发投入', unit: '万元' },
    { type: 'count', key: 'people', label: '人数', unit: '人' },
  ],
  baseInput: 'base',
  ratePercent: '10',
  capFen: 100_000_000,
});

describe('money figures with their own unit', () => {
  it('converts exactly between 元 and 万元, with no float on the way', () => {
    expect(convertMoney(12_345.67, '元', '万元')).toBe('1.23456700000000');
    expect(convertMoney(0.000001, '万元', '元')).toBe('0.010000');
    expect(convertMoney(3, '万元', '万元')).toBe(3);
  });

  it('gives the calculator the same result in 元 as in 万元', () => {
    const inWan = computeCalculator(calc, toCalculatorInputs(calc, { base: 123.4567 }));
    const inYuan = computeCalculator(calc, toCalculatorInputs(calc, { base: { value: 1_234_567, unit: '元' } }));
    expect(inWan.ok && inYuan.ok && inYuan.value.amountFen).toBe(inWan.ok && inWan.value.amountFen);
    // 1,234,567元 × 10% = 123,456.70元
    expect(inYuan.ok && inYuan.value.amountFen).toBe(12_345_670);
  });

  it('refuses a unit on a figure that is not money, and lets the reader name a negative one', () => {
    expect(() => toCalculatorInputs(calc, { people: { value: 3, unit: '元' } })).toThrow(/人数不是金额/);
    const negative = computeCalculator(calc, toCalculatorInputs(calc, { base: { value: -5, unit: '元' } }));
    expect(negative.ok).toBe(false);
  });
});

describe('placing text in the source', () => {
  const source = '前言。一、支持企业研发。由市科技局负责，市财政局配合。二、其他。';
  const measure = { start: 3, end: 27 };

  it('finds a calculator sentence inside its measure only', () => {
    expect(sentenceOffset(source, measure, undefined)).toBe(3);
    expect(sentenceOffset(source, measure, '由市科技局负责')).toBe(source.indexOf('由市科技局负责'));
    expect(sentenceOffset(source, measure, '二、其他')).toBeNull();
  });

  it('keeps a known span, else finds the words, else answers an empty span at the measure start', () => {
    const text = source.slice(measure.start, measure.end);
    const known = { text: '市财政局', span: { start: 100, end: 104 } };
    expect(placeField('市财政局', [known], text, measure.start)).toEqual(known);
    const found = placeField('市科技局', [], text, measure.start);
    expect(source.slice(found.span.start, found.span.end)).toBe('市科技局');
    expect(placeField('区经信委', [], text, measure.start).span).toEqual({ start: 3, end: 3 });
  });
});
