/**
 * 政策库 (the policy hub, docs/policies.md) as the API answers it: policies with their detected
 * metadata and verbatim source text, the measures along the text's own numbering with every span
 * into that text (UTF-16 offsets), the quantitative terms, calculators and the organisation's
 * policy profile.
 */
import { CALCULATOR_STATES, POLICY_STATES, POLICY_TERM_TYPES } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const textSpan = z.object({ start: z.number().int(), end: z.number().int() });
const fieldText = z.object({ text: z.string(), span: textSpan });

export const policySummary = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: z.enum(POLICY_STATES),
  measureCount: z.number().int(),
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type PolicySummary = z.infer<typeof policySummary>;
export const policyList = pageOf(policySummary);
export type PolicyList = z.infer<typeof policyList>;

export const policyTermJson = z.object({
  id: z.string(),
  type: z.enum(POLICY_TERM_TYPES),
  /** A number for every type but `date`, whose value is an ISO date (YYYY-MM-DD, YYYY-MM or --MM-DD). */
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  qualifier: z.string().nullable(),
  span: textSpan,
  edited: z.boolean(),
});
export type PolicyTermJson = z.infer<typeof policyTermJson>;

export const policyCalculatorJson = z.object({
  status: z.enum(CALCULATOR_STATES),
  /** The formula as data (domain calculatorSchema); its spans point into its `sentence`. */
  definition: z.record(z.string(), z.unknown()),
  /** What the operator should check before confirming a proposal. */
  notes: z.array(z.string()),
  confirmedAt: isoDateTime.nullable(),
});
export type PolicyCalculatorJson = z.infer<typeof policyCalculatorJson>;

export const policyMeasureJson = z.object({
  id: z.string(),
  path: z.string(),
  parentPath: z.string().nullable(),
  depth: z.number().int(),
  marker: z.string(),
  heading: z.string().nullable(),
  span: textSpan,
  supportType: z.string().nullable(),
  responsibleUnits: z.array(fieldText),
  leadUnit: z.string().nullable(),
  beneficiaries: z.array(fieldText),
  conditionTexts: z.array(fieldText.extend({ kind: z.string().optional() })),
  /** Structured rules (domain policyConditionSchema), set by the operator. */
  conditions: z.array(z.record(z.string(), z.unknown())),
  deadlineOn: z.string().nullable(),
  edited: z.boolean(),
  terms: z.array(policyTermJson),
  calculator: policyCalculatorJson.nullable(),
});
export type PolicyMeasureJson = z.infer<typeof policyMeasureJson>;

export const policyDetail = policySummary.extend({
  validityPhrase: z.string().nullable(),
  statusReason: z.string().nullable(),
  sourceText: z.string(),
  sourceFormat: z.string(),
  sourceFilename: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
  measures: z.array(policyMeasureJson),
});
export type PolicyDetail = z.infer<typeof policyDetail>;

/** POST /policies: 201 when new; 200 with the policy already stored for the same text. */
export const policyIngestReceipt = z.object({ id: z.string(), created: z.boolean() });
export type PolicyIngestReceipt = z.infer<typeof policyIngestReceipt>;
export * from './matching.js';
export * from './measures.js';
export * from './measure-search.js';
export * from './digests.js';
