/**
 * 对接项目 (docs/deals.md) requests as people write them, checked at the boundary with a Chinese
 * message per field. Nothing is moved into range: a wrong value is refused. Amounts are 分.
 */
import { z } from 'zod';
import { textTooLong, textTooShort } from '../field-rules.js';
import { hasHiddenFormatCharacters } from '../text-safety.js';
import { TECH_FIELD_CODES } from '../taxonomy.js';
import { DEAL_ACTIVITY_KINDS, DEAL_STAGE_ACTIONS } from './vocabulary.js';

export const DEAL_TEXT_LIMITS = {
  title: [2, 200],
  note: [1, 5000],
  nextStep: [2, 500],
  linkTitle: [1, 100],
  reason: [2, 1000],
  certificateNo: [2, 64],
  bio: [0, 2000],
} as const;
export const DEAL_LINKS_MAX = 10;
export const BROKER_FIELDS_MAX = 10;
/** An expected amount is at most 1000 亿元 in 分: beyond any deal, inside a safe integer. */
export const DEAL_AMOUNT_MAX_FEN = 10_000_000_000_000;
/** Default days without activity before an open deal goes dormant (setting `deals.dormant_after_days`). */
export const DEAL_DORMANT_AFTER_DAYS_DEFAULT = 30;

const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

const uuid = (label: string) => z.uuid({ message: `${label}无效` });
const amountFen = z
  .number({ message: '请填写预计金额' })
  .int('预计金额须为整数分')
  .min(0, '预计金额不能为负数')
  .max(DEAL_AMOUNT_MAX_FEN, '预计金额过大');
const version = z.number({ message: '缺少版本号' }).int().min(1);
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A broker or operator proposes a pair: a need and either a capability listing or a supplier organisation. */
export const createDealSchema = z
  .object({
    needId: uuid('需求'),
    capabilityId: uuid('能力').optional(),
    supplyOrganizationId: uuid('供给方机构').optional(),
    title: text(DEAL_TEXT_LIMITS.title, '项目名称').optional(),
    expectedAmountFen: amountFen.optional(),
    brokerUserId: uuid('技术经理人').optional(),
  })
  .refine((v) => v.capabilityId || v.supplyOrganizationId, { message: '请选择能力或供给方机构', path: ['capabilityId'] });
export type CreateDealInput = z.infer<typeof createDealSchema>;

export const dealTransitionSchema = z.object({
  action: z.enum(DEAL_STAGE_ACTIONS, { message: '未知操作' }),
  reason: z.string().trim().max(DEAL_TEXT_LIMITS.reason[1], textTooLong('原因', DEAL_TEXT_LIMITS.reason[1])).optional(),
  version,
  /** Only with `sign`: the amount the parties signed for. */
  expectedAmountFen: amountFen.optional(),
});
export type DealTransitionInput = z.infer<typeof dealTransitionSchema>;

/** Declining an interest (婉拒意向): the sender reads the reason. */
export const declineInterestSchema = z.object({
  reason: z
    .string({ message: '请填写婉拒原因' })
    .trim()
    .min(1, '请填写婉拒原因')
    .max(DEAL_TEXT_LIMITS.reason[1], textTooLong('原因', DEAL_TEXT_LIMITS.reason[1])),
});
export type DeclineInterestInput = z.infer<typeof declineInterestSchema>;

export const assignBrokerSchema = z.object({ brokerUserId: uuid('技术经理人'), version });
export const claimDealSchema = z.object({ version });
export const dealAmountSchema = z.object({ expectedAmountFen: amountFen.nullable(), version });

export const dealLinkSchema = z.object({
  title: text(DEAL_TEXT_LIMITS.linkTitle, '文件名称'),
  url: z
    .string({ message: '请填写链接' })
    .trim()
    .max(1000, textTooLong('链接', 1000))
    .regex(/^https?:\/\/\S+$/i, '链接应以 http:// 或 https:// 开头'),
});

export const logDealActivitySchema = z
  .object({
    kind: z.enum(DEAL_ACTIVITY_KINDS, { message: '请选择跟进方式' }),
    note: text(DEAL_TEXT_LIMITS.note, '跟进记录'),
    /** ISO instant; defaults to now. */
    occurredAt: z.iso.datetime({ offset: true, message: '时间格式无效' }).optional(),
    links: z.array(dealLinkSchema).max(DEAL_LINKS_MAX, `最多${DEAL_LINKS_MAX}个链接`).default([]),
    nextStep: text(DEAL_TEXT_LIMITS.nextStep, '下一步').optional(),
    nextStepDueOn: civilDate.optional(),
  })
  .refine((v) => !v.nextStep === !v.nextStepDueOn, { message: '下一步与截止日期须同时填写', path: ['nextStepDueOn'] });
export type LogDealActivityInput = z.infer<typeof logDealActivitySchema>;

export const brokerProfileSchema = z.object({
  fields: z
    .array(z.enum(TECH_FIELD_CODES, { message: '请选择有效的技术领域' }))
    .max(BROKER_FIELDS_MAX, `最多选择${BROKER_FIELDS_MAX}个领域`),
  certificateNo: text(DEAL_TEXT_LIMITS.certificateNo, '技术经理人证书编号').nullable().optional(),
  bio: z.string().trim().max(DEAL_TEXT_LIMITS.bio[1], textTooLong('简介', DEAL_TEXT_LIMITS.bio[1])).nullable().optional(),
});
export type BrokerProfileInput = z.infer<typeof brokerProfileSchema>;
