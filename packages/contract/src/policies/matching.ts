/**
 * Organisation policy profiles (政策画像), "measures that may apply to me" and 免申即享 rows, as
 * the API answers them (docs/policies.md).
 */
import { REDEMPTION_STAGES } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

const outcome = z.enum(['met', 'not_met', 'unknown']);

export const policyProfileJson = z.object({
  organizationId: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  qualifications: z.array(
    z.object({ code: z.string(), label: z.string(), certificateNo: z.string().nullable(), validUntil: z.string().nullable() }),
  ),
  /** null: nobody has checked the 失信 lists for it yet. */
  dishonest: z.boolean().nullable(),
  employees: z.number().int().nullable(),
  revenueBand: z.string().nullable(),
  rdSharePercent: z.number().nullable(),
  sectors: z.array(z.string()),
  foundedOn: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
  confirmedAt: isoDateTime.nullable(),
  confirmedBy: z.string().nullable(),
});
export type PolicyProfileJson = z.infer<typeof policyProfileJson>;

export const conditionCheckJson = z.object({
  kind: z.string(),
  outcome,
  reason: z.string(),
  missingField: z.string().optional(),
});
export type ConditionCheckJson = z.infer<typeof conditionCheckJson>;

export const measureForMe = z.object({
  measure: z.object({
    id: z.string(),
    path: z.string(),
    heading: z.string().nullable(),
    marker: z.string(),
    supportType: z.string().nullable(),
  }),
  policy: z.object({ id: z.string(), title: z.string(), validUntil: z.string().nullable() }),
  outcome,
  checks: z.array(conditionCheckJson),
  /** The Chinese names of the profile fields to fill in. */
  missingFields: z.array(z.string()),
  deadlineOn: z.string().nullable(),
  hasCalculator: z.boolean(),
});
export type MeasureForMe = z.infer<typeof measureForMe>;

export const measuresForMe = pageOf(measureForMe).extend({ profileComplete: z.boolean() });
export type MeasuresForMe = z.infer<typeof measuresForMe>;

export const redemptionRunReceipt = z.object({
  runId: z.string(),
  organizations: z.number().int(),
  eligible: z.number().int(),
  unknown: z.number().int(),
  added: z.number().int(),
});
export type RedemptionRunReceipt = z.infer<typeof redemptionRunReceipt>;

export const redemptionJson = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  measure: z.object({ id: z.string(), path: z.string(), heading: z.string().nullable() }),
  policy: z.object({ id: z.string(), title: z.string() }),
  stage: z.enum(REDEMPTION_STAGES),
  checks: z.array(conditionCheckJson),
  matchedAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  redeemedAt: isoDateTime.nullable(),
  amountFen: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type RedemptionJson = z.infer<typeof redemptionJson>;
export const redemptionList = pageOf(redemptionJson);
export type RedemptionList = z.infer<typeof redemptionList>;
