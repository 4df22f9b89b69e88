/**
 * 政策测算: anyone runs a measure's confirmed calculator on their own figures. Only on a
 * published policy (else 404) and a confirmed calculator (else 409 CALCULATOR_NOT_CONFIRMED).
 * Each step's span is placed in the policy's source text (the calculator's spans are relative
 * to its sentence, normally the measure's own text). Nothing is stored.
 */
import { findPolicy, findPolicyCalculator, findPolicyMeasure } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import { calculatorSchema, computeCalculator } from '@scenebridge/domain/policies';
import { calculationBody, type CalculationBody, type CalculationResultJson } from '@scenebridge/contract/policies';
import type { Services } from '../context.js';
import { policyAccess } from './access.js';
import { CALCULATOR_LABEL } from './calculators-revise.js';
import { toCalculatorInputs } from './calculators-inputs.js';
import { MEASURE_LABEL } from './measures-load.js';

/** Where the calculator's sentence starts in the source: inside the measure, or unknown. */
export function sentenceOffset(sourceText: string, span: { start: number; end: number }, sentence: string | undefined): number | null {
  if (sentence === undefined) return span.start;
  const at = sourceText.indexOf(sentence, span.start);
  return at >= 0 && at + sentence.length <= span.end ? at : null;
}

export async function calculateMeasure({
  services,
  policyId,
  measureId,
  input,
}: {
  services: Services;
  policyId: string;
  measureId: string;
  input: CalculationBody;
}): Promise<CalculationResultJson> {
  const body = calculationBody.parse(input);
  const policy = await findPolicy(services.db, policyId);
  if (!policy || policy.status !== 'published') throw notFound(policyAccess.label);
  const measure = await findPolicyMeasure(services.db, measureId);
  if (!measure || measure.policyId !== policy.id) throw notFound(MEASURE_LABEL);
  const row = await findPolicyCalculator(services.db, measure.id);
  if (!row) throw notFound(CALCULATOR_LABEL);
  const parsed = calculatorSchema.safeParse(row.definition);
  if (row.status !== 'confirmed' || !parsed.success)
    throw new DomainError('CALCULATOR_NOT_CONFIRMED', '该测算器尚未经运营方确认，暂不能使用', 409);
  const calc = parsed.data;
  const outcome = computeCalculator(calc, toCalculatorInputs(calc, body.inputs));
  if (!outcome.ok) throw outcome.error;
  const offset = sentenceOffset(policy.sourceText, { start: measure.spanStart, end: measure.spanEnd }, calc.sentence);
  const place = (s: { start: number; end: number } | undefined) =>
    s && offset !== null ? { start: offset + s.start, end: offset + s.end } : null;
  const { amountFen, uncappedFen, steps } = outcome.value;
  return {
    amountFen,
    uncappedFen,
    steps: steps.map((s) => ({ kind: s.kind, label: s.label, amountFen: s.amountFen, sourceSpan: place(s.sourceSpan) })),
  };
}
