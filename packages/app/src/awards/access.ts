import {
  awardParticipantOrganizationIds,
  findAward,
  findAwardWithChallenge,
  isExpertOfAward,
  type AwardListRow,
  type Executor,
} from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { awardPolicy, type AwardAccess } from './policy.js';

export interface LoadedAward {
  award: AwardListRow;
  access: AwardAccess;
}

/**
 * Reads an award the caller may see, or 404. With `forUpdate` the award row is locked first, so
 * the moves of one agreement (deliveries, conclusions, eliminations) happen one at a time.
 */
export async function loadAward(db: Executor, actor: Actor | null, id: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedAward> {
  if (opts.forUpdate && !(await findAward(db, id, { forUpdate: true }))) throw notFound(awardPolicy.label);
  const award = await findAwardWithChallenge(db, id);
  if (!award) throw notFound(awardPolicy.label);
  const access: AwardAccess = {
    status: award.status,
    organizationId: award.organizationId,
    ownerOrganizationId: award.ownerOrganizationId,
    participantOrganizationIds: await awardParticipantOrganizationIds(db, award.applicationId),
    callerIsExpert: actor ? await isExpertOfAward(db, award.id, actor.userId) : false,
    mode: award.challengeMode,
  };
  awardPolicy.authorize(actor, 'view', access);
  return { award, access };
}
