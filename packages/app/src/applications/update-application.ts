import { updateApplication } from '@scenebridge/db';
import { DomainError, type ApplicationContent } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadApplication } from './access.js';
import { challengeAcceptingApplications, checkAgainstChallenge, checkMembers, syncMembers } from './content.js';
import { applicationPolicy } from './policy.js';

/** The lead saves its draft (content and consortium), before the deadline. A submitted application is not edited. */
export async function updateApplicationDraft({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: ApplicationContent;
}) {
  const a = requireActor(actor);
  return inTransaction(services, a, async (tx, events) => {
    const now = services.now();
    const loaded = await loadApplication(tx, a, id, now, { forUpdate: true });
    if (loaded.app.status !== 'draft' && applicationPolicy.allow(a, 'actAsOwner', loaded.access)) {
      throw new DomainError('APPLICATION_NOT_EDITABLE', '申报已提交，不能修改；如需修改请在截止前撤回后重新申报', 409);
    }
    applicationPolicy.authorize(a, 'edit', loaded.access);
    const c = await challengeAcceptingApplications(tx, loaded.app.challengeId, now);
    checkAgainstChallenge(input, c, now);
    await checkMembers(tx, input.memberOrganizationIds, loaded.app.leadOrganizationId, c);
    await updateApplication(tx, id, { plan: input.plan, teamLeader: input.teamLeader, quoteFen: input.quoteFen, schedule: input.schedule });
    await events.record({
      action: 'application.updated',
      entityType: 'application',
      entityId: id,
      data: { quoteFen: input.quoteFen, members: input.memberOrganizationIds },
    });
    await syncMembers(tx, events, id, c.id, input.memberOrganizationIds);
    return loadApplication(tx, a, id, now);
  });
}
