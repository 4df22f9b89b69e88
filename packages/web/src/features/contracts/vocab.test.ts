import { describe, expect, it } from 'vitest';
import { contractStep } from './steps';
import { CONTRACT_TYPE_GROUPS, NATURE_GROUPS, carriesEconomics, needsPatents, patentProblem } from './vocab';

describe('contract vocabulary for the form', () => {
  it('groups contract types by the five statutory categories', () => {
    expect(CONTRACT_TYPE_GROUPS.map((g) => g.label)).toEqual(['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务']);
    expect(CONTRACT_TYPE_GROUPS[0]!.options.map((o) => o.value)).toEqual(['development_commissioned', 'development_cooperative']);
    expect(NATURE_GROUPS.map((g) => g.label)).toContain('企业法人');
  });
  it('knows which types carry economics and patents', () => {
    expect(carriesEconomics('transfer_patent')).toBe(true);
    expect(carriesEconomics('service')).toBe(false);
    expect(needsPatents('license_patent')).toBe(true);
    expect(needsPatents('consulting')).toBe(false);
  });
  it('checks patent numbers with the server’s check digit', () => {
    expect(patentProblem('ZL201510703489.3')).toBeNull();
    expect(patentProblem('201510703489.3')).toBeNull();
    expect(patentProblem('ZL201510703489.4')).toMatch(/校验位/);
    expect(patentProblem('ZL2015107034')).toMatch(/格式/);
  });
});

describe('where a registration stands on the steps', () => {
  it('maps states onto draft → submitted → accepted → registered', () => {
    expect(contractStep('draft')).toEqual({ current: 0, error: false });
    expect(contractStep('accepted')).toEqual({ current: 2, error: false });
    expect(contractStep('registered')).toEqual({ current: 3, error: false });
    expect(contractStep('returned')).toMatchObject({ current: 1, error: true });
    expect(contractStep('refused')).toMatchObject({ current: 2, error: true });
  });
});
