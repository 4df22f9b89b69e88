/**
 * Who answers an interest (意向): the organisation owning the listing it was expressed on (the
 * need's when a supplier expressed it, the capability's when the demand side did). The side that
 * expressed it, operators and brokers may see it and are told they cannot answer; anyone else
 * is told it does not exist.
 */
import { findInterestForDeal, type Executor } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';

export async function loadInterestForRecipient(db: Executor, actor: Actor, interestId: string, opts: { forUpdate?: boolean } = {}) {
  const found = await findInterestForDeal(db, interestId, opts);
  if (!found) throw notFound('意向');
  const i = found.interest;
  const recipientOrg = i.fromSide === 'capability' ? found.needOrganizationId : found.capabilityOrganizationId;
  const own = isOrgUser(actor) ? actor.organizationId : null;
  if (own !== recipientOrg) {
    const sees = own === i.fromOrganizationId || isOperator(actor) || actor.roles.includes('broker');
    if (!sees) throw notFound('意向');
    throw new DomainError('INTEREST_NOT_RECIPIENT', '只有收到意向的一方可以接受或婉拒意向', 403);
  }
  return found;
}
