/**
 * A technology contract as the seller side enters it for registration, checked at the boundary
 * with a Chinese message per field (docs/contracts.md). Nothing is moved into range: a wrong
 * value is refused, naming its field. Rules across fields:
 * - CONTRACT_AMOUNT: 技术交易额 ≤ 合同成交额 (also a database CHECK);
 * - validity: validFrom ≤ validUntil (also a CHECK);
 * - the expected new investment and output value only for transfers and licences;
 * - patents required for patent transfers, patent-application transfers and patent licences;
 * - the signing date not in the future: needs the clock, so `signedOnProblem` is applied by the
 *   use case (and by the import) with today's Shanghai date.
 */
import { z } from 'zod';
import { checkCreditCode, CREDIT_CODE_MESSAGES } from '../credit-code.js';
import { isKnownRegion } from '../regions.js';
import { TECH_FIELD_CODES } from '../taxonomy.js';
import { textTooLong, textTooShort } from '../field-rules.js';
import { hasHiddenFormatCharacters } from '../text-safety.js';
import { CONTRACT_TYPES, LEGAL_NATURES, PATENT_NUMBER_KINDS, PAYMENT_METHODS, carriesExpectedEconomics } from './codes.js';
import { PATENT_NUMBER_MESSAGES, parsePatentNumber } from './patent-number.js';
import {
  CONTRACT_AMOUNT_MAX_FEN,
  CONTRACT_AMOUNT_MESSAGE,
  CONTRACT_AMOUNT_RULE,
  CONTRACT_PATENTS_MAX,
  CONTRACT_TEXT_LIMITS,
  CONTRACT_TYPES_NEEDING_PATENTS,
} from './limits.js';

const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

const fen = (label: string) =>
  z
    .number({ message: `${label}应为整数（分）` })
    .int(`${label}应为整数（分）`)
    .min(0, `${label}不能为负数`)
    .max(CONTRACT_AMOUNT_MAX_FEN, `${label}不能超过1000亿元`);

const date = (label: string) => z.iso.date({ message: `${label}格式应为 YYYY-MM-DD` });

export const contractPartySchema = z
  .object({
    name: text(CONTRACT_TEXT_LIMITS.partyName, '名称'),
    /** Empty for a natural person (no credit code; no ID number is stored). */
    creditCode: z.string({ message: '请填写统一社会信用代码' }).trim().toUpperCase().default(''),
    regionCode: z.string({ message: '请选择所在地区' }).refine(isKnownRegion, '所在地区不在行政区划代码表中'),
    natureCode: z.enum(LEGAL_NATURES, { message: '请选择法人性质' }),
  })
  .superRefine((p, ctx) => {
    if (p.natureCode === 'natural_person') {
      if (p.creditCode !== '') ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '自然人不填写统一社会信用代码' });
      return;
    }
    const r = checkCreditCode(p.creditCode);
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['creditCode'],
        message: p.creditCode === '' ? '请填写统一社会信用代码' : CREDIT_CODE_MESSAGES[r.problem],
      });
  });
export type ContractParty = z.infer<typeof contractPartySchema>;

/** A patent or application named by the contract; stored normalised ("201510703489.3"). */
export const contractPatentSchema = z
  .object({
    number: z.string({ message: '请填写专利号' }).max(40, '专利号过长'),
    kind: z.enum(PATENT_NUMBER_KINDS, { message: '请选择专利号或申请号' }),
  })
  .transform((p, ctx) => {
    const r = parsePatentNumber(p.number);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: PATENT_NUMBER_MESSAGES[r.problem] });
      return z.NEVER;
    }
    return { number: r.value.number, kind: p.kind };
  });
export type ContractPatent = z.output<typeof contractPatentSchema>;

const contractFields = z.object({
  projectName: text(CONTRACT_TEXT_LIMITS.projectName, '项目名称'),
  contractType: z.enum(CONTRACT_TYPES, { message: '请选择合同类型' }),
  buyer: contractPartySchema,
  seller: contractPartySchema,
  signedOn: date('签订日期'),
  validFrom: date('有效期起'),
  validUntil: date('有效期止'),
  /** 合同成交额, 分. */
  contractAmountFen: fen('合同成交额'),
  /** 技术交易额, 分: never above 合同成交额. */
  technologyAmountFen: fen('技术交易额'),
  paymentMethod: z.enum(PAYMENT_METHODS, { message: '请选择支付方式' }),
  patents: z.array(contractPatentSchema).max(CONTRACT_PATENTS_MAX, `专利最多${CONTRACT_PATENTS_MAX}项`).default([]),
  /** Transfers and licences: expected new investment and output value (分). */
  expectedInvestmentFen: fen('预计新增投资').nullable().default(null),
  expectedOutputFen: fen('预计新增产值').nullable().default(null),
  technologyField: z.enum(TECH_FIELD_CODES, { message: '技术领域不正确' }).nullable().default(null),
  /** The deal (对接项目) or need this contract concludes, if any. */
  dealId: z.uuid({ message: '对接项目编号不正确' }).nullable().default(null),
  needId: z.uuid({ message: '需求编号不正确' }).nullable().default(null),
});

type ContractFields = z.output<typeof contractFields>;

/** The cross-field rules, shared by the form body and the import's rows. */
export function contractCrossFieldIssues(c: ContractFields): { path: string[]; message: string; rule?: string }[] {
  const out: { path: string[]; message: string; rule?: string }[] = [];
  if (c.technologyAmountFen > c.contractAmountFen)
    out.push({ path: ['technologyAmountFen'], message: CONTRACT_AMOUNT_MESSAGE, rule: CONTRACT_AMOUNT_RULE });
  if (c.validFrom > c.validUntil) out.push({ path: ['validUntil'], message: '有效期止不能早于有效期起' });
  if (!carriesExpectedEconomics(c.contractType)) {
    if (c.expectedInvestmentFen !== null)
      out.push({ path: ['expectedInvestmentFen'], message: '只有技术转让、技术许可合同填写预计新增投资' });
    if (c.expectedOutputFen !== null) out.push({ path: ['expectedOutputFen'], message: '只有技术转让、技术许可合同填写预计新增产值' });
  }
  if (CONTRACT_TYPES_NEEDING_PATENTS.includes(c.contractType) && c.patents.length === 0)
    out.push({ path: ['patents'], message: '专利权转让、专利申请权转让和专利实施许可合同须填写涉及的专利' });
  const seen = new Set<string>();
  c.patents.forEach((p, i) => {
    if (seen.has(p.number)) out.push({ path: ['patents', String(i), 'number'], message: '专利号重复' });
    seen.add(p.number);
  });
  return out;
}

export const contractInputSchema = contractFields.superRefine((c, ctx) => {
  for (const issue of contractCrossFieldIssues(c)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, ...(issue.rule ? { params: { rule: issue.rule } } : {}) });
  }
});
export type ContractInput = z.output<typeof contractInputSchema>;
export type ContractInputRaw = z.input<typeof contractInputSchema>;

/** The signing date may not lie after today (Shanghai). */
export function signedOnProblem(signedOn: string, today: string): string | null {
  return signedOn > today ? '签订日期不能晚于今天' : null;
}

/** A reason for 补正 or 未予登记. */
export const contractReasonSchema = z.object({
  reason: z.string({ message: '请填写原因' }).trim().min(2, '原因至少2个字').max(1000, '原因不能超过1000个字'),
});

/** 变更 / 注销 of a registered contract: a change carries the new content; a cancellation only its reason. */
export const contractChangeSchema = z.object({ contract: contractInputSchema });
export const contractCancellationSchema = z.object({
  reason: z.string({ message: '请填写注销原因' }).trim().min(2, '注销原因至少2个字').max(1000, '注销原因不能超过1000个字'),
});
