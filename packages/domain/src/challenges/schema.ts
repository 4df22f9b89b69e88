/**
 * A challenge (揭榜挂帅) as its owner writes it, checked at the boundary with a Chinese message
 * per field. Nothing is moved into range: a wrong value is refused, naming its field.
 * The eligibility rules are only stored here; the engine that applies them is in ../eligibility.
 */
import { z } from 'zod';
import { numberOutOfRange, textTooLong, textTooShort } from '../field-rules.js';
import { eligibilityRulesSchema } from '../eligibility/rules.js';
import { reviewSchemeSchema } from '../schemas.js';
import { hasHiddenFormatCharacters } from '../text-safety.js';

/** [min, max] characters of the challenge's texts. */
export const CHALLENGE_TEXT_LIMITS = {
  title: [4, 100],
  problem: [20, 5000],
  indicatorName: [2, 50],
  indicatorTarget: [1, 100],
  indicatorUnit: [1, 20],
  indicatorMethod: [4, 500],
  milestoneName: [2, 50],
  milestoneDeliverables: [4, 1000],
} as const;

/** The reward is in 分 (integer). At most 100亿元, well inside a safe JS integer. */
export const CHALLENGE_REWARD_MAX_FEN = 10_000_000_000 * 100;
export const CHALLENGE_LIMITS = {
  indicators: [1, 20],
  milestones: [1, 12],
  deliveryMonths: [1, 120],
  maxTeams: [2, 20],
  maxOpenApplications: [1, 20],
} as const;
export const DEFAULT_MAX_OPEN_APPLICATIONS = 3;

const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

const wholeIn = (range: readonly [number, number], label: string) =>
  z
    .number({ message: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(range[0], numberOutOfRange(label, range))
    .max(range[1], numberOutOfRange(label, range));

const date = (label: string) => z.iso.date({ message: `${label}格式应为 YYYY-MM-DD` });

export const indicatorSchema = z.object({
  name: text(CHALLENGE_TEXT_LIMITS.indicatorName, '指标名称'),
  target: text(CHALLENGE_TEXT_LIMITS.indicatorTarget, '目标值'),
  unit: text(CHALLENGE_TEXT_LIMITS.indicatorUnit, '单位'),
  method: text(CHALLENGE_TEXT_LIMITS.indicatorMethod, '测量方法'),
});

export const milestoneSchema = z.object({
  name: text(CHALLENGE_TEXT_LIMITS.milestoneName, '里程碑名称'),
  percent: wholeIn([1, 100], '支付比例（%）'),
  deliverables: text(CHALLENGE_TEXT_LIMITS.milestoneDeliverables, '交付物'),
});

export const deliveryPeriodSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('months'), months: wholeIn(CHALLENGE_LIMITS.deliveryMonths, '实施周期（月）') }),
    z
      .object({ kind: z.literal('dates'), start: date('开始日期'), end: date('结束日期') })
      .refine((p) => p.end > p.start, { message: '结束日期须晚于开始日期', path: ['end'] }),
  ],
  { message: '请选择实施周期的填写方式' },
);

export const challengeModeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('single') }),
    z.object({ kind: z.literal('horse_race'), maxTeams: wholeIn(CHALLENGE_LIMITS.maxTeams, '赛马团队数') }),
  ],
  { message: '请选择揭榜方式' },
);

/**
 * The eligibility rules as a challenge stores them: the shape of ../eligibility (whose engine
 * reads it), with the challenge's defaults — at most 3 open applications per organisation
 * (MIIT) — and 失信 organisations always excluded.
 */
export const challengeEligibilitySchema = eligibilityRulesSchema.extend({
  maxOpenApplicationsPerOrganization: wholeIn(CHALLENGE_LIMITS.maxOpenApplications, '每单位同时申报上限').default(
    DEFAULT_MAX_OPEN_APPLICATIONS,
  ),
  excludeDishonest: z.literal(true, { message: '失信单位不得揭榜，此项不能取消' }).default(true),
});
export type ChallengeEligibility = z.infer<typeof challengeEligibilitySchema>;

/** The four criteria the MIIT practice uses, weighted 30/30/20/20. */
export const DEFAULT_CHALLENGE_CRITERIA = [
  { key: 'advancement', name: '技术先进性', weight: 30 },
  { key: 'feasibility', name: '方案可行性', weight: 30 },
  { key: 'capability', name: '实施能力', weight: 20 },
  { key: 'pricing', name: '报价合理性', weight: 20 },
] as const;
export const defaultChallengeReviewScheme = () => ({
  reviewersPerItem: 5,
  blind: false,
  criteria: DEFAULT_CHALLENGE_CRITERIA.map((c) => ({ ...c })),
});

export const challengeInputSchema = z.object({
  title: text(CHALLENGE_TEXT_LIMITS.title, '榜单名称'),
  problem: text(CHALLENGE_TEXT_LIMITS.problem, '问题描述'),
  /** A published scenario need of the same organisation, or none. */
  sourceNeedId: z.uuid({ message: '来源需求编号不正确' }).nullable().default(null),
  indicators: z
    .array(indicatorSchema)
    .min(CHALLENGE_LIMITS.indicators[0], '至少填写一项可量化指标')
    .max(CHALLENGE_LIMITS.indicators[1], `指标最多${CHALLENGE_LIMITS.indicators[1]}项`),
  /** 分, an integer: the web converts 万元 from the typed text, never through a float. */
  rewardFen: z
    .number({ message: '榜单金额应为整数（分）' })
    .int('榜单金额应为整数（分）')
    .positive('榜单金额须大于0')
    .max(CHALLENGE_REWARD_MAX_FEN, '榜单金额不能超过100亿元'),
  milestones: z
    .array(milestoneSchema)
    .min(CHALLENGE_LIMITS.milestones[0], '至少设置一个里程碑')
    .max(CHALLENGE_LIMITS.milestones[1], `里程碑最多${CHALLENGE_LIMITS.milestones[1]}个`)
    .refine((ms) => ms.reduce((a, m) => a + m.percent, 0) === 100, {
      error: (issue) => `各里程碑支付比例之和应为100%，现为${(issue.input as { percent: number }[]).reduce((a, m) => a + m.percent, 0)}%`,
    }),
  deliveryPeriod: deliveryPeriodSchema,
  mode: challengeModeSchema,
  /** With its offset; shown and entered in Asia/Shanghai. Must be in the future (checked against the server's clock). */
  applicationDeadline: z.iso.datetime({ offset: true, message: '申报截止时间格式不正确' }),
  reviewScheme: reviewSchemeSchema.default(defaultChallengeReviewScheme),
  eligibility: challengeEligibilitySchema.default({
    maxOpenApplicationsPerOrganization: DEFAULT_MAX_OPEN_APPLICATIONS,
    excludeDishonest: true,
  }),
});
export type ChallengeInput = z.infer<typeof challengeInputSchema>;
export type ChallengeInputRaw = z.input<typeof challengeInputSchema>;
