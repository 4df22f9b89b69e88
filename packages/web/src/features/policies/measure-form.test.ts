import { describe, expect, it } from 'vitest';
import type { PolicyMeasureJson } from './api';
import { correctionBody, measureFormValues, termInput } from './measure-form';

// A measure of seed 000 (重庆市改革完善市级财政科研经费管理若干措施).
const SOURCE = '13.提高间接费用比例。其中，200万元(含)以下部分，间接费用比例为不超过40%。';
const at = (s: string) => ({ start: SOURCE.indexOf(s), end: SOURCE.indexOf(s) + s.length });

const measure: PolicyMeasureJson = {
  id: 'm1',
  path: '13',
  parentPath: null,
  depth: 1,
  marker: '13.',
  heading: '提高间接费用比例',
  span: { start: 0, end: SOURCE.length },
  supportType: null,
  responsibleUnits: [],
  leadUnit: null,
  beneficiaries: [{ text: '项目承担单位', span: { start: 0, end: 0 } }],
  conditionTexts: [],
  conditions: [],
  deadlineOn: null,
  edited: false,
  terms: [{ id: 't1', type: 'ratio_cap', value: 40, unit: '%', qualifier: 'tier:0-200', span: at('不超过40%'), edited: false }],
  calculator: null,
};

describe('measure correction form', () => {
  it('shows each term with the words at its span', () => {
    const v = measureFormValues(measure, SOURCE);
    expect(v.terms[0]).toMatchObject({ value: '40', text: '不超过40%' });
    expect(v.beneficiaries).toEqual(['项目承担单位']);
  });

  it('sends nothing but what was changed', () => {
    const initial = measureFormValues(measure, SOURCE);
    expect(correctionBody(initial, { ...initial })).toEqual({});
    const changed = correctionBody(initial, { ...initial, responsibleUnits: ['市财政局', ' 市科技局 '], supportType: 'subsidy' });
    expect(changed).toEqual({ responsibleUnits: ['市财政局', '市科技局'], supportType: 'subsidy' });
  });

  it('sends the terms whole when one is added from a selection', () => {
    const initial = measureFormValues(measure, SOURCE);
    const added = { type: 'amount' as const, value: '200', unit: '万元', qualifier: '', span: at('200万元'), text: '200万元' };
    const body = correctionBody(initial, { ...initial, terms: [...initial.terms, added] });
    expect(body.terms).toEqual([
      { type: 'ratio_cap', value: 40, unit: '%', qualifier: 'tier:0-200', span: at('不超过40%') },
      { type: 'amount', value: 200, unit: '万元', span: at('200万元') },
    ]);
  });

  it('keeps date values as text and drops blank condition fields', () => {
    expect(termInput({ type: 'date', value: '2022-12-31', unit: 'date', qualifier: '', span: { start: 1, end: 2 }, text: '' }).value).toBe(
      '2022-12-31',
    );
    const initial = measureFormValues(measure, SOURCE);
    const body = correctionBody(initial, { ...initial, conditions: [{ kind: 'employees', min: undefined, max: 200 }] });
    expect(body.conditions).toEqual([{ kind: 'employees', max: 200 }]);
  });

  it('clears the lead unit with null', () => {
    const initial = measureFormValues({ ...measure, leadUnit: '市科技局' }, SOURCE);
    expect(correctionBody(initial, { ...initial, leadUnit: ' ' })).toEqual({ leadUnit: null });
  });
});
