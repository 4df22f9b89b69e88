import type { EligibilityCheckInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { requireActor } from '../shared/index.js';
import { evaluateEligibility } from './evaluate-eligibility.js';
import { eligibilityPolicy } from './policy.js';
import type { EligibilitySources } from './sources.js';

/**
 * "是否符合条件及原因" before applying: the caller's own organisation, or any organisation for the
 * operator (another organisation's: 404, whether it exists or not).
 */
export async function checkEligibilityFor({
  services,
  actor,
  input,
  sources,
}: {
  services: Services;
  actor: Actor | null;
  input: EligibilityCheckInput;
  sources?: EligibilitySources;
}) {
  const a = requireActor(actor);
  const organizationId = input.organizationId ?? a.organizationId;
  eligibilityPolicy.authorize(a, 'check', { organizationId });
  return evaluateEligibility({
    services,
    organizationId,
    rules: input.rules,
    challengeRef: input.challengeRef,
    ...(sources && { sources }),
  });
}
