import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { applicationParticipants, challenges, organizations } from '../schema.js';
import { challengeAwards } from './schema.js';
import type { ChallengeWithOrg } from '../challenges/repository.js';
import type { AwardWithOrganization } from './repository.js';

/** Challenges whose award is decided (揭榜结果), the latest decision first. */
export async function listChallengesInStates(db: Executor, statuses: readonly string[], limit = 200): Promise<ChallengeWithOrg[]> {
  const rows = await db
    .select({ c: challenges, organizationName: organizations.name })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.organizationId))
    .where(inArray(challenges.status, [...statuses]))
    .orderBy(desc(challenges.updatedAt), asc(challenges.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.c, organizationName: r.organizationName }));
}

/** The awards of several challenges, each with its lead's name, in 任务书 order. */
export async function listAwardsOfChallenges(db: Executor, challengeIds: readonly string[]): Promise<AwardWithOrganization[]> {
  if (challengeIds.length === 0) return [];
  const rows = await db
    .select({ award: challengeAwards, organizationName: organizations.name })
    .from(challengeAwards)
    .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
    .where(inArray(challengeAwards.challengeId, [...challengeIds]))
    .orderBy(asc(challengeAwards.agreementNo));
  return rows.map((r) => ({ ...r.award, organizationName: r.organizationName }));
}

/**
 * The consortium members (confirmed, still active) of the given applications, by name: what a
 * winner is named by besides its lead.
 */
export async function confirmedMembersOfApplications(
  db: Executor,
  applicationIds: readonly string[],
): Promise<{ applicationId: string; organizationId: string; organizationName: string }[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: applicationParticipants.applicationId,
      organizationId: applicationParticipants.organizationId,
      organizationName: organizations.name,
    })
    .from(applicationParticipants)
    .innerJoin(organizations, eq(organizations.id, applicationParticipants.organizationId))
    .where(
      and(
        inArray(applicationParticipants.applicationId, [...applicationIds]),
        eq(applicationParticipants.role, 'member'),
        eq(applicationParticipants.status, 'confirmed'),
        eq(applicationParticipants.active, true),
      ),
    )
    .orderBy(asc(applicationParticipants.position), asc(applicationParticipants.createdAt));
}

/** The challenges drafted from a need (challenges.source_need_id), oldest first. */
export async function listChallengesOfSourceNeed(db: Executor, needId: string) {
  return db
    .select({ id: challenges.id, title: challenges.title, status: challenges.status })
    .from(challenges)
    .where(eq(challenges.sourceNeedId, needId))
    .orderBy(asc(challenges.createdAt), asc(challenges.id));
}

/**
 * What a 标杆案例 says of its delivery: for each need, the acceptance reports and winners' names of
 * the completed awards of the challenges drafted from it (in 任务书 order).
 */
export async function completedAwardsOfNeeds(
  db: Executor,
  needIds: readonly string[],
): Promise<Map<string, { reports: string[]; winners: string[] }>> {
  const out = new Map<string, { reports: string[]; winners: string[] }>();
  if (needIds.length === 0) return out;
  const rows = await db
    .select({ needId: challenges.sourceNeedId, report: challengeAwards.acceptanceReport, winner: organizations.name })
    .from(challengeAwards)
    .innerJoin(challenges, eq(challenges.id, challengeAwards.challengeId))
    .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
    .where(and(inArray(challenges.sourceNeedId, [...needIds]), eq(challengeAwards.status, 'completed')))
    .orderBy(asc(challengeAwards.agreementNo));
  for (const r of rows) {
    const e = out.get(r.needId!) ?? { reports: [], winners: [] };
    if (r.report?.trim()) e.reports.push(r.report.trim());
    e.winners.push(r.winner);
    out.set(r.needId!, e);
  }
  return out;
}
