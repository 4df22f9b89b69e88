/**
 * A challenge taken through the API to its proposed winners, as the platform does: its owner's
 * published need, the challenge approved by the operator, applications submitted by their own
 * organisations before the deadline, closed, reviewed, shortlisted and proposed.
 */
import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { publishThroughApi } from '../portal/testing.js';
import { login, makeUser, orgUser, type Client, type TestContext } from '../testing.js';

export interface Person {
  client: Client;
  email: string;
  organizationId: string;
  userId: string;
}

async function ok(res: Promise<{ statusCode: number; body: string }>, status: number, what: string) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return JSON.parse(r.body || 'null');
}

export const applicationBody = (quoteFen: number) => ({
  plan: '采用深度学习视觉检测方案，部署线阵相机与边缘计算节点，实现二十类缺陷的在线检测与分类。',
  teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
  quoteFen,
  schedule: [{ plannedDate: '2027-03-01' }, { plannedDate: '2027-09-30' }],
  memberOrganizationIds: [],
});

export interface ProposedChallenge {
  challengeId: string;
  needId: string;
  owner: Person;
  /** One per applicant, in order; the first `propose` of them are proposed, the rest shortlisted (or only submitted). */
  applicants: (Person & { applicationId: string })[];
}

/**
 * Applicants quote 150万元 each on a 赛马 challenge of 500万元 (up to 3 teams); `propose` of them
 * are proposed, `shortlist` more are shortlisted, the rest stay submitted. The clock ends at the
 * deadline + 1 minute.
 */
export async function proposedThroughApi(
  ctx: TestContext,
  operator: Client,
  opts: { applicants: number; propose: number; shortlist?: number },
): Promise<ProposedChallenge> {
  const need = await publishThroughApi(ctx, operator, { items: [{ title: '热轧钢板表面缺陷检测需求' }] });
  const needId = need.submissionIds[0]!;
  const [row] = await ctx.handle.db.select().from(schema.submissions).where(eq(schema.submissions.id, needId));
  const ownerUser = await makeUser(ctx.services, row!.organizationId, ['org_admin']);
  const owner = {
    client: await login(ctx.app, ownerUser.email),
    email: ownerUser.email,
    organizationId: row!.organizationId,
    userId: ownerUser.id,
  };
  const now = ctx.services.now();
  const c = await makeChallenge(ctx.services, owner.organizationId, {
    status: 'pending_review',
    input: {
      sourceNeedId: needId,
      mode: { kind: 'horse_race', maxTeams: 3 },
      applicationDeadline: new Date(now.getTime() + 2 * 3600_000).toISOString(),
    },
  });
  await ok(operator.post(`/api/v1/challenges/${c.id}/transitions`, { action: 'approve' }), 200, 'approve challenge');
  const applicants: ProposedChallenge['applicants'] = [];
  for (let i = 0; i < opts.applicants; i++) {
    const { client, org, user } = await orgUser(ctx);
    const a = await ok(client.post(`/api/v1/challenges/${c.id}/applications`, applicationBody(150_000_000)), 201, 'draft application');
    await ok(client.post(`/api/v1/applications/${a.id}/transitions`, { action: 'submit' }), 200, 'submit application');
    applicants.push({ client, email: user.email, organizationId: org.id, userId: user.id, applicationId: a.id });
  }
  ctx.setNow(new Date(c.applicationDeadline.getTime() + 60_000));
  await ok(operator.post(`/api/v1/challenges/${c.id}/transitions`, { action: 'close' }), 200, 'close challenge');
  await ok(operator.post(`/api/v1/challenges/${c.id}/transitions`, { action: 'start_review' }), 200, 'start review');
  const shortlisted = opts.propose + (opts.shortlist ?? 0);
  for (const [i, a] of applicants.entries()) {
    if (i >= shortlisted) break;
    await ok(operator.post(`/api/v1/applications/${a.applicationId}/transitions`, { action: 'shortlist' }), 200, 'shortlist');
    if (i < opts.propose)
      await ok(operator.post(`/api/v1/applications/${a.applicationId}/transitions`, { action: 'propose' }), 200, 'propose');
  }
  return { challengeId: c.id, needId, owner, applicants };
}

/** The challenge's 公示 of its proposed winners (draft), started unless `start: false`. */
export async function awardPublicity(operator: Client, challengeId: string, opts: { start?: boolean } = {}) {
  const p = (await ok(
    operator.post('/api/v1/publicities', { subjectKind: 'challenge_award', subjectId: challengeId, workingDays: 1 }),
    201,
    'create award publicity',
  )) as { id: string; title: string; items: { id: string; subjectItemId: string; name: string }[] };
  if (opts.start !== false) await ok(operator.post(`/api/v1/publicities/${p.id}/transitions`, { action: 'start' }), 200, 'start publicity');
  return p;
}
