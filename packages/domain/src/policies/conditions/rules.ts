/**
 * The conditions of a policy measure as structured rules: a list that must all hold (all-of).
 * Each is judged by `evaluateConditions` as met, not met, or unknown when the profile lacks the
 * field it needs. Bounds are inclusive, as 以上/以下/不超过 include the stated number in policy texts.
 */
import { z } from 'zod';
import { calendarDaySchema } from '../../eligibility/requests.js';
import { isKnownRegion } from '../../regions.js';
import { ORGANIZATION_KINDS } from '../../roles.js';
import { SECTOR_CODES } from '../../taxonomy.js';
import { QUALIFICATION_CODE_PATTERN, REVENUE_BAND_CODES } from './profile.js';

const distinct = <T>(list: T[]) => new Set(list).size === list.length;
const nonEmpty = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, `请至少选择一个${what}`).max(50).refine(distinct, `${what}不能重复`);
const bounded = <T extends { min?: number | undefined; max?: number | undefined }>(v: T) =>
  (v.min !== undefined || v.max !== undefined) && (v.min === undefined || v.max === undefined || v.min <= v.max);

export const policyConditionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('organization_kind'),
    kinds: nonEmpty(z.enum(ORGANIZATION_KINDS, { message: '机构类型不正确' }), '机构类型'),
  }),
  z.object({
    kind: z.literal('region'),
    regionCodes: nonEmpty(z.string().refine(isKnownRegion, '行政区划代码不在GB/T 2260目录中'), '地区'),
  }),
  z.object({
    kind: z.literal('qualification'),
    codes: nonEmpty(z.string().regex(QUALIFICATION_CODE_PATTERN, '资质编号不正确'), '资质'),
    /** all: every one held (default); any: at least one (高新技术企业或专精特新企业). */
    match: z.enum(['all', 'any']).default('all'),
  }),
  z
    .object({ kind: z.literal('employees'), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })
    .refine(bounded, '请填写人数下限或上限，且下限不大于上限'),
  z.object({
    kind: z.literal('revenue_band'),
    bands: nonEmpty(z.enum(REVENUE_BAND_CODES, { message: '营业收入区间不正确' }), '营业收入区间'),
  }),
  z.object({ kind: z.literal('rd_share'), minPercent: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('sector'), sectors: nonEmpty(z.enum(SECTOR_CODES, { message: '行业不正确' }), '行业') }),
  /** Founded no more than N years before the day judged (成立不超过N年). */
  z.object({ kind: z.literal('founded_within_years'), years: z.number().int().min(1).max(100) }),
  /** Founded before this day (在该日期前注册成立). */
  z.object({ kind: z.literal('founded_before'), date: calendarDaySchema('成立日期界限') }),
  z.object({ kind: z.literal('not_dishonest') }),
  /** The measure applies on days within [from, to] (申报时间), Asia/Shanghai. */
  z
    .object({
      kind: z.literal('date_window'),
      from: calendarDaySchema('开始日期').optional(),
      to: calendarDaySchema('截止日期').optional(),
    })
    .refine((w) => (w.from || w.to) && (!w.from || !w.to || w.from <= w.to), '请填写开始或截止日期，且开始不晚于截止'),
]);
export type PolicyCondition = z.infer<typeof policyConditionSchema>;
export type PolicyConditionKind = PolicyCondition['kind'];

/** All must hold. */
export const policyConditionsSchema = z.array(policyConditionSchema).max(30, '条件最多30项');
export type PolicyConditions = z.infer<typeof policyConditionsSchema>;

export const POLICY_CONDITION_LABELS: Record<PolicyConditionKind, string> = {
  organization_kind: '机构类型',
  region: '注册地',
  qualification: '资质',
  employees: '职工人数',
  revenue_band: '营业收入',
  rd_share: '研发投入占比',
  sector: '所属行业',
  founded_within_years: '成立年限',
  founded_before: '成立时间',
  not_dishonest: '无失信记录',
  date_window: '申报时间',
};
