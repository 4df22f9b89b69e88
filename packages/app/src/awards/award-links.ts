/**
 * A need's challenges (揭榜挂帅 drafted from it) with their winners, for the need's detail: its
 * owner's users and operators see them; anyone else gets nothing (the challenge pages are public).
 */
import { listAwardsOfChallenges, listChallengesOfSourceNeed } from '@scenebridge/db';
import type { ChallengeState } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';

export async function challengeLinksOfNeed({
  services,
  actor,
  need,
}: {
  services: Services;
  actor: Actor | null;
  need: { id: string; organizationId: string };
}) {
  const maySee = isOperator(actor) || (isOrgUser(actor) && actor!.organizationId === need.organizationId);
  if (!maySee) return undefined;
  const challenges = await listChallengesOfSourceNeed(services.db, need.id);
  if (challenges.length === 0) return [];
  const awards = await listAwardsOfChallenges(
    services.db,
    challenges.map((c) => c.id),
  );
  return challenges.map((c) => ({
    id: c.id,
    title: c.title,
    status: c.status as ChallengeState,
    winners: awards
      .filter((a) => a.challengeId === c.id)
      .map((a) => ({ awardId: a.id, organizationName: a.organizationName, agreementNo: a.agreementNo })),
  }));
}
