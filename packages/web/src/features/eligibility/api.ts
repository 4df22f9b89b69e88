/** Eligibility screening: the part of /api/v1 this feature calls. */
import type { EligibilityResult, EligibilityRules } from '@scenebridge/contract/eligibility';
import { post } from '../../shared/http';

export const eligibilityKeys = {
  all: ['eligibility'] as const,
  check: (rules: EligibilityRules, organizationId?: string, challengeRef?: string) =>
    ['eligibility', 'check', { rules, organizationId, challengeRef }] as const,
};

export const eligibilityApi = {
  /** The caller's own organisation (or, for the operator, `organizationId`) against the rules. */
  check: (input: { rules: EligibilityRules; organizationId?: string; challengeRef?: string }) =>
    post<EligibilityResult>('/eligibility/check', input),
};
