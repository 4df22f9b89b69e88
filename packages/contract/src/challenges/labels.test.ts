import { describe, expect, it } from 'vitest';
import { eligibilitySummary, fenToWanText, parseWanToFen } from './labels.js';

describe('万元 ↔ 分', () => {
  it('parses the typed digits exactly, with at most two decimals', () => {
    expect(parseWanToFen('500')).toBe(500_000_000);
    expect(parseWanToFen('0.01')).toBe(10_000);
    expect(parseWanToFen(' 123.45 ')).toBe(123_450_000);
    // 0.29 * 1e6 is 290000.00000000006 as floats; the digits give 290000 exactly.
    expect(parseWanToFen('0.29')).toBe(290_000);
    expect(parseWanToFen('9999999.99')).toBe(9_999_999_990_000);
    for (const bad of ['', '1.234', '-1', '1e3', '１２', '1,000', 'abc', '.5']) expect(parseWanToFen(bad)).toBeNull();
  });

  it('shows 分 as 万元 without losing a fen', () => {
    expect(fenToWanText(500_000_000)).toBe('500.00');
    expect(fenToWanText(123_450_000)).toBe('123.45');
    expect(fenToWanText(1_234_567_890_001)).toBe('1,234,567.890001');
    for (const s of ['0.29', '1.1', '77.07', '1234567.89'])
      expect(parseWanToFen(fenToWanText(parseWanToFen(s)!).replaceAll(',', ''))).toBe(parseWanToFen(s));
  });
});

describe('eligibilitySummary', () => {
  it('says each rule in Chinese, with 失信 always excluded', () => {
    expect(
      eligibilitySummary(
        {
          organizationKinds: ['ai_company'],
          qualifications: ['high_tech_enterprise'],
          notWinnerWithinYears: 2,
          maxOpenApplicationsPerOrganization: 3,
          excludeDishonest: true,
        },
        () => '重庆市',
      ),
    ).toEqual([
      '单位类型：人工智能企业',
      '所在地区：不限',
      '资质要求：高新技术企业',
      '近2年内未在本计划中揭榜',
      '每单位同时申报不超过3个榜单',
      '无失信记录',
    ]);
  });
});

describe('deadlineCountdown', () => {
  it('counts whole days, then hours, and says when it has passed', async () => {
    const { deadlineCountdown } = await import('./labels.js');
    const d = new Date('2030-06-30T09:00:00Z');
    expect(deadlineCountdown(d, new Date('2030-06-20T08:00:00Z'))).toBe('距截止还有 10 天');
    expect(deadlineCountdown(d, new Date('2030-06-29T10:00:00Z'))).toBe('距截止还有 23 小时');
    expect(deadlineCountdown(d, new Date('2030-06-30T08:30:00Z'))).toBe('距截止不足 1 小时');
    expect(deadlineCountdown(d, d)).toBe('已截止');
  });
});
