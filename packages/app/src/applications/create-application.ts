import { findApplicationOfOrganization, insertApplication, insertParticipants } from '@scenebridge/db';
import { DomainError, forbidden, type ApplicationContent } from '@scenebridge/domain';
import { isOrgUser, type Actor, type Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadApplication } from './access.js';
import { challengeAcceptingApplications, checkAgainstChallenge, checkMembers, participationConflict, syncMembers } from './content.js';

/**
 * 揭榜, first step: the caller's organisation drafts an application to an open challenge as its
 * lead, naming its consortium members (invited, each to confirm). One live application per lead
 * and challenge; an organisation takes part in one application per challenge (lead or member).
 */
export async function createApplication({
  services,
  actor,
  challengeId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  input: ApplicationContent;
}) {
  const a = requireActor(actor);
  if (!isOrgUser(a)) throw forbidden('只有机构用户可以揭榜');
  if (a.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能揭榜', 403);
  return inTransaction(services, a, async (tx, events) => {
    const now = services.now();
    const c = await challengeAcceptingApplications(tx, challengeId, now);
    if (c.organizationId === a.organizationId) throw new DomainError('OWN_CHALLENGE', '不能揭本单位发布的榜单', 403);
    checkAgainstChallenge(input, c, now);
    await checkMembers(tx, input.memberOrganizationIds, a.organizationId, c);
    const existing = await findApplicationOfOrganization(tx, c.id, a.organizationId);
    if (existing) throw await participationConflict(tx, [a.organizationId]);
    const row = await insertApplication(tx, {
      challengeId: c.id,
      leadOrganizationId: a.organizationId,
      status: 'draft',
      plan: input.plan,
      teamLeader: input.teamLeader,
      quoteFen: input.quoteFen,
      schedule: input.schedule,
      createdBy: a.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw await participationConflict(tx, [a.organizationId]);
    const leadConflict = await insertParticipants(tx, [
      { applicationId: row.id, challengeId: c.id, organizationId: a.organizationId, role: 'lead', status: 'confirmed', position: 0 },
    ]);
    if (leadConflict.length) throw await participationConflict(tx, leadConflict);
    await events.record({
      action: 'application.created',
      entityType: 'application',
      entityId: row.id,
      toState: 'draft',
      data: { challengeId: c.id, quoteFen: input.quoteFen, members: input.memberOrganizationIds },
    });
    await syncMembers(tx, events, row.id, c.id, input.memberOrganizationIds);
    return loadApplication(tx, a, row.id, now);
  });
}
