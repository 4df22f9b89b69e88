/**
 * Correcting a measure's reading and running its calculator (docs/policies.md, API): the bodies
 * the operator sends and what the API answers. Spans are UTF-16 offsets into the policy's
 * source text; `version` is always the POLICY's version (optimistic).
 */
import { isCivilDate } from '@scenebridge/domain';
import {
  MONEY_INPUT_UNITS,
  POLICY_SUPPORT_TYPES,
  POLICY_TERM_TYPES,
  calculatorSchema,
  policyConditionsSchema,
} from '@scenebridge/domain/policies';
import { z } from 'zod';
// Only types from the barrel: index.ts re-exports this module, so a value import would be circular.
import type { PolicyMeasureJson } from './index.js';

const textSpan = z.object({ start: z.number().int(), end: z.number().int() });

const policyVersion = z.number({ message: '缺少版本号' }).int().min(1);
const ISO_TERM_DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|--\d{2}-\d{2})$/;
const civilDate = z.string().refine(isCivilDate, '日期格式须为 YYYY-MM-DD');
const unitName = z.string().trim().min(1, '单位名称不能为空').max(100, '单位名称不能超过100个字');

export const termCorrection = z
  .object({
    type: z.enum(POLICY_TERM_TYPES, { message: '未知的条款类型' }),
    value: z.union([z.number().finite(), z.string()]),
    unit: z.string().trim().min(1, '请填写单位').max(10, '单位不能超过10个字'),
    qualifier: z.string().trim().max(100, '说明不能超过100个字').nullish(),
    span: textSpan.refine((s) => s.start >= 0 && s.end > s.start, '原文位置不正确'),
  })
  .superRefine((t, ctx) => {
    const ok = t.type === 'date' ? typeof t.value === 'string' && ISO_TERM_DATE.test(t.value) : typeof t.value === 'number';
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: t.type === 'date' ? '日期条款的值应为 YYYY-MM-DD、YYYY-MM 或 --MM-DD' : '条款的值应为数字',
      });
  });
export type TermCorrection = z.infer<typeof termCorrection>;

export const measureCorrectionBody = z
  .object({
    version: policyVersion,
    heading: z.string().trim().max(200, '标题不能超过200个字').nullish(),
    supportType: z.enum(POLICY_SUPPORT_TYPES, { message: '未知的支持方式' }).nullish(),
    leadUnit: z.string().trim().max(100, '牵头单位不能超过100个字').nullish(),
    responsibleUnits: z.array(unitName).max(30, '责任单位最多30个').optional(),
    beneficiaries: z.array(z.string().trim().min(1, '支持对象不能为空').max(200, '支持对象不能超过200个字')).max(30).optional(),
    conditions: policyConditionsSchema.optional(),
    deadlineOn: civilDate.nullish(),
    terms: z.array(termCorrection).max(100, '条款最多100项').optional(),
    reason: z.string().trim().max(500, '原因不能超过500个字').optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version' && k !== 'reason'), '请至少修改一项');
export type MeasureCorrectionBody = z.infer<typeof measureCorrectionBody>;

export const calculatorRevisionBody = z.object({ version: policyVersion, definition: calculatorSchema });
export type CalculatorRevisionBody = z.infer<typeof calculatorRevisionBody>;

export const calculatorConfirmBody = z.object({ version: policyVersion });
export const calculatorDeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** A money figure may say its unit; a bare number is in the input's own unit. */
export const calculationInputValue = z.union([
  z.number().finite(),
  z.boolean(),
  z.object({ value: z.number().finite(), unit: z.enum(MONEY_INPUT_UNITS, { message: '金额单位应为元或万元' }) }),
]);
export const calculationBody = z.object({
  inputs: z.record(z.string().max(40), calculationInputValue).refine((r) => Object.keys(r).length <= 20, '输入项过多'),
});
export type CalculationBody = z.infer<typeof calculationBody>;

/** A corrected measure (policyMeasureJson) with the policy's new version for the next change. */
export const policyVersionJson = z.object({ policyVersion: z.number().int() });
export type PolicyMeasureCorrected = PolicyMeasureJson & z.infer<typeof policyVersionJson>;

export const calculationStepJson = z.object({
  kind: z.enum(['part', 'cap']),
  label: z.string(),
  amountFen: z.number().int(),
  /** Where the rate or amount is stated, in the policy's source text; null when it cannot be placed. */
  sourceSpan: textSpan.nullable(),
});
export const calculationResultJson = z.object({
  amountFen: z.number().int(),
  uncappedFen: z.number().int(),
  steps: z.array(calculationStepJson),
});
export type CalculationResultJson = z.infer<typeof calculationResultJson>;
