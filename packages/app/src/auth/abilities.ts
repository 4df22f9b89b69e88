/**
 * What a signed-in user may use, decided by the same policy functions the use cases call, so the
 * web's menu and pages offer exactly what the routes then accept. A refusal carries the code and
 * message the route would answer with.
 */
import type { Ability, AbilityAnswer } from '@scenebridge/contract/auth';
import { DomainError, forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { authorizeBrokerWorkspace, authorizeDealsView } from '../deals/index.js';
import { authorizeHandling, authorizeRegistering } from '../contracts/index.js';
import { authorizeDashboard } from '../dashboard/index.js';
import { authorizeImporter } from '../imports/index.js';
import { authorizeExpressingInterest, authorizeMatching } from '../matching/index.js';
import { authorizeReview } from '../review/index.js';
import { authorizeDrafting, submissionListScope } from '../submissions/index.js';
import { authorizeSubscriber } from '../subscriptions/index.js';

const CHECKS: Record<Ability, (actor: Actor) => unknown> = {
  listSubmissions: (a) => submissionListScope(a),
  draft: (a) => authorizeDrafting(a),
  import: (a) => authorizeImporter(a),
  subscribe: (a) => authorizeSubscriber(a),
  expressInterest: (a) => authorizeExpressingInterest(a),
  curate: (a) => authorizeMatching(a, 'curate'),
  review: (a) => authorizeReview(a, 'score'),
  operate: (a) => {
    if (!isOperator(a)) throw forbidden();
  },
  viewDeals: (a) => authorizeDealsView(a),
  useBrokerWorkspace: (a) => authorizeBrokerWorkspace(a),
  // 技术合同登记: the seller side registers; registrars (or operators) handle (docs/contracts.md).
  canRegisterContracts: (a) => authorizeRegistering(a),
  canHandleContractRegistrations: (a) => authorizeHandling(a),
  viewDashboard: (a) => authorizeDashboard(a, 'view'),
};

function answer(check: (actor: Actor) => unknown, actor: Actor): AbilityAnswer {
  try {
    check(actor);
    return { allowed: true, refusal: null };
  } catch (e) {
    if (e instanceof DomainError) return { allowed: false, refusal: { code: e.code, message: e.message } };
    throw e;
  }
}

export function abilitiesOf(actor: Actor): Record<Ability, AbilityAnswer> {
  return Object.fromEntries(Object.entries(CHECKS).map(([a, check]) => [a, answer(check, actor)])) as Record<Ability, AbilityAnswer>;
}
