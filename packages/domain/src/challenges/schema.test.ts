import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { assertDeadlineAhead } from './deadline.js';
import { challengeInputSchema, type ChallengeInputRaw } from './schema.js';

const valid = (over: Partial<ChallengeInputRaw> = {}): ChallengeInputRaw => ({
  title: '钢板表面缺陷智能检测',
  problem: '热轧钢板表面缺陷依赖人工目检，漏检率高，需要在线实时检测并分类二十种缺陷。',
  indicators: [{ name: '检出率', target: '≥98', unit: '%', method: '在产线连续运行30天的抽检对比' }],
  rewardFen: 500_000_000,
  milestones: [
    { name: '方案设计', percent: 30, deliverables: '技术方案与验证报告' },
    { name: '上线验收', percent: 70, deliverables: '系统上线并通过验收' },
  ],
  deliveryPeriod: { kind: 'months', months: 12 },
  mode: { kind: 'single' },
  applicationDeadline: '2030-01-01T17:00:00+08:00',
  ...over,
});

const paths = (input: unknown) => {
  const r = challengeInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('challengeInputSchema', () => {
  it('accepts a full challenge and fills the defaults: MIIT criteria, at most 3 open applications, 失信 excluded', () => {
    const r = challengeInputSchema.parse(valid());
    expect(r.reviewScheme.criteria.map((c) => c.name)).toEqual(['技术先进性', '方案可行性', '实施能力', '报价合理性']);
    expect(r.eligibility).toEqual({ maxOpenApplicationsPerOrganization: 3, excludeDishonest: true });
    expect(r.sourceNeedId).toBeNull();
  });

  it('refuses milestone percentages that do not sum to exactly 100, saying the sum', () => {
    const ms = [
      { name: '方案设计', percent: 30, deliverables: '技术方案' },
      { name: '上线验收', percent: 60, deliverables: '系统上线' },
    ];
    expect(paths(valid({ milestones: ms }))).toEqual(['milestones: 各里程碑支付比例之和应为100%，现为90%']);
    expect(
      paths(
        valid({
          milestones: [
            { ...ms[0]!, percent: 30.5 },
            { ...ms[1]!, percent: 69.5 },
          ],
        }),
      ),
    ).toContain('milestones.0.percent: 支付比例（%）应为整数');
  });

  it('refuses a reward that is not a positive whole number of 分, or above the ceiling, and never clamps it', () => {
    for (const rewardFen of [0, -100, 12.5, 1e13, '5000000' as unknown as number]) {
      expect(paths(valid({ rewardFen })).some((p) => p.startsWith('rewardFen: '))).toBe(true);
    }
  });

  it('needs at least one indicator, a valid mode and review weights summing to 100', () => {
    expect(paths(valid({ indicators: [] }))).toEqual(['indicators: 至少填写一项可量化指标']);
    expect(paths(valid({ mode: { kind: 'horse_race', maxTeams: 1 } }))).toEqual(['mode.maxTeams: 赛马团队数应在2–20之间']);
    const criteria = [{ key: 'advancement', name: '技术先进性', weight: 50 }];
    expect(paths(valid({ reviewScheme: { reviewersPerItem: 3, blind: false, criteria } }))).toEqual([
      'reviewScheme: 评审指标权重之和应为100',
    ]);
  });

  it('keeps 失信 exclusion on and checks kinds, regions and years', () => {
    expect(paths(valid({ eligibility: { excludeDishonest: false as never } }))).toEqual([
      'eligibility.excludeDishonest: 失信单位不得揭榜，此项不能取消',
    ]);
    expect(paths(valid({ eligibility: { organizationKinds: ['martian' as never] } }))[0]).toMatch(/^eligibility\.organizationKinds\.0/);
    expect(paths(valid({ eligibility: { regionCodes: ['999999'] } }))[0]).toMatch(/^eligibility\.regionCodes\.0/);
    expect(paths(valid({ eligibility: { notWinnerWithinYears: 0 } }))[0]).toMatch(/^eligibility\.notWinnerWithinYears: /);
    expect(paths(valid({ eligibility: { maxOpenApplicationsPerOrganization: 0 } }))).toEqual([
      'eligibility.maxOpenApplicationsPerOrganization: 每单位同时申报上限应在1–20之间',
    ]);
  });

  it('checks the delivery period by dates: the end after the start', () => {
    expect(paths(valid({ deliveryPeriod: { kind: 'dates', start: '2030-03-01', end: '2030-02-01' } }))).toEqual([
      'deliveryPeriod.end: 结束日期须晚于开始日期',
    ]);
  });
});

describe('assertDeadlineAhead', () => {
  it('refuses a deadline at or before now as a field error of applicationDeadline', () => {
    const now = new Date('2030-01-01T09:00:00Z');
    expect(() => assertDeadlineAhead('2030-01-01T17:00:01+08:00', now)).not.toThrow();
    for (const d of ['2030-01-01T17:00:00+08:00', '2029-12-31T00:00:00Z']) {
      try {
        assertDeadlineAhead(d, now);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).details).toEqual([{ path: 'applicationDeadline', message: '申报截止时间须晚于当前时间' }]);
      }
    }
  });
});
