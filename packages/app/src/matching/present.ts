import type { InterestState } from '@scenebridge/domain';
import type { interestsOn } from '@scenebridge/db';

export function presentInterest(r: Awaited<ReturnType<typeof interestsOn>>[number]) {
  const i = r.interest;
  return {
    id: i.id,
    needId: i.needId,
    capabilityId: i.capabilityId,
    fromSide: i.fromSide,
    organization: { id: i.fromOrganizationId, name: r.organizationName },
    by: r.userName,
    message: i.message,
    createdAt: i.createdAt.toISOString(),
    status: i.status as InterestState,
    declineReason: i.declineReason,
    decidedAt: i.decidedAt?.toISOString() ?? null,
  };
}
