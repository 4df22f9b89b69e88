import { describe, expect, it } from 'vitest';
import { extractMeasureFields, type FieldText, type MeasureFields } from './fields.js';
import { seedText } from './seeds.testing.js';
import { segmentPolicy } from './segment.js';

const texts = (items: readonly FieldText[]): string[] => items.map((i) => i.text);

function expectSpansExact(measure: string, fields: MeasureFields): void {
  const all = [...fields.responsibleUnits, ...fields.beneficiaries, ...fields.conditions, ...(fields.leadUnit ? [fields.leadUnit] : [])];
  for (const item of all) expect(measure.slice(item.span.start, item.span.end)).toBe(item.text);
}

describe('extractMeasureFields', () => {
  it('reads a 对…给予 measure with its conditions and labelled units', () => {
    const measure =
      '对注册地在重庆市两江新区、近2年未被列入严重失信主体名单、研发投入占营业收入比例不低于3%的高新技术企业，给予最高50万元奖励。（责任单位：市科技局、市财政局、市经济和信息化委员会）';
    const fields = extractMeasureFields(measure);
    expect(texts(fields.responsibleUnits)).toEqual(['市科技局', '市财政局', '市经济和信息化委员会']);
    expect(fields.leadUnit?.text).toBe('市科技局');
    expect(fields.conditions.map((c) => [c.kind, c.text])).toEqual([
      ['region', '注册地在重庆市两江新区'],
      ['dishonest', '近2年未被列入严重失信主体名单'],
      ['rd_share', '研发投入占营业收入比例不低于3%'],
      ['qualification', '高新技术企业'],
    ]);
    expectSpansExact(measure, fields);
  });

  it('reads the beneficiary of 对…给予 up to its noun', () => {
    const measure = '对首次认定的高新技术企业给予20万元奖励。';
    const fields = extractMeasureFields(measure);
    expect(texts(fields.beneficiaries)).toEqual(['首次认定的高新技术企业']);
    expect(fields.conditions.map((c) => c.kind)).toEqual(['qualification']);
  });

  it('reads the parenthetical lead-and-support form', () => {
    const measure = '支持成立不满3年的科技型中小企业开展场景创新（市科技局牵头，市发展改革委、市财政局配合）。';
    const fields = extractMeasureFields(measure);
    expect(fields.leadUnit?.text).toBe('市科技局');
    expect(texts(fields.responsibleUnits)).toEqual(['市科技局', '市发展改革委', '市财政局']);
    expect(texts(fields.beneficiaries)).toEqual(['成立不满3年的科技型中小企业']);
    expect(fields.conditions.map((c) => [c.kind, c.text])).toEqual([
      ['age', '成立不满3年'],
      ['qualification', '科技型中小企业'],
    ]);
    expectSpansExact(measure, fields);
  });

  it('prefers the named lead unit over the first responsible one', () => {
    const measure = '面向人工智能企业定期发布场景机会。责任单位：区经济信息委；牵头单位：区科技局。';
    const fields = extractMeasureFields(measure);
    expect(fields.leadUnit?.text).toBe('区科技局');
    expect(texts(fields.beneficiaries)).toEqual(['人工智能企业']);
  });

  it('reads age and size thresholds', () => {
    const measure = '申报人年龄不超过45周岁，所在企业年营业收入不低于2000万元。';
    expect(extractMeasureFields(measure).conditions.map((c) => [c.kind, c.text])).toEqual([
      ['age', '年龄不超过45周岁'],
      ['size', '营业收入不低于2000万元'],
    ]);
  });

  it('does not take a mention of a qualification for a condition', () => {
    const measure = '到2025年，高新技术企业达到300家，科技型企业达到2000家。';
    expect(extractMeasureFields(measure).conditions).toEqual([]);
  });

  it('finds nothing in a measure that names no one', () => {
    expect(extractMeasureFields('合并财务验收和技术验收，在项目实施期末实行一次性综合绩效评价。')).toEqual({
      responsibleUnits: [],
      beneficiaries: [],
      conditions: [],
    });
  });

  it('reads who the digest’s measures are for (000)', () => {
    const text = seedText('000_');
    const segments = segmentPolicy(text);
    const measure = segments.find((s) => s.heading === '鼓励高校院所参与场景创新');
    expect(measure).toBeDefined();
    const body = text.slice(measure?.span.start, measure?.span.end);
    const fields = extractMeasureFields(body);
    expect(texts(fields.beneficiaries)).toContain('高校、科研院所、新型研发机构');
    expectSpansExact(body, fields);
  });
});
