/** Reading a person's figures for a calculator: each problem named by the input's Chinese label. */
import { MAX_FEN, parseScaledDecimal } from './money.js';
import type { Calculator, CalculatorInput } from './schema.js';

export type CalculatorInputValue = string | number | boolean | null | undefined;
/** The figures entered, by input key: money in the input's unit (元 or 万元), counts as whole numbers, flags as booleans. */
export type CalculatorInputs = Readonly<Record<string, CalculatorInputValue>>;

export interface InputIssue {
  path: string;
  message: string;
}

const SCALE: Record<'元' | '万元', number> = { 元: 2, 万元: 6 };
const isBlank = (v: CalculatorInputValue) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Collects problems in `issues` and returns undefined for a figure that cannot be used. */
export class InputReader {
  readonly issues: InputIssue[] = [];
  constructor(
    private readonly calc: Calculator,
    private readonly values: CalculatorInputs,
  ) {}

  private descriptor(key: string): CalculatorInput | undefined {
    const d = this.calc.inputs.find((i) => i.key === key);
    if (!d) this.issues.push({ path: key, message: `计算器缺少输入项${key}` });
    return d;
  }

  private fail(key: string, message: string): undefined {
    this.issues.push({ path: key, message });
    return undefined;
  }

  /** Money in 分, or a count, as bigint. */
  number(key: string): bigint | undefined {
    const d = this.descriptor(key);
    if (!d || d.type === 'flag') return undefined;
    const v = this.values[key];
    if (isBlank(v)) return this.fail(key, `请填写${d.label}`);
    if (typeof v === 'boolean') return this.fail(key, `${d.label}应为数字`);
    const scale = d.type === 'money' ? SCALE[d.unit] : 0;
    const parsed = parseScaledDecimal(v!, scale);
    if (parsed === 'negative') return this.fail(key, `${d.label}不能为负数`);
    if (parsed === 'not_a_number') return this.fail(key, `${d.label}应为数字`);
    if (parsed === 'too_precise')
      return this.fail(key, d.type === 'money' ? `${d.label}最多精确到分（${d.unit === '元' ? '两' : '六'}位小数）` : `${d.label}应为整数`);
    if (d.type === 'money' && parsed > BigInt(MAX_FEN)) return this.fail(key, `${d.label}不能超过1万亿元`);
    if (d.type === 'count' && parsed > 100_000_000n) return this.fail(key, `${d.label}过大`);
    return parsed;
  }

  /** A yes/no answer; left unanswered it is no. */
  flag(key: string): boolean {
    const d = this.descriptor(key);
    const v = this.values[key];
    if (!d || isBlank(v)) return false;
    if (typeof v !== 'boolean') {
      this.fail(key, `${d.label}应选择"是"或"否"`);
      return false;
    }
    return v;
  }

  label(key: string): string {
    return this.calc.inputs.find((i) => i.key === key)?.label ?? key;
  }
}
