/**
 * A policy calculator held as data (JSON in the measure's row), never as code: the operator
 * confirms a proposal, and anyone can then run it with their own figures. Money is integer 分 as
 * a safe integer (at most MAX_FEN); rates are percentages written as decimal strings with at
 * most two decimals ("40", "12.5"), i.e. whole basis points. Each rate, tier and cap may point
 * at the words that state it (`sourceSpan`, UTF-16 [start, end) in `sentence`), so every step
 * of a result can be shown next to its source.
 */
import { z } from 'zod';
import { MAX_FEN, RATE_PERCENT_PATTERN, basisPoints } from './money.js';

export const CALCULATOR_KINDS = ['percentage_with_cap', 'tiered', 'per_unit_with_cap', 'one_off'] as const;
export type CalculatorKind = (typeof CALCULATOR_KINDS)[number];

/** How a money input is typed in: the calculator converts it to 分 exactly. */
export const MONEY_INPUT_UNITS = ['元', '万元'] as const;
export type MoneyInputUnit = (typeof MONEY_INPUT_UNITS)[number];

const label = (what: string, max = 200) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过${max}个字`);

export const spanSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.end >= s.start, '原文位置的结束不能早于开始');
export type SourceSpan = z.infer<typeof spanSchema>;

export const fenSchema = (what: string) =>
  z
    .number({ message: `${what}应为整数（分）` })
    .int(`${what}应为整数（分）`)
    .min(0, `${what}不能为负数`)
    .max(MAX_FEN, `${what}不能超过1万亿元`);

export const ratePercentSchema = z
  .string({ message: '比例应写为百分数，如"40"或"12.5"' })
  .regex(RATE_PERCENT_PATTERN, '比例应写为百分数，最多两位小数')
  .refine((r) => basisPoints(r) > 0n && basisPoints(r) <= 10_000n, '比例应大于0且不超过100%');

const inputKey = z.string().regex(/^[a-z][A-Za-z0-9_]{0,39}$/, '输入项编号应以小写英文字母开头');

export const calculatorInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('money'), key: inputKey, label: label('输入项名称'), unit: z.enum(MONEY_INPUT_UNITS) }),
  z.object({ type: z.literal('count'), key: inputKey, label: label('输入项名称'), unit: label('计量单位', 8) }),
  /** A yes/no question that selects an alternative rule (e.g. 是否为软件开发类项目); unanswered means no. */
  z.object({ type: z.literal('flag'), key: inputKey, label: label('输入项名称') }),
]);
export type CalculatorInput = z.infer<typeof calculatorInputSchema>;
export type CalculatorInputType = CalculatorInput['type'];

const cap = { capFen: fenSchema('上限金额').optional(), capSpan: spanSchema.optional() };

/** Each part of the base in its tier at that tier's rate; the last tier is open (upToFen null). */
export const tierSchema = z.object({
  upToFen: fenSchema('分档上限').nullable(),
  ratePercent: ratePercentSchema,
  sourceSpan: spanSchema.optional(),
});
export type Tier = z.infer<typeof tierSchema>;

/** A flat rate that replaces the tiers when its flag is answered yes, on its own base if given. */
export const alternativeSchema = z.object({
  whenInput: inputKey,
  ratePercent: ratePercentSchema,
  baseInput: inputKey.optional(),
  label: label('适用情形'),
  sourceSpan: spanSchema.optional(),
});
export type TierAlternative = z.infer<typeof alternativeSchema>;

const common = {
  title: label('计算器名称').optional(),
  /** The sentence (or measure text) the spans point into. */
  sentence: z.string().max(5000).optional(),
  inputs: z.array(calculatorInputSchema).max(10),
};

const kindSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('percentage_with_cap'),
    ...common,
    baseInput: inputKey,
    ratePercent: ratePercentSchema,
    sourceSpan: spanSchema.optional(),
    ...cap,
  }),
  z.object({
    kind: z.literal('tiered'),
    ...common,
    baseInput: inputKey,
    tiers: z.array(tierSchema).min(1, '至少需要一个分档').max(20),
    alternatives: z.array(alternativeSchema).max(5).optional(),
    ...cap,
  }),
  z.object({
    kind: z.literal('per_unit_with_cap'),
    ...common,
    unitsInput: inputKey,
    amountPerUnitFen: fenSchema('单位金额'),
    unitLabel: label('计量单位', 8),
    sourceSpan: spanSchema.optional(),
    ...cap,
  }),
  z.object({ kind: z.literal('one_off'), ...common, amountFen: fenSchema('金额'), sourceSpan: spanSchema.optional() }),
]);
type CalculatorShape = z.infer<typeof kindSchema>;

/** The input keys a calculator reads, each with the type it must have. */
export function referencedInputs(c: CalculatorShape): Array<{ key: string; type: CalculatorInputType; path: string }> {
  switch (c.kind) {
    case 'percentage_with_cap':
      return [{ key: c.baseInput, type: 'money', path: 'baseInput' }];
    case 'tiered':
      return [
        { key: c.baseInput, type: 'money', path: 'baseInput' },
        ...(c.alternatives ?? []).flatMap((a, i) => [
          { key: a.whenInput, type: 'flag' as const, path: `alternatives.${i}.whenInput` },
          ...(a.baseInput ? [{ key: a.baseInput, type: 'money' as const, path: `alternatives.${i}.baseInput` }] : []),
        ]),
      ];
    case 'per_unit_with_cap':
      return [{ key: c.unitsInput, type: 'count', path: 'unitsInput' }];
    case 'one_off':
      return [];
  }
}

function tierProblems(tiers: readonly Tier[]): string | undefined {
  for (const [i, t] of tiers.entries()) {
    const last = i === tiers.length - 1;
    if (t.upToFen === null && !last) return '只有最后一档可以不设上限';
    if (t.upToFen !== null && last) return '最后一档不应设上限';
    const prev = i > 0 ? tiers[i - 1]!.upToFen : 0;
    if (t.upToFen !== null && prev !== null && t.upToFen <= prev) return '分档上限应逐档递增且大于0';
  }
  return undefined;
}

export const calculatorSchema = kindSchema.superRefine((c, ctx) => {
  const keys = c.inputs.map((i) => i.key);
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['inputs'], message: '输入项编号不能重复' });
  for (const ref of referencedInputs(c)) {
    const input = c.inputs.find((i) => i.key === ref.key);
    if (input?.type !== ref.type) ctx.addIssue({ code: 'custom', path: ref.path.split('.'), message: `输入项${ref.key}不存在或类型不符` });
  }
  if (c.kind === 'tiered') {
    const problem = tierProblems(c.tiers);
    if (problem) ctx.addIssue({ code: 'custom', path: ['tiers'], message: problem });
  }
});
export type Calculator = z.infer<typeof calculatorSchema>;
