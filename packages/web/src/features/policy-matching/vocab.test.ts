import { describe, expect, it } from 'vitest';
import type { PolicyProfileView } from './api';
import {
  employeesProblem,
  isConfirmed,
  missingFieldLink,
  profileFormValues,
  profileInput,
  rdShareProblem,
  reasonText,
  runSummaryText,
  validityText,
} from './vocab';

const profile: PolicyProfileView = {
  organizationId: 'o1',
  kind: 'enterprise',
  regionCode: '500000',
  qualifications: [],
  dishonest: null,
  employees: 80,
  revenueBand: null,
  rdSharePercent: 3.5,
  sectors: ['manufacturing'],
  foundedOn: null,
  updatedAt: '2026-03-01T02:00:00.000Z',
  confirmedAt: null,
  confirmedBy: null,
};

describe('the profile form', () => {
  it('accepts 研发投入占比 from 0 to 100 with at most two decimals', () => {
    for (const ok of ['', '0', '3.5', '12.25', '100']) expect(rdShareProblem(ok)).toBeNull();
    expect(rdShareProblem('100.5')).toMatch(/不能超过100/);
    expect(rdShareProblem('3.141')).toMatch(/两位小数/);
    expect(rdShareProblem('-1')).not.toBeNull();
    expect(rdShareProblem('abc')).not.toBeNull();
  });

  it('accepts whole, non-negative numbers of employees', () => {
    expect(employeesProblem('')).toBeNull();
    expect(employeesProblem('120')).toBeNull();
    expect(employeesProblem('12.5')).not.toBeNull();
    expect(employeesProblem('-3')).not.toBeNull();
  });

  it('sends cleared fields as null and round-trips what it was given', () => {
    const values = profileFormValues(profile);
    expect(values.employees).toBe('80');
    expect(profileInput(values)).toEqual({
      employees: 80,
      revenueBand: null,
      rdSharePercent: 3.5,
      sectors: ['manufacturing'],
      foundedOn: null,
    });
    expect(profileInput({ ...values, employees: ' ', rdSharePercent: '', sectors: [] })).toMatchObject({
      employees: null,
      rdSharePercent: null,
      sectors: [],
    });
  });

  it('counts a profile as 已核实 only when confirmed after its last change', () => {
    expect(isConfirmed(profile)).toBe(false);
    expect(isConfirmed({ ...profile, confirmedAt: '2026-03-02T00:00:00.000Z' })).toBe(true);
    expect(isConfirmed({ ...profile, confirmedAt: '2026-02-01T00:00:00.000Z' })).toBe(false);
  });

  it('says whether a qualification is still valid on a day', () => {
    expect(validityText(null, '2026-05-01')).toEqual({ text: '长期有效', expired: false });
    expect(validityText('2026-05-01', '2026-05-01').expired).toBe(false);
    expect(validityText('2026-04-30', '2026-05-01').expired).toBe(true);
  });
});

describe('measures for me', () => {
  it('drops the outcome word the icon already shows', () => {
    expect(reasonText('满足：注册地在重庆市')).toBe('注册地在重庆市');
    expect(reasonText('不满足：职工人数 30 人，要求不少于 50 人')).toBe('职工人数 30 人，要求不少于 50 人');
    expect(reasonText('无法判断：未填写职工人数')).toBe('未填写职工人数');
    expect(reasonText('其他说明')).toBe('其他说明');
  });

  it('links a missing field to its place in the profile, by code or label', () => {
    expect(missingFieldLink('职工人数')).toBe('/policy-profile?field=employees');
    expect(missingFieldLink('rdSharePercent')).toBe('/policy-profile?field=rdSharePercent');
    expect(missingFieldLink('成立年份')).toBe('/policy-profile?field=foundedOn');
    // 失信核查 is kept by operators: nothing for the organisation to fill in.
    expect(missingFieldLink('失信记录核查结果')).toBeNull();
    expect(missingFieldLink('别的字段')).toBe('/policy-profile');
  });
});

describe('免申即享', () => {
  it('summarises a run, separating new rows from ones already listed', () => {
    const first = runSummaryText({ organizations: 40, eligible: 6, unknown: 3, added: 6 });
    expect(first).toContain('40 家');
    expect(first).toContain('新增 6 家');
    expect(first).toContain('3 家因信息不全');
    const again = runSummaryText({ organizations: 40, eligible: 6, unknown: 0, added: 0 });
    expect(again).toContain('没有新增');
    expect(again).toContain('6 家此前已列入');
    expect(again).not.toContain('信息不全');
  });
});
