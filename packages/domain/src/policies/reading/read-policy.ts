/**
 * The whole first reading of a policy text, as the operator then reviews it: the metadata, the
 * measures along the text's own numbering, and for each measure its units, beneficiaries,
 * conditions as written, quantitative terms and a calculator proposal. Every span is in the
 * policy's text (UTF-16 offsets), so the review page can highlight it in the source.
 */
import { proposeCalculator, type CalculatorProposal } from '../calculators/index.js';
import {
  detectMetadata,
  extractMeasureFields,
  ownSpan,
  segmentPolicy,
  type FieldText,
  type MeasureCondition,
  type PolicyMetadata,
  type PolicySegment,
  type SegmentKind,
  type TextSpan,
} from '../document/index.js';
import { extractPolicyTerms, type PolicyTerm } from '../terms/index.js';

export interface MeasureReading {
  path: string;
  parentPath?: string;
  depth: number;
  kind: SegmentKind;
  marker: string;
  heading?: string;
  span: TextSpan;
  /** The measure's own text before its first child: where its fields and terms were read. */
  ownSpan: TextSpan;
  responsibleUnits: FieldText[];
  leadUnit?: string;
  beneficiaries: FieldText[];
  conditionTexts: MeasureCondition[];
  terms: PolicyTerm[];
  /** Spans inside the calculator are relative to its `sentence`, the measure's own text. */
  calculator?: CalculatorProposal;
}

export interface PolicyReading {
  metadata: PolicyMetadata;
  measures: MeasureReading[];
}

const shift = (s: TextSpan, by: number): TextSpan => ({ start: s.start + by, end: s.end + by });
const shiftText = <T extends { span: TextSpan }>(f: T, by: number): T => ({ ...f, span: shift(f.span, by) });

function readMeasure(text: string, all: readonly PolicySegment[], s: PolicySegment): MeasureReading {
  const own = ownSpan(all, s);
  const body = text.slice(own.start, own.end);
  const fields = extractMeasureFields(body);
  const terms = extractPolicyTerms(body);
  const calculator = terms.length ? proposeCalculator(terms, body) : undefined;
  return {
    path: s.id,
    ...(s.parentId ? { parentPath: s.parentId } : {}),
    depth: s.depth,
    kind: s.kind,
    marker: s.marker,
    ...(s.heading ? { heading: s.heading } : {}),
    span: s.span,
    ownSpan: own,
    responsibleUnits: fields.responsibleUnits.map((f) => shiftText(f, own.start)),
    ...(fields.leadUnit ? { leadUnit: fields.leadUnit.text } : {}),
    beneficiaries: fields.beneficiaries.map((f) => shiftText(f, own.start)),
    conditionTexts: fields.conditions.map((f) => shiftText(f, own.start)),
    terms: terms.map((t) => shiftText(t, own.start)),
    ...(calculator ? { calculator } : {}),
  };
}

export function readPolicy(text: string): PolicyReading {
  const segments = segmentPolicy(text);
  return { metadata: detectMetadata(text), measures: segments.map((s) => readMeasure(text, segments, s)) };
}
