/**
 * Test helpers of task agreements: an award written directly (challenge, winning application,
 * award row and milestones through the repository), so delivery tests need nothing of the 公示.
 */
import {
  insertApplication,
  insertAward,
  insertAwardMilestones,
  insertParticipants,
  insertSubmissions,
  type AwardMilestoneRow,
} from '@scenebridge/db';
import { milestoneAmounts } from '@scenebridge/domain';
import { eq } from 'drizzle-orm';
import { schema } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { makeChallenge } from '../challenges/testing.js';
import { makeCall, makeOrganization, makeUser, scenarioNeedData } from '../testing.js';

let n = 0;

export interface AwardFixture {
  awardId: string;
  challengeId: string;
  applicationId: string;
  needId: string | null;
  owner: { organizationId: string; userId: string };
  lead: { organizationId: string; userId: string };
  member: { organizationId: string; userId: string } | null;
  milestones: AwardMilestoneRow[];
  amountFen: number;
}

/**
 * An active award of a challenge in `challengeStatus` (default awarded), milestones split by
 * `percents` (the first one a 赛马 checkpoint when `horseRace`). `started` sets the agreement start.
 */
export async function makeAward(
  services: Services,
  opts: {
    amountFen?: number;
    percents?: number[];
    horseRace?: boolean;
    started?: boolean;
    withMember?: boolean;
    withNeed?: boolean;
    challengeStatus?: string;
    /** Another award on the same challenge (a second 赛马 team). */
    sameChallengeAs?: AwardFixture;
    /** An existing organisation (and one of its users) as the challenge owner or as the lead. */
    owner?: { organizationId: string; userId: string };
    lead?: { organizationId: string; userId: string };
  } = {},
): Promise<AwardFixture> {
  const amountFen = opts.amountFen ?? 1_000_000;
  const percents = opts.percents ?? [30, 70];
  const now = services.now();
  let owner = opts.sameChallengeAs?.owner ?? opts.owner;
  let challengeId = opts.sameChallengeAs?.challengeId;
  let needId = opts.sameChallengeAs?.needId ?? null;
  if (!challengeId) {
    owner ??= await orgWithUser(services);
    if (opts.withNeed) needId = await makeAwardedNeed(services, owner.organizationId);
    const c = await makeChallenge(services, owner.organizationId, {
      status: opts.challengeStatus ?? 'awarded',
      input: {
        milestones: percents.map((p, i) => ({ name: `里程碑${i + 1}`, percent: p, deliverables: `第${i + 1}阶段交付物` })),
        mode: opts.horseRace ? { kind: 'horse_race', maxTeams: 3 } : { kind: 'single' },
        rewardFen: amountFen * 3,
        sourceNeedId: needId,
      },
    });
    challengeId = c.id;
  }
  const lead = opts.lead ?? (await orgWithUser(services));
  const memberOrg = opts.withMember ? await makeOrganization(services) : null;
  const member = memberOrg ? { organizationId: memberOrg.id, userId: (await makeUser(services, memberOrg.id, ['org_member'])).id } : null;
  const application = (await insertApplication(services.db, {
    challengeId,
    leadOrganizationId: lead.organizationId,
    status: 'awarded',
    plan: '技术路线与实施计划',
    teamLeader: { name: '王工', title: '高级工程师', phone: '13800138000' },
    quoteFen: amountFen,
    schedule: percents.map(() => ({ plannedDate: '2027-06-30' })),
    submittedAt: now,
  }))!;
  await insertParticipants(services.db, [
    { applicationId: application.id, challengeId, organizationId: lead.organizationId, role: 'lead', status: 'confirmed', position: 0 },
    ...(memberOrg
      ? [{ applicationId: application.id, challengeId, organizationId: memberOrg.id, role: 'member', status: 'confirmed', position: 1 }]
      : []),
  ]);
  const award = await insertAward(services.db, {
    challengeId,
    applicationId: application.id,
    organizationId: lead.organizationId,
    agreementNo: `RW-T-${Date.now().toString(36)}-${++n}`,
    amountFen,
    status: 'active',
    awardedAt: now,
    agreementStartedAt: opts.started ? now : null,
  });
  const shares = milestoneAmounts(amountFen, percents);
  const milestones = await insertAwardMilestones(
    services.db,
    percents.map((p, i) => ({
      awardId: award.id,
      seq: i + 1,
      name: `里程碑${i + 1}`,
      deliverables: `第${i + 1}阶段交付物`,
      percent: p,
      amountFen: shares[i]!,
      dueDate: '2027-06-30',
      checkpoint: !!opts.horseRace && i === 0,
      status: 'pending',
    })),
  );
  return { awardId: award.id, challengeId, applicationId: application.id, needId, owner: owner!, lead, member, milestones, amountFen };
}

/** A scenario need of the owner already awarded (the challenge was drafted from it). */
async function makeAwardedNeed(services: Services, organizationId: string): Promise<string> {
  const call = await makeCall(services);
  const [row] = await insertSubmissions(services.db, [
    { callId: call.id, organizationId, listType: 'scenario_need', status: 'awarded', data: scenarioNeedData(), title: '测试需求' } as never,
  ]);
  return row!.id;
}

/** A user with the reviewer role, on a platform organisation of their own. */
export async function makeExpert(services: Services) {
  const org = await makeOrganization(services, { kind: 'university' });
  return makeUser(services, org.id, ['reviewer']);
}

/** The signed-in caller a user would be. */
export async function actorOf(services: Services, userId: string): Promise<Actor> {
  const [row] = await services.db
    .select({ u: schema.users, o: schema.organizations })
    .from(schema.users)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.users.organizationId))
    .where(eq(schema.users.id, userId));
  const { u, o } = row!;
  return {
    userId: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles as Actor['roles'],
    organizationId: o.id,
    organizationName: o.name,
    organizationStatus: o.status,
    organizationKind: o.kind,
    sessionId: 'test',
    csrfToken: 'test',
  };
}

/** An operator of a platform organisation. */
export async function makeOperator(services: Services): Promise<Actor> {
  const org = await makeOrganization(services, { operator: true });
  return actorOf(services, (await makeUser(services, org.id, ['operator'])).id);
}

async function orgWithUser(services: Services) {
  const org = await makeOrganization(services);
  return { organizationId: org.id, userId: (await makeUser(services, org.id, ['org_admin'])).id };
}
