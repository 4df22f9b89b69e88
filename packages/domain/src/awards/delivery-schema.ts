/**
 * Delivery, acceptance (验收) and payment requests as people write them, checked at the boundary
 * with a Chinese message per field. Nothing is moved into range: a wrong value is refused.
 */
import { z } from 'zod';
import { numberOutOfRange, textTooLong, textTooShort } from '../field-rules.js';
import { hasHiddenFormatCharacters } from '../text-safety.js';
import { ACCEPTANCE_VERDICTS } from './acceptance.js';

export const DELIVERY_TEXT_LIMITS = {
  note: [2, 5000],
  linkTitle: [1, 100],
  opinion: [2, 2000],
  reference: [2, 100],
  reason: [2, 1000],
  requestKey: [8, 100],
} as const;
export const DELIVERY_LINKS_MAX = 10;
export const ACCEPTORS_MAX = 9;
/** A payment is at most 100 亿元 in 分: beyond any award, well inside a safe integer. */
export const PAYMENT_MAX_FEN = 1_000_000_000_000;

const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

export const deliveryLinkSchema = z.object({
  title: text(DELIVERY_TEXT_LIMITS.linkTitle, '交付物名称'),
  url: z
    .string({ message: '请填写交付物链接' })
    .trim()
    .max(1000, textTooLong('交付物链接', 1000))
    .regex(/^https?:\/\/\S+$/i, '交付物链接应以 http:// 或 https:// 开头'),
});

export const deliverMilestoneSchema = z.object({
  note: text(DELIVERY_TEXT_LIMITS.note, '交付说明'),
  links: z.array(deliveryLinkSchema).max(DELIVERY_LINKS_MAX, `交付物链接最多${DELIVERY_LINKS_MAX}条`).default([]),
});
export type DeliverMilestoneInput = z.infer<typeof deliverMilestoneSchema>;

export const assignAcceptorsSchema = z.object({
  userIds: z
    .array(z.uuid({ message: '专家编号格式不正确' }))
    .min(1, '请至少选择一位验收专家')
    .max(ACCEPTORS_MAX, `验收专家最多${ACCEPTORS_MAX}位`)
    .refine((ids) => new Set(ids).size === ids.length, '验收专家不能重复'),
});
export type AssignAcceptorsInput = z.infer<typeof assignAcceptorsSchema>;

export const acceptanceOpinionSchema = z
  .object({
    verdict: z.enum(ACCEPTANCE_VERDICTS, { message: '验收结论应为通过、有条件通过或不通过' }),
    score: z
      .number({ message: '请填写0到100之间的整数评分' })
      .int('请填写0到100之间的整数评分')
      .min(0, numberOutOfRange('评分', [0, 100]))
      .max(100, numberOutOfRange('评分', [0, 100])),
    opinion: text(DELIVERY_TEXT_LIMITS.opinion, '验收意见').optional(),
  })
  .refine((o) => o.verdict === 'pass' || !!o.opinion, { message: '有条件通过或不通过须填写验收意见', path: ['opinion'] });
export type AcceptanceOpinionInput = z.infer<typeof acceptanceOpinionSchema>;

const isDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const recordPaymentSchema = z.object({
  milestoneId: z.uuid({ message: '请选择付款的里程碑' }),
  amountFen: z
    .number({ message: '付款金额应为正整数（分）' })
    .int('付款金额应为正整数（分）')
    .min(1, '付款金额应为正整数（分）')
    .max(PAYMENT_MAX_FEN, '付款金额过大'),
  paidOn: z.string({ message: '请填写付款日期' }).refine(isDate, '付款日期格式应为 YYYY-MM-DD'),
  reference: text(DELIVERY_TEXT_LIMITS.reference, '付款凭证号'),
  requestKey: z
    .string({ message: '缺少请求编号' })
    .min(DELIVERY_TEXT_LIMITS.requestKey[0], '请求编号格式不正确')
    .max(DELIVERY_TEXT_LIMITS.requestKey[1], '请求编号格式不正确')
    .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确'),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;

export const eliminateAwardSchema = z.object({ reason: text(DELIVERY_TEXT_LIMITS.reason, '淘汰原因') });
export type EliminateAwardInput = z.infer<typeof eliminateAwardSchema>;
