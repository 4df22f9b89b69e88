/** A calculator definition (domain calculatorSchema) said in words for the operator's check. */
import { fenShort } from './format';

type Span = { start: number; end: number };
export interface CalculatorInputDef {
  type: 'money' | 'count' | 'flag';
  key: string;
  label: string;
  unit?: string;
}
interface Tier {
  upToFen: number | null;
  ratePercent: string;
  sourceSpan?: Span;
}
interface Alternative {
  whenInput: string;
  ratePercent: string;
  baseInput?: string;
  label: string;
}
/** The parts of a definition the pages read; the server validates the rest. */
export interface CalculatorDefinition {
  kind: 'percentage_with_cap' | 'tiered' | 'per_unit_with_cap' | 'one_off';
  title?: string;
  sentence?: string;
  inputs: CalculatorInputDef[];
  baseInput?: string;
  unitsInput?: string;
  ratePercent?: string;
  amountPerUnitFen?: number;
  unitLabel?: string;
  amountFen?: number;
  tiers?: Tier[];
  alternatives?: Alternative[];
  capFen?: number;
  sourceSpan?: Span;
  capSpan?: Span;
}

export const CALCULATOR_KIND_LABELS: Record<CalculatorDefinition['kind'], string> = {
  percentage_with_cap: '按比例计算（可设上限）',
  tiered: '分档累进计算',
  per_unit_with_cap: '按数量定额计算（可设上限）',
  one_off: '定额',
};

/** A definition as the API gives it (a record) read as one, or null when it has no known kind. */
export function asDefinition(raw: Record<string, unknown>): CalculatorDefinition | null {
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(kind in CALCULATOR_KIND_LABELS)) return null;
  return { ...(raw as unknown as CalculatorDefinition), inputs: Array.isArray(raw.inputs) ? (raw.inputs as CalculatorInputDef[]) : [] };
}

const inputLabel = (d: CalculatorDefinition, key: string | undefined) => d.inputs.find((i) => i.key === key)?.label ?? key ?? '计算基数';
const capText = (d: CalculatorDefinition) => (d.capFen !== undefined ? `，最高不超过${fenShort(d.capFen)}` : '');

function tierLine(t: Tier, lowFen: number): string {
  const range =
    t.upToFen === null
      ? `${fenShort(lowFen)}以上部分`
      : lowFen === 0
        ? `${fenShort(t.upToFen)}（含）以下部分`
        : `${fenShort(lowFen)}至${fenShort(t.upToFen)}（含）部分`;
  return `${range}按${t.ratePercent}%`;
}

/** Lines in words: the rule, then each tier or alternative. */
export function describeCalculator(d: CalculatorDefinition): string[] {
  switch (d.kind) {
    case 'percentage_with_cap':
      return [`${inputLabel(d, d.baseInput)}的${d.ratePercent ?? '?'}%${capText(d)}`];
    case 'per_unit_with_cap':
      return [
        `每${d.unitLabel ?? '单位'}${d.amountPerUnitFen !== undefined ? fenShort(d.amountPerUnitFen) : '?'}，按${inputLabel(d, d.unitsInput)}计${capText(d)}`,
      ];
    case 'one_off':
      return [`定额${d.amountFen !== undefined ? fenShort(d.amountFen) : '?'}`];
    case 'tiered': {
      const tiers = d.tiers ?? [];
      const lines = [`${inputLabel(d, d.baseInput)}分档累进计算${capText(d)}：`];
      tiers.forEach((t, i) => lines.push(tierLine(t, i === 0 ? 0 : (tiers[i - 1]!.upToFen ?? 0))));
      for (const a of d.alternatives ?? [])
        lines.push(`${a.label}（${inputLabel(d, a.whenInput)}）：改按${inputLabel(d, a.baseInput ?? d.baseInput)}的${a.ratePercent}%`);
      return lines;
    }
  }
}
