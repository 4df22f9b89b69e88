/** Eligibility screening of an organisation against a challenge's rules (揭榜挂帅), and the operator's overrides. */
import { ELIGIBILITY_RULE_NAMES } from '@scenebridge/domain/eligibility';
import { z } from 'zod';
import { isoDateTime } from '../common/index.js';

export {
  eligibilityCheckInputSchema,
  eligibilityOverrideInputSchema,
  eligibilityRulesSchema,
  ELIGIBILITY_RULE_NAMES,
  QUALIFICATION_CODES,
  type EligibilityRuleName,
  type EligibilityRules,
  type QualificationCode,
} from '@scenebridge/domain/eligibility';

export const eligibilityCheck = z.object({
  rule: z.enum(ELIGIBILITY_RULE_NAMES),
  passed: z.boolean(),
  /** Chinese: what the rule requires and what the organisation is, e.g. 要求机构类型为：民营企业；本机构为：高等院校. */
  reason: z.string(),
});
export type EligibilityCheck = z.infer<typeof eligibilityCheck>;

export const eligibilityOverride = z.object({
  id: z.string(),
  challengeRef: z.string(),
  reason: z.string(),
  /** The operator's display name. */
  by: z.string().nullable(),
  at: isoDateTime,
});
export type EligibilityOverride = z.infer<typeof eligibilityOverride>;

/** One organisation screened: every rule set yields a check; `eligible` is the rules' answer or an override's. */
export const eligibilityResult = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  asOf: isoDateTime,
  /** What the rules alone decide. */
  screenedEligible: z.boolean(),
  eligible: z.boolean(),
  checks: z.array(eligibilityCheck),
  /** The operator's override for the challenge asked about (challengeRef), if any. */
  override: eligibilityOverride.nullable(),
});
export type EligibilityResult = z.infer<typeof eligibilityResult>;

export const recordedOverride = eligibilityOverride.extend({ organizationId: z.string() });
export type RecordedOverride = z.infer<typeof recordedOverride>;

export * from './labels.js';
