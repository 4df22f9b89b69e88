import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { remindApplicationDrafts } from '@scenebridge/app/applications';
import { schema } from '@scenebridge/db';
import { and, asc, count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, login, makeUser, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const T0 = new Date('2026-11-02T02:00:00Z');
let ctx: TestContext;
let owner: { client: Client; org: { id: string } };
let lead: { client: Client; org: { id: string }; user: { id: string } };
let memberB: { client: Client; org: { id: string }; user: { id: string } };
let memberC: { client: Client; org: { id: string }; user: { id: string } };
let outsider: { client: Client; org: { id: string } };
let operator: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: T0 });
  owner = await orgUser(ctx);
  lead = await orgUser(ctx);
  memberB = await orgUser(ctx);
  memberC = await orgUser(ctx);
  outsider = await orgUser(ctx);
  ({ client: operator } = await platformUser(ctx));
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(() => ctx.setNow(T0));

type Rules = Record<string, unknown>;
/** An open challenge of the owner, 2 milestones, reward 500万元, its deadline `hours` after T0 (sessions last 12 hours). */
async function openChallenge(eligibility?: Rules, hours = 2) {
  ctx.setNow(new Date(T0.getTime() - 3600_000));
  const c = await makeChallenge(ctx.services, owner.org.id, {
    status: 'open',
    input: {
      applicationDeadline: new Date(T0.getTime() + hours * 3600_000).toISOString(),
      ...(eligibility ? { eligibility: eligibility as never } : {}),
    },
  });
  ctx.setNow(T0);
  return c;
}
const body = (over: Record<string, unknown> = {}) => ({
  plan: '采用深度学习视觉检测方案，部署线阵相机与边缘计算节点，实现二十类缺陷的在线检测与分类。',
  teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
  quoteFen: 480_000_000,
  schedule: [{ plannedDate: '2027-03-01' }, { plannedDate: '2027-09-30' }],
  memberOrganizationIds: [],
  ...over,
});
const appCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.applications))[0]!.n;
const partCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.applicationParticipants))[0]!.n;
const audit = async (id: string) =>
  (
    await ctx.handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, 'application'), eq(schema.auditEvents.entityId, id)))
      .orderBy(asc(schema.auditEvents.seq))
  ).map((e) => e.action);
const notes = async (kind: string, userId: string) =>
  ctx.handle.db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.kind, kind), eq(schema.notifications.userId, userId)));
const move = (c: Client, id: string, action: string, reason?: string) =>
  c.post(`/api/v1/applications/${id}/transitions`, { action, reason });

async function draft(c: Client, challengeId: string, over: Record<string, unknown> = {}) {
  const res = await c.post(`/api/v1/challenges/${challengeId}/applications`, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; members: { organizationId: string; status: string }[] };
}

describe('an application alone', () => {
  it('is drafted by the lead, seen only by its organisation, submitted once however often it is sent, and audited', async () => {
    const ch = await openChallenge();
    const a = await draft(lead.client, ch.id);
    expect(a).toMatchObject({
      status: 'draft',
      quoteFen: 480_000_000,
      canEdit: true,
      consortiumConfirmed: true,
      allowedActions: ['submit', 'withdraw'],
    });
    for (const c of [outsider.client, owner.client, operator]) expect((await c.get(`/api/v1/applications/${a.id}`)).statusCode).toBe(404);
    const first = await move(lead.client, a.id, 'submit');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', canEdit: false });
    const again = await move(lead.client, a.id, 'submit');
    expect(again.statusCode).toBe(200);
    expect(again.json().submittedAt).toBe(first.json().submittedAt);
    expect(await audit(a.id)).toEqual(['application.created', 'application.submit']);
    // Operators see it once submitted; the owner only after the deadline.
    expect((await operator.get(`/api/v1/applications/${a.id}`)).statusCode).toBe(200);
    expect((await owner.client.get(`/api/v1/applications/${a.id}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/v1/challenges/${ch.id}/applications`)).statusCode).toBe(403);
    expect((await outsider.client.get(`/api/v1/challenges/${ch.id}/applications`)).statusCode).toBe(403);
    const list = await operator.get(`/api/v1/challenges/${ch.id}/applications`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const xlsx = await operator.get(`/api/v1/challenges/${ch.id}/applications/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    ctx.setNow(new Date(ch.applicationDeadline.getTime() + 1));
    expect((await owner.client.get(`/api/v1/applications/${a.id}`)).statusCode).toBe(200);
    expect((await owner.client.get(`/api/v1/challenges/${ch.id}/applications`)).json().total).toBe(1);
    // A submitted application is not edited.
    expect((await lead.client.patch(`/api/v1/applications/${a.id}`, body())).json().error.code).toBe('APPLICATION_NOT_EDITABLE');
  });

  it('refuses bad input with 400 naming the field, storing nothing', async () => {
    const ch = await openChallenge();
    const unapproved = await orgUser(ctx, { status: 'pending' });
    const [apps, parts] = [await appCount(), await partCount()];
    const ids = [memberB.org.id, memberC.org.id, outsider.org.id, unapproved.org.id, owner.org.id];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ quoteFen: 500_000_001 }, 'quoteFen'],
      [{ quoteFen: 1.5 }, 'quoteFen'],
      [{ quoteFen: 0 }, 'quoteFen'],
      [{ schedule: [{ plannedDate: '2027-03-01' }] }, 'schedule'],
      [{ schedule: [{ plannedDate: '2027-03-01' }, { plannedDate: '2027-01-01' }] }, 'schedule.1.plannedDate'],
      [{ schedule: [{ plannedDate: '2026-01-01' }, { plannedDate: '2027-01-01' }] }, 'schedule.0.plannedDate'],
      [{ schedule: [{ plannedDate: '2027-02-30x' }, { plannedDate: '2027-01-01' }] }, 'schedule.0.plannedDate'],
      [{ memberOrganizationIds: ids }, 'memberOrganizationIds'],
      [{ memberOrganizationIds: [memberB.org.id, memberB.org.id] }, 'memberOrganizationIds'],
      [{ memberOrganizationIds: [lead.org.id] }, 'memberOrganizationIds.0'],
      [{ memberOrganizationIds: [memberB.org.id, unapproved.org.id] }, 'memberOrganizationIds.1'],
      [{ memberOrganizationIds: [owner.org.id] }, 'memberOrganizationIds.0'],
      [{ teamLeader: { name: '李四', title: '首席工程师', phone: '12345' } }, 'teamLeader.phone'],
      [{ plan: '太短' }, 'plan'],
    ];
    for (const [over, path] of cases) {
      const res = await lead.client.post(`/api/v1/challenges/${ch.id}/applications`, body(over));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(
        res.json().error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    expect([await appCount(), await partCount()]).toEqual([apps, parts]);
    // The owner cannot answer its own challenge.
    expect((await owner.client.post(`/api/v1/challenges/${ch.id}/applications`, body())).json().error.code).toBe('OWN_CHALLENGE');
  });

  it('refuses submission after the deadline by server time, keeping the draft readable; withdrawal too', async () => {
    const ch = await openChallenge();
    const a = await draft(lead.client, ch.id);
    const b = await draft(memberB.client, ch.id);
    expect((await move(memberB.client, b.id, 'submit')).statusCode).toBe(200);
    ctx.setNow(new Date(ch.applicationDeadline.getTime() - 1));
    expect((await lead.client.patch(`/api/v1/applications/${a.id}`, body({ quoteFen: 470_000_000 }))).statusCode).toBe(200);
    ctx.setNow(new Date(ch.applicationDeadline.getTime() + 1));
    const late = await move(lead.client, a.id, 'submit');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('APPLICATION_DEADLINE_PASSED');
    expect(late.json().error.message).toContain('已过申报截止时间');
    const kept = await lead.client.get(`/api/v1/applications/${a.id}`);
    expect(kept.json()).toMatchObject({ status: 'draft', quoteFen: 470_000_000 });
    expect((await move(memberB.client, b.id, 'withdraw')).json().error.code).toBe('APPLICATION_DEADLINE_PASSED');
    expect((await lead.client.post(`/api/v1/challenges/${ch.id}/applications`, body())).statusCode).toBe(409);
    ctx.setNow(T0);
    const other = await openChallenge();
    const c = await draft(memberC.client, other.id);
    expect((await move(memberC.client, c.id, 'submit')).statusCode).toBe(200);
    const w = await move(memberC.client, c.id, 'withdraw');
    expect(w.json()).toMatchObject({ status: 'withdrawn' });
    // A withdrawn application frees the place: the organisation may apply again.
    expect((await memberC.client.post(`/api/v1/challenges/${other.id}/applications`, body())).statusCode).toBe(201);
  });
});

describe('a consortium', () => {
  it('invites members, who confirm or decline; submission waits for every member; lead and members are told', async () => {
    const ch = await openChallenge();
    const bMember = await makeUser(ctx.services, memberB.org.id, ['org_member']);
    const a = await draft(lead.client, ch.id, { memberOrganizationIds: [memberB.org.id, memberC.org.id] });
    expect(a.members.map((m) => m.status)).toEqual(['invited', 'invited']);
    expect(await notes('application.member_invited', memberB.user.id)).toHaveLength(1);
    const early = await move(lead.client, a.id, 'submit');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONSORTIUM_NOT_CONFIRMED');
    expect(early.json().error.details.map((d: { organizationId: string }) => d.organizationId)).toEqual([memberB.org.id, memberC.org.id]);
    // Members see it read-only; only a member's admin answers.
    const seen = await memberB.client.get(`/api/v1/applications/${a.id}`);
    expect(seen.json()).toMatchObject({ canEdit: false, allowedActions: [], myMembership: { status: 'invited', canDecide: true } });
    expect((await memberB.client.patch(`/api/v1/applications/${a.id}`, body())).statusCode).toBe(403);
    const plain = await login(ctx.app, bMember.email);
    expect((await plain.post(`/api/v1/applications/${a.id}/membership`, { decision: 'confirm' })).statusCode).toBe(403);
    expect((await outsider.client.post(`/api/v1/applications/${a.id}/membership`, { decision: 'confirm' })).statusCode).toBe(404);
    expect((await memberB.client.post(`/api/v1/applications/${a.id}/membership`, { decision: 'confirm' })).statusCode).toBe(200);
    const declined = await memberC.client.post(`/api/v1/applications/${a.id}/membership`, { decision: 'decline', reason: '资源冲突' });
    expect(declined.json().members.map((m: { status: string }) => m.status)).toEqual(['confirmed', 'declined']);
    expect(await notes('application.member_confirmed', lead.user.id)).toHaveLength(1);
    expect(await notes('application.member_declined', lead.user.id)).toHaveLength(1);
    const still = await move(lead.client, a.id, 'submit');
    expect(still.json().error.details.map((d: { organizationId: string }) => d.organizationId)).toEqual([memberC.org.id]);
    // The declined member is free to lead its own; B (taking part already) is not.
    expect((await memberC.client.post(`/api/v1/challenges/${ch.id}/applications`, body())).statusCode).toBe(201);
    const taken = await memberB.client.post(`/api/v1/challenges/${ch.id}/applications`, body());
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('APPLICATION_PARTICIPATION_EXISTS');
    expect((await lead.client.patch(`/api/v1/applications/${a.id}`, body({ memberOrganizationIds: [memberB.org.id] }))).statusCode).toBe(
      200,
    );
    const ok = await move(lead.client, a.id, 'submit');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().members).toEqual([expect.objectContaining({ organizationId: memberB.org.id, status: 'confirmed' })]);
    expect((await memberB.client.get('/api/v1/applications')).json().items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(await audit(a.id)).toEqual([
      'application.created',
      'application.member_invited',
      'application.member_invited',
      'application.member_confirm',
      'application.member_decline',
      'application.updated',
      'application.member_removed',
      'application.submit',
    ]);
  });

  it('submits only when every member has confirmed, whatever the answers (property)', async () => {
    const pool = [memberB, memberC, outsider];
    const ch = await openChallenge();
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('confirm', 'decline', 'none'), { minLength: 1, maxLength: 3 }), async (answers) => {
        round++;
        const challenge = round === 1 ? ch : await openChallenge();
        const members = pool.slice(0, answers.length);
        // A fresh lead each run: its open applications must not reach the eligibility limit.
        const lead = await orgUser(ctx);
        const a = await draft(lead.client, challenge.id, { memberOrganizationIds: members.map((m) => m.org.id) });
        for (const [i, ans] of answers.entries()) {
          if (ans !== 'none')
            expect((await members[i]!.client.post(`/api/v1/applications/${a.id}/membership`, { decision: ans })).statusCode).toBe(200);
        }
        const res = await move(lead.client, a.id, 'submit');
        const all = answers.every((x) => x === 'confirm');
        expect(res.statusCode).toBe(all ? 200 : 409);
        if (!all) {
          expect(res.json().error.details.map((d: { organizationId: string }) => d.organizationId)).toEqual(
            members.filter((_, i) => answers[i] !== 'confirm').map((m) => m.org.id),
          );
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('eligibility at submit', () => {
  it('a refusal names its rule; the operator override lets the lead through', async () => {
    const lead = await orgUser(ctx);
    const ch = await openChallenge({ organizationKinds: ['university'], maxOpenApplicationsPerOrganization: 3, excludeDishonest: true });
    const a = await draft(lead.client, ch.id);
    const refused = await move(lead.client, a.id, 'submit');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('NOT_ELIGIBLE');
    expect(refused.json().error.details.map((d: { rule: string }) => d.rule)).toEqual(['organizationKinds']);
    expect((await lead.client.get(`/api/v1/applications/${a.id}`)).json().status).toBe('draft');
    const o = await operator.post('/api/v1/eligibility/overrides', {
      organizationId: lead.org.id,
      challengeRef: ch.id,
      reason: '经人工复核，具备同等研发能力',
    });
    expect(o.statusCode, o.body).toBe(201);
    expect((await move(lead.client, a.id, 'submit')).statusCode).toBe(200);
  });

  it('counts the organisation’s real open applications against the limit', async () => {
    const solo = await orgUser(ctx);
    const first = await openChallenge();
    const a = await draft(solo.client, first.id);
    const check = async () =>
      (
        await solo.client.post('/api/v1/eligibility/check', { rules: { maxOpenApplicationsPerOrganization: 1, excludeDishonest: true } })
      ).json();
    expect((await check()).eligible).toBe(true);
    expect((await move(solo.client, a.id, 'submit')).statusCode).toBe(200);
    const c = await check();
    expect(c.eligible).toBe(false);
    expect(c.checks[0].reason).not.toContain('尚未上线');
    const limited = await openChallenge({ maxOpenApplicationsPerOrganization: 1, excludeDishonest: true });
    const b = await draft(solo.client, limited.id);
    const refused = await move(solo.client, b.id, 'submit');
    expect(refused.json().error.details.map((d: { rule: string }) => d.rule)).toEqual(['maxOpenApplicationsPerOrganization']);
    expect((await move(solo.client, a.id, 'withdraw')).statusCode).toBe(200);
    expect((await move(solo.client, b.id, 'submit')).statusCode).toBe(200);
  });
});

describe('operator decisions and reminders', () => {
  it('the operator shortlists or refuses with a reason; award waits for 公示', async () => {
    const lead = await orgUser(ctx);
    const ch = await openChallenge();
    const a = await draft(lead.client, ch.id);
    expect((await move(lead.client, a.id, 'submit')).statusCode).toBe(200);
    expect((await move(lead.client, a.id, 'shortlist')).statusCode).toBe(403);
    expect((await move(operator, a.id, 'not_award')).json().error.code).toBe('REASON_REQUIRED');
    // Shortlisting happens in review (docs/challenges.md, "Review and defence").
    expect((await move(operator, a.id, 'shortlist')).json().error.code).toBe('CHALLENGE_NOT_UNDER_REVIEW');
    await ctx.handle.db.update(schema.challenges).set({ status: 'under_review' }).where(eq(schema.challenges.id, ch.id));
    expect((await move(operator, a.id, 'shortlist')).json().status).toBe('shortlisted');
    expect((await move(operator, a.id, 'award')).statusCode).toBe(409);
    expect((await move(operator, a.id, 'not_award', '方案可行性不足')).json()).toMatchObject({
      status: 'not_awarded',
      statusReason: '方案可行性不足',
    });
  });

  it('reminds drafts’ leads 3 days and 1 day before the deadline, once each', async () => {
    const ch = await openChallenge(undefined, 3.5 * 24);
    const solo = await orgUser(ctx);
    const a = await draft(solo.client, ch.id);
    const mine = async () =>
      (await notes('application.deadline_reminder', solo.user.id)).map((n) => (n.data as { threshold: string }).threshold).sort();
    ctx.setNow(new Date(ch.applicationDeadline.getTime() - 4 * 86400_000));
    await remindApplicationDrafts({ services: ctx.services });
    expect(await mine()).toEqual([]);
    ctx.setNow(new Date(ch.applicationDeadline.getTime() - 2.5 * 86400_000));
    await remindApplicationDrafts({ services: ctx.services });
    await remindApplicationDrafts({ services: ctx.services });
    expect(await mine()).toEqual(['3d']);
    ctx.setNow(new Date(ch.applicationDeadline.getTime() - 3600_000));
    await remindApplicationDrafts({ services: ctx.services });
    expect(await mine()).toEqual(['1d', '3d']);
    expect((await notes('application.deadline_reminder', solo.user.id))[0]!.link).toBe(`/applications/${a.id}`);
  });
});
