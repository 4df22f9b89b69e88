/**
 * Running a confirmed calculator on a person's figures. Every step carries a Chinese label that
 * shows the arithmetic (200万元（含）以下部分 200万元 × 40% = 80万元) and the span of the words
 * that state its rate or amount. Each step is rounded half up to the 分 on its own, and the
 * amount before any cap is exactly the sum of the `part` steps, so the figures a reader adds up
 * are the figures the total is made of. A `cap` step, when the calculator has a cap, says
 * whether it bound and carries the final amount.
 */
import { DomainError } from '../../errors.js';
import { InputReader, type CalculatorInputs } from './inputs.js';
import { MAX_FEN, applyRate, basisPoints, formatFen, formatRate } from './money.js';
import type { Calculator, SourceSpan, Tier } from './schema.js';

export interface CalculationStep {
  kind: 'part' | 'cap';
  label: string;
  amountFen: number;
  sourceSpan?: SourceSpan;
}

export interface CalculationResult {
  /** The amount in 分 (a safe integer). */
  amountFen: number;
  /** The sum of the `part` steps, before the cap. */
  uncappedFen: number;
  steps: CalculationStep[];
}

export type CalculationOutcome = { ok: true; value: CalculationResult } | { ok: false; error: DomainError };

interface RawStep {
  kind: 'part' | 'cap';
  label: string;
  amountFen: bigint;
  sourceSpan?: SourceSpan;
}

const step = (label: string, amountFen: bigint, sourceSpan?: SourceSpan): RawStep => ({
  kind: 'part',
  label,
  amountFen,
  ...(sourceSpan ? { sourceSpan } : {}),
});

function tierName(lower: bigint, tier: Tier, only: boolean): string {
  if (only) return '全部';
  if (tier.upToFen === null) return `${formatFen(lower)}以上部分`;
  if (lower === 0n) return `${formatFen(tier.upToFen)}（含）以下部分`;
  return `${formatFen(lower)}至${formatFen(tier.upToFen)}（含）部分`;
}

/** The base split over the tiers: every tier the base reaches, the first one always. */
function tierSteps(baseFen: bigint, tiers: readonly Tier[]): RawStep[] {
  const steps: RawStep[] = [];
  let lower = 0n;
  for (const [i, tier] of tiers.entries()) {
    const upper = tier.upToFen === null ? baseFen : BigInt(tier.upToFen);
    const part = (baseFen < upper ? baseFen : upper) - lower;
    if (part <= 0n && i > 0) break;
    const amount = applyRate(part, basisPoints(tier.ratePercent));
    const name = tierName(lower, tier, tiers.length === 1);
    steps.push(step(`${name} ${formatFen(part)} × ${formatRate(tier.ratePercent)} = ${formatFen(amount)}`, amount, tier.sourceSpan));
    if (tier.upToFen === null) break;
    lower = BigInt(tier.upToFen);
  }
  return steps;
}

function tieredSteps(calc: Extract<Calculator, { kind: 'tiered' }>, read: InputReader): RawStep[] | undefined {
  const chosen = (calc.alternatives ?? []).filter((a) => read.flag(a.whenInput));
  if (chosen.length > 1) {
    read.issues.push({ path: chosen[1]!.whenInput, message: `只能选择一种适用情形：${chosen.map((a) => a.label).join('、')}` });
    return undefined;
  }
  const alt = chosen[0];
  if (alt) {
    const key = alt.baseInput ?? calc.baseInput;
    const base = read.number(key);
    if (base === undefined) return undefined;
    const amount = applyRate(base, basisPoints(alt.ratePercent));
    return [
      step(
        `${alt.label}：${read.label(key)} ${formatFen(base)} × ${formatRate(alt.ratePercent)} = ${formatFen(amount)}`,
        amount,
        alt.sourceSpan,
      ),
    ];
  }
  const base = read.number(calc.baseInput);
  return base === undefined ? undefined : tierSteps(base, calc.tiers);
}

function partSteps(calc: Calculator, read: InputReader): RawStep[] | undefined {
  switch (calc.kind) {
    case 'percentage_with_cap': {
      const base = read.number(calc.baseInput);
      if (base === undefined) return undefined;
      const amount = applyRate(base, basisPoints(calc.ratePercent));
      return [
        step(
          `${read.label(calc.baseInput)} ${formatFen(base)} × ${formatRate(calc.ratePercent)} = ${formatFen(amount)}`,
          amount,
          calc.sourceSpan,
        ),
      ];
    }
    case 'tiered':
      return tieredSteps(calc, read);
    case 'per_unit_with_cap': {
      const units = read.number(calc.unitsInput);
      if (units === undefined) return undefined;
      const amount = units * BigInt(calc.amountPerUnitFen);
      const each = `${formatFen(calc.amountPerUnitFen)}/${calc.unitLabel}`;
      return [step(`${units}${calc.unitLabel} × ${each} = ${formatFen(amount)}`, amount, calc.sourceSpan)];
    }
    case 'one_off':
      return [step(`一次性给予 ${formatFen(calc.amountFen)}`, BigInt(calc.amountFen), calc.sourceSpan)];
  }
}

function capStep(calc: Calculator, uncapped: bigint): RawStep | undefined {
  if (calc.kind === 'one_off' || calc.capFen === undefined) return undefined;
  const cap = BigInt(calc.capFen);
  const bound = uncapped > cap;
  return {
    kind: 'cap',
    label: bound ? `超过上限${formatFen(cap)}，按${formatFen(cap)}计` : `未超过上限${formatFen(cap)}，按${formatFen(uncapped)}计`,
    amountFen: bound ? cap : uncapped,
    ...(calc.capSpan ? { sourceSpan: calc.capSpan } : {}),
  };
}

const invalid = (issues: Array<{ path: string; message: string }>) =>
  new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join('；'), 400, issues);

/** The amount a calculator gives for these figures, or a VALIDATION_FAILED error naming every bad input. */
export function computeCalculator(calc: Calculator, inputs: CalculatorInputs): CalculationOutcome {
  const read = new InputReader(calc, inputs);
  const parts = partSteps(calc, read);
  if (!parts || read.issues.length) return { ok: false, error: invalid(read.issues) };
  const uncapped = parts.reduce((s, p) => s + p.amountFen, 0n);
  const cap = capStep(calc, uncapped);
  const amount = cap ? cap.amountFen : uncapped;
  if (uncapped > BigInt(MAX_FEN)) return { ok: false, error: invalid([{ path: '', message: '计算结果超过1万亿元，请核对输入' }]) };
  const steps = [...parts, ...(cap ? [cap] : [])].map((s) => ({ ...s, amountFen: Number(s.amountFen) }));
  return { ok: true, value: { amountFen: Number(amount), uncappedFen: Number(uncapped), steps } };
}
