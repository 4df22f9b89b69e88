/** Request bodies of the organisation profile (qualifications, 失信 flag) and of eligibility. */
import { z } from 'zod';
import { hasHiddenFormatCharacters } from '../text-safety.js';
import { QUALIFICATION_CODES } from './qualifications.js';
import { eligibilityRulesSchema } from './rules.js';

const line = (label: string, min: number, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, min === 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDaySchema = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, `${label}不是有效日期`);

export const qualificationInputSchema = z.object({
  code: z.enum(QUALIFICATION_CODES, { message: '请选择资质类型' }),
  certificateNo: line('证书编号', 1, 100).optional(),
  /** Last valid day (Asia/Shanghai); left out when the qualification does not lapse. */
  validUntil: calendarDaySchema('有效期至').optional(),
});
export type QualificationInput = z.infer<typeof qualificationInputSchema>;

export const DISHONESTY_REASON_MIN = 4;

/** Set (flagged true) or clear (false) the 失信 flag: both need the source and the reason. */
export const dishonestyFlagInputSchema = z.object({
  flagged: z.boolean({ message: '请说明是否列为失信' }),
  /** Where it is listed, e.g. 信用中国、全国法院失信被执行人名单; when clearing, what says it is lifted. */
  source: line('来源', 2, 200),
  /** The day the source lists it (or lifted it). */
  listedOn: calendarDaySchema('列入日期').optional(),
  reason: line('原因', DISHONESTY_REASON_MIN, 1000),
});
export type DishonestyFlagInput = z.infer<typeof dishonestyFlagInputSchema>;

/** `challengeRef` lets the answer include an operator override for that challenge. */
export const eligibilityCheckInputSchema = z.object({
  rules: eligibilityRulesSchema,
  organizationId: z.uuid('机构编号格式不正确').optional(),
  challengeRef: line('揭榜任务编号', 1, 100).optional(),
});
export type EligibilityCheckInput = z.infer<typeof eligibilityCheckInputSchema>;

export const eligibilityOverrideInputSchema = z.object({
  organizationId: z.uuid('机构编号格式不正确'),
  challengeRef: line('揭榜任务编号', 1, 100),
  reason: line('复核理由', 4, 1000),
});
export type EligibilityOverrideInput = z.infer<typeof eligibilityOverrideInputSchema>;
