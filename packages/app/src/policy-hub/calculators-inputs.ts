/**
 * A calculation body's figures as the domain calculator reads them. A money figure may come as
 * {value, unit} in 元 or 万元 whatever the input's own unit: it is converted exactly, as a
 * decimal string, so 12345.67元 into a 万元 input is 1.234567, not a float.
 */
import { DomainError } from '@scenebridge/domain';
import { parseScaledDecimal, type Calculator, type CalculatorInputs, type CalculatorInputValue } from '@scenebridge/domain/policies';
import type { CalculationBody } from '@scenebridge/contract/policies';

const SCALE = 10;
/** Digits the point moves by when a figure in `from` is written in `to`. */
const SHIFT = { 元: { 元: 0, 万元: 4 }, 万元: { 元: -4, 万元: 0 } } as const;

function decimalString(n: bigint, scale: number): string {
  if (scale <= 0) return (n * 10n ** BigInt(-scale)).toString();
  const digits = n.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

export function convertMoney(value: number, from: '元' | '万元', to: '元' | '万元'): CalculatorInputValue {
  if (from === to) return value;
  const scaled = parseScaledDecimal(value, SCALE);
  // A figure that does not parse goes through as sent, so the reader names its problem.
  return typeof scaled === 'bigint' ? decimalString(scaled, SCALE + SHIFT[from][to]) : value;
}

export function toCalculatorInputs(calc: Calculator, inputs: CalculationBody['inputs']): CalculatorInputs {
  const out: Record<string, CalculatorInputValue> = {};
  const issues: Array<{ path: string; message: string }> = [];
  for (const [key, v] of Object.entries(inputs)) {
    if (typeof v !== 'object') {
      out[key] = v;
      continue;
    }
    const d = calc.inputs.find((i) => i.key === key);
    if (d?.type === 'money') out[key] = convertMoney(v.value, v.unit, d.unit);
    else issues.push({ path: key, message: `${d?.label ?? key}不是金额，不能带单位` });
  }
  if (issues.length) throw new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join('；'), 400, issues);
  return out;
}
