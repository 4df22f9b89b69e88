/**
 * Proposing a calculator from a measure's extracted terms. A proposal is only a draft for the
 * operator to confirm: it is made when the terms have one of the four shapes, and it says in
 * `notes` what the terms could not tell (the name of the base, whether a threshold is a
 * condition). Term money is in 万元 and shares in % (policies/terms/types.ts).
 */
import type { PolicyTerm } from '../terms/types.js';
import { toRatePercent, wanToFen } from './money.js';
import { calculatorSchema, type Calculator, type CalculatorInput } from './schema.js';

export interface CalculatorProposal {
  calculator: Calculator;
  /** The terms the calculator was built from. */
  terms: PolicyTerm[];
  /** What the operator should check before confirming (Chinese). */
  notes: string[];
}

const TIER = /^tier:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/;
const SUPPORT_VERB = /给予|奖励|补助|补贴|资助|扶持|支持/;
const MEASURE_WORDS = '个家项人名台套件次户所座篇张辆';
const PER_UNIT_BEFORE = new RegExp(`每\\s*([${MEASURE_WORDS}])[^，。；,;]{0,10}$`);
const PER_UNIT_AFTER = new RegExp(`^\\s*[/／]\\s*([${MEASURE_WORDS}])`);
const DEFAULT_BASE = '计算基数';

const isMoneyTerm = (t: PolicyTerm) => t.unit === '万元';
const isTier = (t: PolicyTerm) => t.type === 'ratio_cap' && TIER.test(t.qualifier ?? '');
const spanOf = (t: PolicyTerm) => ({ start: t.span.start, end: t.span.end });
const money = (key: string, label: string): CalculatorInput => ({ type: 'money', key, label, unit: '万元' });

/** "…按不超过项目资金总额的60%" → "项目资金总额": the noun the share is taken of, if written just before it. */
function baseNounBefore(sentence: string | undefined, t: PolicyTerm): string | undefined {
  if (!sentence) return undefined;
  const before = sentence.slice(Math.max(0, t.span.start - 24), t.span.start);
  const stated = sentence.slice(t.span.start, t.span.end);
  const text = /的/.test(stated) ? before + stated.slice(0, stated.lastIndexOf('的') + 1) : before;
  const m = /([\u4e00-\u9fff]{2,16})的\s*$/.exec(text);
  if (!m) return undefined;
  const noun = m[1]!.replace(/^.*(?:不超过|不高于|最高|最多|按照|按|给予)/, '');
  return noun.length >= 2 ? noun : undefined;
}

/** "对数学等纯理论基础研究项目、…，间接费用比例可按…60%" → the projects the other rate is for. */
function alternativeCase(sentence: string | undefined, t: PolicyTerm): string | undefined {
  if (!sentence) return undefined;
  const clause =
    sentence
      .slice(0, t.span.start)
      .split(/[；;。]/)
      .at(-1) ?? '';
  const m = /^\s*(?:对于|对)(.{2,80}?)[，,]/.exec(clause);
  return m?.[1];
}

function perUnitLabel(sentence: string | undefined, t: PolicyTerm): string | undefined {
  const q = /每\s*(.)/.exec(t.qualifier ?? '');
  if (q && MEASURE_WORDS.includes(q[1]!)) return q[1];
  if (!sentence) return undefined;
  return (
    PER_UNIT_BEFORE.exec(sentence.slice(Math.max(0, t.span.start - 16), t.span.start))?.[1] ??
    PER_UNIT_AFTER.exec(sentence.slice(t.span.end))?.[1]
  );
}

function capOf(capTerms: PolicyTerm[]): { capFen?: number; capSpan?: { start: number; end: number } } | undefined {
  if (capTerms.length === 0) return {};
  const capFen = wanToFen(capTerms[0]!.value);
  return capFen === undefined ? undefined : { capFen, capSpan: spanOf(capTerms[0]!) };
}

function proposeTiered(
  tierTerms: PolicyTerm[],
  others: PolicyTerm[],
  capTerms: PolicyTerm[],
  sentence?: string,
): CalculatorProposal | undefined {
  const parsed = tierTerms
    .map((t) => ({ t, m: TIER.exec(t.qualifier!)!, rate: toRatePercent(t.value) }))
    .map(({ t, m, rate }) => ({ t, rate, low: Number(m[1]), high: m[2] === undefined ? null : Number(m[2]) }))
    .sort((a, b) => a.low - b.low);
  let expectedLow = 0;
  const tiers = [];
  for (const p of parsed) {
    const upToFen = p.high === null ? null : wanToFen(p.high);
    if (!p.rate || p.low !== expectedLow || upToFen === undefined) return undefined;
    tiers.push({ upToFen, ratePercent: p.rate, sourceSpan: spanOf(p.t) });
    expectedLow = p.high ?? Number.NaN;
  }
  const inputs: CalculatorInput[] = [money('base', DEFAULT_BASE)];
  const alternatives = [];
  for (const [i, t] of others.entries()) {
    const ratePercent = toRatePercent(t.value);
    if (!ratePercent) return undefined;
    const whenInput = `case${i + 1}`;
    const label = alternativeCase(sentence, t) ?? t.qualifier ?? '适用另一比例的情形';
    const noun = baseNounBefore(sentence, t);
    inputs.push({ type: 'flag', key: whenInput, label: `是否属于：${label}` });
    if (noun) inputs.push(money(`${whenInput}Base`, noun));
    alternatives.push({ whenInput, ratePercent, label, sourceSpan: spanOf(t), ...(noun ? { baseInput: `${whenInput}Base` } : {}) });
  }
  const cap = capOf(capTerms);
  if (!cap) return undefined;
  const calculator = { kind: 'tiered', inputs, baseInput: 'base', tiers, ...(alternatives.length ? { alternatives } : {}), ...cap };
  const notes = [
    '请填写计算基数的名称（如“直接费用扣除设备购置费后的金额”）',
    ...(alternatives.length ? ['请核对另一比例的适用情形及其计算基数'] : []),
  ];
  return build(calculator, [...tierTerms, ...others, ...capTerms], notes, sentence);
}

function build(shape: object, terms: PolicyTerm[], notes: string[], sentence?: string): CalculatorProposal | undefined {
  const parsed = calculatorSchema.safeParse({ ...shape, ...(sentence !== undefined ? { sentence } : {}) });
  return parsed.success ? { calculator: parsed.data, terms, notes } : undefined;
}

/** A draft calculator when the terms of one measure (or sentence) fit a calculator kind, else undefined. */
export function proposeCalculator(terms: readonly PolicyTerm[], sentence?: string): CalculatorProposal | undefined {
  const tierTerms = terms.filter(isTier);
  const capped = terms.filter((t) => t.type === 'ratio_cap' && !isTier(t) && t.unit === '%');
  // 按研发投入的10%给予补助，最高100万元: a plain share is the rate when a money cap and a grant go with it.
  const plain = terms.filter((t) => t.type === 'ratio' && t.unit === '%');
  const ratioCaps =
    capped.length === 0 && plain.length === 1 && terms.some((t) => t.type === 'amount_cap') && SUPPORT_VERB.test(sentence ?? '')
      ? plain
      : capped;
  const amountCaps = terms.filter((t) => t.type === 'amount_cap' && isMoneyTerm(t));
  const amounts = terms.filter((t) => t.type === 'amount' && isMoneyTerm(t));
  if (amountCaps.length > 1) return undefined;
  const conditionNote = amounts.length
    ? [`条款中另有金额（${amounts.map((a) => `${a.value}万元`).join('、')}），请确认是否为适用条件`]
    : [];

  if (tierTerms.length >= 2) return proposeTiered(tierTerms, ratioCaps, amountCaps, sentence);
  if (tierTerms.length) return undefined;

  if (ratioCaps.length === 1 && (amountCaps.length === 1 || SUPPORT_VERB.test(sentence ?? ''))) {
    const t = ratioCaps[0]!;
    const ratePercent = toRatePercent(t.value);
    const cap = capOf(amountCaps);
    if (!ratePercent || !cap) return undefined;
    const noun = baseNounBefore(sentence, t);
    const shape = {
      kind: 'percentage_with_cap',
      inputs: [money('base', noun ?? DEFAULT_BASE)],
      baseInput: 'base',
      ratePercent,
      sourceSpan: spanOf(t),
      ...cap,
    };
    return build(shape, [t, ...amountCaps], [...(noun ? [] : ['请填写计算基数的名称']), ...conditionNote], sentence);
  }
  if (ratioCaps.length) return undefined;

  const perUnit = amounts.map((t) => ({ t, unit: perUnitLabel(sentence, t) })).filter((p) => p.unit);
  if (perUnit.length === 1) {
    const { t, unit } = perUnit[0]!;
    const amountPerUnitFen = wanToFen(t.value);
    const cap = capOf(amountCaps);
    if (amountPerUnitFen === undefined || !cap) return undefined;
    const inputs: CalculatorInput[] = [{ type: 'count', key: 'units', label: `数量（${unit}）`, unit: unit! }];
    const shape = {
      kind: 'per_unit_with_cap',
      inputs,
      unitsInput: 'units',
      amountPerUnitFen,
      unitLabel: unit,
      sourceSpan: spanOf(t),
      ...cap,
    };
    return build(shape, [t, ...amountCaps], ['请填写数量的名称（如“新认定的企业数”）'], sentence);
  }

  if (amounts.length === 1 && amountCaps.length === 0 && perUnit.length === 0 && (sentence === undefined || SUPPORT_VERB.test(sentence))) {
    const amountFen = wanToFen(amounts[0]!.value);
    if (amountFen === undefined) return undefined;
    return build(
      { kind: 'one_off', inputs: [], amountFen, sourceSpan: spanOf(amounts[0]!) },
      [amounts[0]!],
      ['请确认该金额为一次性支持'],
      sentence,
    );
  }
  return undefined;
}
