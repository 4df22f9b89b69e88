/**
 * 公示 and 异议 as people write them (docs/publicity.md), checked at the boundary with a Chinese
 * message per field. Nothing is moved into range: a wrong value is refused, naming its field.
 */
import { z } from 'zod';
import { numberOutOfRange, textTooLong, textTooShort } from '../field-rules.js';
import { hasHiddenFormatCharacters } from '../text-safety.js';

/** What a publicity is about: a call's selected items, or a challenge's proposed winners (拟中榜单位). */
export const PUBLICITY_SUBJECT_KINDS = ['call_selection', 'challenge_award'] as const;
export type PublicitySubjectKind = (typeof PUBLICITY_SUBJECT_KINDS)[number];

export const PUBLICITY_DEFAULT_WORKING_DAYS = 5;
export const PUBLICITY_WORKING_DAYS_RANGE = [1, 30] as const;
export const PUBLICITY_TEXT_LIMITS = {
  title: [4, 200],
  reasons: [10, 5000],
  contact: [2, 200],
  decisionReason: [2, 2000],
  evidenceTitle: [1, 100],
} as const;
export const OBJECTION_EVIDENCE_MAX = 10;

const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

export const publicityCreateSchema = z.object({
  subjectKind: z.enum(PUBLICITY_SUBJECT_KINDS, { message: '公示事项类型不正确' }),
  subjectId: z.uuid({ message: '公示事项不正确' }),
  title: text(PUBLICITY_TEXT_LIMITS.title, '公示标题').optional(),
  workingDays: z
    .number({ message: '公示期应为整数个工作日' })
    .int('公示期应为整数个工作日')
    .min(PUBLICITY_WORKING_DAYS_RANGE[0], numberOutOfRange('公示期（工作日）', PUBLICITY_WORKING_DAYS_RANGE))
    .max(PUBLICITY_WORKING_DAYS_RANGE[1], numberOutOfRange('公示期（工作日）', PUBLICITY_WORKING_DAYS_RANGE))
    .default(PUBLICITY_DEFAULT_WORKING_DAYS),
});
export type PublicityCreateInput = z.infer<typeof publicityCreateSchema>;

/** Evidence is text links for now (an uploaded file is a later addition). */
export const objectionEvidenceSchema = z.object({
  title: text(PUBLICITY_TEXT_LIMITS.evidenceTitle, '证据名称'),
  url: z
    .string({ message: '请填写证据链接' })
    .trim()
    .max(1000, textTooLong('证据链接', 1000))
    .regex(/^https?:\/\/\S+$/i, '证据链接应以 http:// 或 https:// 开头'),
});

export const objectionInputSchema = z.object({
  itemId: z.uuid({ message: '请选择提出异议的条目' }),
  reasons: text(PUBLICITY_TEXT_LIMITS.reasons, '异议理由'),
  evidence: z.array(objectionEvidenceSchema).max(OBJECTION_EVIDENCE_MAX, `证据链接最多${OBJECTION_EVIDENCE_MAX}条`).default([]),
  contact: text(PUBLICITY_TEXT_LIMITS.contact, '联系方式'),
});
export type ObjectionInput = z.infer<typeof objectionInputSchema>;

export const objectionDecisionSchema = z.object({
  action: z.enum(['dismiss', 'uphold'], { message: '处理结果应为驳回（dismiss）或成立（uphold）' }),
  reason: text(PUBLICITY_TEXT_LIMITS.decisionReason, '处理理由'),
});
export type ObjectionDecisionInput = z.infer<typeof objectionDecisionSchema>;
