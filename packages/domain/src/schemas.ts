import { z } from 'zod';
// Missing or mistyped fields get zod's Chinese messages; ours are set per field below.
z.config(z.locales.zhCN());
import { checkCreditCode, CREDIT_CODE_MESSAGES } from './credit-code.js';
import {
  CRITERION_KEY_PATTERN,
  EMAIL_MESSAGE,
  NUMBER_RANGES,
  numberOutOfRange,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  PICK_LIMITS,
  pickTooFew,
  pickTooMany,
  TEXT_LIMITS,
  TEXT_MAX,
  textTooLong,
  textTooShort,
} from './field-rules.js';
import { passwordEmailProblem, passwordProblem } from './password.js';
import { isKnownRegion } from './regions.js';
import { hasHiddenFormatCharacters } from './text-safety.js';
import { LIST_TYPES, ORGANIZATION_KINDS, ROLES } from './roles.js';
import { SECTOR_CODES, TECH_FIELD_CODES } from './taxonomy.js';

/** A one-line name or title, as shown to other users: no hidden direction or zero-width characters. */
const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string()
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

export const creditCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    const r = checkCreditCode(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[r.problem], params: { code: 'INVALID_CREDIT_CODE' } });
  });

export const regionCodeSchema = z.string().trim().refine(isKnownRegion, '行政区划代码不在GB/T 2260目录中');
export const phoneSchema = z.string().trim().regex(PHONE_PATTERN, PHONE_MESSAGE);
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email(EMAIL_MESSAGE));
/** The rules that need no email; the email part is checked where the email is known (withEmailCheck). */
export const passwordSchema = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Checks `password` against `email` of the same object, and reports it on the password field. */
function withEmailCheck<T extends z.ZodType<{ email: string; password: string }>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    const problem = passwordEmailProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['password'] });
  });
}

/** A number in its range; outside it the field is refused with a message naming it (never clamped). */
export const inRange = (field: keyof typeof NUMBER_RANGES, label: string) => {
  const range = NUMBER_RANGES[field];
  const message = numberOutOfRange(label, range);
  return z.number().min(range[0], message).max(range[1], message);
};

/** Codes picked from a list, between `min` and `max` of them. */
const pick = <T extends z.ZodType>(item: T, [min, max]: readonly [number, number], label: string) =>
  z.array(item).min(min, pickTooFew(label)).max(max, pickTooMany(label, max));

export const sectorSchema = z.enum(SECTOR_CODES, { message: '请选择有效的所属领域' });
export const techFieldSchema = z.enum(TECH_FIELD_CODES, { message: '请选择有效的技术领域' });

export const organizationRegistrationSchema = z.object({
  name: text(TEXT_LIMITS.organizationName, '机构名称'),
  creditCode: creditCodeSchema,
  kind: z.enum(ORGANIZATION_KINDS, { message: '请选择机构类型' }),
  regionCode: regionCodeSchema,
  address: z.string().trim().max(TEXT_MAX.address).optional(),
  contactName: text(TEXT_LIMITS.personName, '联系人'),
  contactPhone: phoneSchema,
  admin: withEmailCheck(
    z.object({
      email: emailSchema,
      displayName: text(TEXT_LIMITS.personName, '姓名'),
      password: passwordSchema,
    }),
  ),
});
export type OrganizationRegistration = z.infer<typeof organizationRegistrationSchema>;

export { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN, passwordEmailProblem, passwordProblem } from './password.js';

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(128) });
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema });

export const newUserSchema = withEmailCheck(
  z.object({
    email: emailSchema,
    displayName: text(TEXT_LIMITS.personName, '姓名'),
    password: passwordSchema,
    roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色'),
  }),
);

export const criterionSchema = z.object({
  key: z.string().regex(CRITERION_KEY_PATTERN, '评审指标代码应为小写英文'),
  name: text(TEXT_LIMITS.criterionName, '评审指标名称'),
  weight: inRange('criterionWeight', '权重').int(),
});
export const reviewSchemeSchema = z
  .object({
    reviewersPerItem: inRange('reviewersPerItem', '每项评审专家数').int(),
    blind: z.boolean(),
    criteria: z.array(criterionSchema).min(1, '至少一项评审指标').max(10),
  })
  .refine((s) => s.criteria.reduce((a, c) => a + c.weight, 0) === 100, '评审指标权重之和应为100')
  .refine((s) => new Set(s.criteria.map((c) => c.key)).size === s.criteria.length, '评审指标代码不能重复');
export type ReviewScheme = z.infer<typeof reviewSchemeSchema>;

export const callInputSchema = z
  .object({
    title: text(TEXT_LIMITS.callTitle, '征集名称'),
    listType: z.enum(LIST_TYPES),
    description: text(TEXT_LIMITS.callDescription, '征集说明'),
    opensAt: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }),
    closesAt: z.iso.datetime({ offset: true, message: '截止时间格式不正确' }),
    reviewScheme: reviewSchemeSchema,
  })
  .refine((c) => Date.parse(c.closesAt) > Date.parse(c.opensAt), { message: '截止时间须晚于开始时间', path: ['closesAt'] });
export type CallInput = z.infer<typeof callInputSchema>;

export const OPENNESS = ['none', 'on_request', 'open'] as const;
export const contactSchema = z.object({
  name: text(TEXT_LIMITS.personName, '联系人'),
  phone: phoneSchema,
  email: emailSchema.optional(),
  public: z.boolean().default(false),
});

/** Amounts are in 万元, as in every list these users publish. */
const budgetSchema = (label: string) => inRange('budget', `${label}（万元）`);

export const scenarioNeedFields = {
  title: text(TEXT_LIMITS.listingTitle, '场景名称'),
  description: text(TEXT_LIMITS.listingDescription, '场景描述'),
  sector: sectorSchema,
  techFields: pick(techFieldSchema, PICK_LIMITS.techFields, '技术领域'),
  regionCode: regionCodeSchema,
  budgetMin: budgetSchema('预算下限').optional(),
  budgetMax: budgetSchema('预算上限').optional(),
  dataOpenness: z.enum(OPENNESS),
  siteOpenness: z.enum(OPENNESS),
  expectedOutcome: text(TEXT_LIMITS.expectedOutcome, '预期成效'),
  contact: contactSchema,
};
export const scenarioNeedSchema = z
  .object(scenarioNeedFields)
  .refine((n) => n.budgetMin === undefined || n.budgetMax === undefined || n.budgetMin <= n.budgetMax, {
    message: '预算下限不能高于上限',
    path: ['budgetMax'],
  });
export type ScenarioNeed = z.infer<typeof scenarioNeedSchema>;

export const referenceCaseSchema = z.object({
  title: text(TEXT_LIMITS.caseTitle, '案例名称'),
  client: z.string().trim().max(TEXT_MAX.caseClient).optional(),
  year: inRange('caseYear', '年份').int().optional(),
  summary: text(TEXT_LIMITS.caseSummary, '案例简介'),
});
export const capabilityFields = {
  title: text(TEXT_LIMITS.listingTitle, '能力名称'),
  description: text(TEXT_LIMITS.listingDescription, '能力描述'),
  techFields: pick(techFieldSchema, PICK_LIMITS.techFields, '技术领域'),
  sectors: pick(sectorSchema, PICK_LIMITS.sectors, '服务领域'),
  maturityTrl: z.number().int().min(1, '技术成熟度为1–9级').max(9, '技术成熟度为1–9级'),
  referenceCases: z.array(referenceCaseSchema).max(10).default([]),
  regionCode: regionCodeSchema,
  contact: contactSchema,
};
export const capabilitySchema = z.object(capabilityFields);
export type Capability = z.infer<typeof capabilitySchema>;

/** Drafts may be incomplete; only the title is needed to save one. Full checks run on submit. */
export const scenarioNeedDraftSchema = z.object(scenarioNeedFields).partial().required({ title: true });
export const capabilityDraftSchema = z.object(capabilityFields).partial().required({ title: true });

/** One reviewer's scores by criterion key, each 0–100. */
export const scoresSchema = z.record(z.string(), inRange('score', '分数'));

export const reasonSchema = z.object({ reason: z.string().trim().max(TEXT_MAX.reason).optional() });

export function submissionSchemaFor(listType: (typeof LIST_TYPES)[number]) {
  return listType === 'scenario_need' ? scenarioNeedSchema : capabilitySchema;
}
export function draftSchemaFor(listType: (typeof LIST_TYPES)[number]) {
  return listType === 'scenario_need' ? scenarioNeedDraftSchema : capabilityDraftSchema;
}
