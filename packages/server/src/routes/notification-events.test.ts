/**
 * Each event that asks someone to act, or decides about their item, notifies the right users
 * once (docs/notifications.md); the one who acted is not told of their own act.
 */
import { listNotifications, listOutbox, type NotificationRow } from '@scenebridge/db';
import { advanceCallsByClock } from '@scenebridge/app/calls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  makeOrganization,
  makeUser,
  orgUser,
  platformUser,
  randomCreditCode,
  scenarioNeedData,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../testing.js';
import { put, reviewFixtures } from './authorization.testing.js';

let ctx: TestContext;
let operator: { user: { id: string }; client: Client };
let otherOperator: { id: string };
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = await platformUser(ctx);
  otherOperator = (await platformUser(ctx)).user;
});
afterAll(async () => {
  await ctx?.close();
});

async function notes(userId: string, kind?: string): Promise<NotificationRow[]> {
  const all = (await listNotifications(ctx.services.db, userId, { limit: 100, offset: 0 })).items;
  return kind ? all.filter((n) => n.kind === kind) : all;
}

/** An organisation with an admin (who submits) and a member, and review fixtures for it. */
async function owners() {
  const admin = await orgUser(ctx);
  const member = await makeUser(ctx.services, admin.org.id, ['org_member']);
  return { admin, member, fx: reviewFixtures({ ctx, owner: admin.client, operator: operator.client }) };
}

async function reviewers(n: number) {
  const org = await makeOrganization(ctx.services, { kind: 'university' });
  return Promise.all(Array.from({ length: n }, () => makeUser(ctx.services, org.id, ['reviewer'])));
}

describe('review assignments', () => {
  it('a bulk run tells each reviewer once, listing their items; a manual assignment links the task', async () => {
    const { fx } = await owners();
    const { callId, items } = await fx.callInReview(3);
    const [r1, r2] = await reviewers(2);
    const res = await operator.client.post(`/api/v1/calls/${callId}/assignments/auto`, {});
    expect(res.statusCode, res.body).toBe(200);
    for (const r of [r1!, r2!]) {
      const mine = (await notes(r.id, 'review.assigned')).filter((n) => (n.data as { callId: string }).callId === callId);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toMatch(/有3个新的评审任务$/);
      expect(mine[0]!.link).toBe('/reviews');
      expect((mine[0]!.data as { assignmentIds: string[] }).assignmentIds).toHaveLength(3);
    }
    expect(await notes(operator.user.id, 'review.assigned')).toHaveLength(0);

    // Run again: nothing new is assigned, so nothing new is said.
    await operator.client.post(`/api/v1/calls/${callId}/assignments/auto`, {});
    expect((await notes(r1!.id, 'review.assigned')).filter((n) => (n.data as { callId: string }).callId === callId)).toHaveLength(1);

    const [r3] = await reviewers(1);
    const assignmentId = await fx.assign({ callId, id: items[0]! }, r3!.id);
    const single = await notes(r3!.id, 'review.assigned');
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ link: `/reviews/${assignmentId}`, data: { callId, assignmentIds: [assignmentId] } });
    expect(single[0]!.title).toMatch(/^新的评审任务：/);
  });

  it('an item returned and resubmitted during review asks its reviewers to score again', async () => {
    const { admin, member, fx } = await owners();
    const { callId, items } = await fx.callInReview(1);
    const [r] = await reviewers(1);
    const assignmentId = await fx.assign({ callId, id: items[0]! }, r!.id);
    const reviewer = await login(ctx.app, r!.email);
    const scores = { urgency: 80, demonstration: 80, feasibility: 80, openness: 80 };
    expect((await put(ctx, reviewer, `/api/v1/reviews/assignments/${assignmentId}`, { scores, submit: true })).statusCode).toBe(200);

    const back = await operator.client.post(`/api/v1/submissions/${items[0]}/transitions`, {
      action: 'return_for_revision',
      reason: '请补充现场数据说明',
    });
    expect(back.statusCode, back.body).toBe(200);
    for (const u of [admin.user.id, member.id]) {
      const returned = await notes(u, 'submission.returned');
      expect(returned).toHaveLength(1);
      expect(returned[0]!.body).toContain('原因：请补充现场数据说明');
      expect(returned[0]!.link).toBe(`/submissions/${items[0]}`);
    }
    expect(await notes(r!.id, 'review.reopened')).toHaveLength(0);

    expect((await admin.client.post(`/api/v1/submissions/${items[0]}/transitions`, { action: 'resubmit' })).statusCode).toBe(200);
    const reopened = await notes(r!.id, 'review.reopened');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ link: `/reviews/${assignmentId}`, data: { assignmentId, submissionId: items[0] } });
    // The owner acted: they are not told of their own resubmission.
    expect(await notes(admin.user.id, 'review.reopened')).toHaveLength(0);
  });
});

describe('decisions about an item', () => {
  it('selecting many items at once tells each user of each owning organisation once, with only their items', async () => {
    const a = await owners();
    const b = await owners();
    const callId = (await makeCall(ctx.services, { status: 'open' })).id;
    const submit = async (c: Client, n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await c.post('/api/v1/submissions', { callId, data: scenarioNeedData({ title: `通知测试场景需求${i}${Date.now()}` }) });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json().id as string);
        expect((await c.post(`/api/v1/submissions/${ids[i]}/transitions`, { action: 'submit' })).statusCode).toBe(200);
      }
      return ids;
    };
    const ofA = await submit(a.admin.client, 3);
    const ofB = await submit(b.admin.client, 1);
    for (const action of ['close', 'start_review']) {
      expect((await operator.client.post(`/api/v1/calls/${callId}/transitions`, { action })).statusCode).toBe(200);
    }
    const res = await operator.client.post(`/api/v1/calls/${callId}/selection`, { submissionIds: [...ofA, ...ofB], action: 'select' });
    expect(res.statusCode, res.body).toBe(200);
    for (const u of [a.admin.user.id, a.member.id]) {
      const selected = await notes(u, 'submission.selected');
      expect(selected).toHaveLength(1);
      expect(selected[0]!.title).toBe('您的3个项目已入选');
      expect((selected[0]!.data as { submissionIds: string[] }).submissionIds.sort()).toEqual([...ofA].sort());
      expect(selected[0]!.link).toBe('/submissions');
    }
    for (const u of [b.admin.user.id, b.member.id]) {
      const selected = await notes(u, 'submission.selected');
      expect(selected).toHaveLength(1);
      expect(selected[0]!.title).toMatch(/^您的「通知测试场景需求0\d+」已入选$/);
      expect(selected[0]!.link).toBe(`/submissions/${ofB[0]}`);
    }
    expect(await notes(operator.user.id, 'submission.selected')).toHaveLength(0);
  });

  it('a rejection names the item and gives the reason', async () => {
    const { admin, fx } = await owners();
    const { callId, items } = await fx.callInReview(2);
    const res = await operator.client.post(`/api/v1/calls/${callId}/selection`, {
      submissionIds: [items[1]],
      action: 'reject',
      reason: '与本次征集方向不符',
    });
    expect(res.statusCode, res.body).toBe(200);
    const rejected = await notes(admin.user.id, 'submission.rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.title).toMatch(/^您的「.+」未入选$/);
    expect(rejected[0]!.body).toContain('原因：与本次征集方向不符');
    expect(rejected[0]!.link).toBe(`/submissions/${items[1]}`);
  });

  it('publishing a batch tells each owner once per batch, with their items', async () => {
    const { admin, member, fx } = await owners();
    const { batchId, items } = await fx.publishedBatch(2);
    for (const u of [admin.user.id, member.id]) {
      const published = await notes(u, 'submission.published');
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({ title: '您的2个项目已发布', dedupeKey: `submission.published:${batchId}:${u}` });
      expect(published[0]!.body).toContain('年第');
      expect((published[0]!.data as { submissionIds: string[] }).submissionIds.sort()).toEqual([...items].sort());
    }
    expect(await notes(operator.user.id, 'submission.published')).toHaveLength(0);
  });
});

describe('organisations', () => {
  it('a registration asks the operators to review; the decision tells the organisation’s admin', async () => {
    const email = `reg-${Date.now()}@notify.example.cn`;
    const reg = await anonymous(ctx.app).post('/api/v1/organizations/register', {
      name: `通知测试注册机构${Date.now()}`,
      creditCode: randomCreditCode(),
      kind: 'ai_company',
      regionCode: '500112',
      contactName: '王经理',
      contactPhone: '023-63891234',
      admin: { email, displayName: '王经理', password: TEST_PASSWORD },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const orgId = reg.json().organization.id as string;
    const pendingFor = async (userId: string) =>
      (await notes(userId, 'organization.pending')).filter((n) => (n.data as { organizationId: string }).organizationId === orgId);
    for (const op of [operator.user.id, otherOperator.id]) expect(await pendingFor(op)).toHaveLength(1);

    const admin = await login(ctx.app, email);
    const adminId = (await admin.get('/api/v1/auth/me')).json().user.id as string;
    const reject = await operator.client.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'reject', reason: '营业执照不清晰' });
    expect(reject.statusCode, reject.body).toBe(200);
    const rejected = await notes(adminId, 'organization.rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.body).toContain('原因：营业执照不清晰');

    expect((await admin.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'reapply' })).statusCode).toBe(200);
    // Asked again: both operators hear of it, the admin who reapplied hears nothing of it.
    for (const op of [operator.user.id, otherOperator.id]) expect(await pendingFor(op)).toHaveLength(2);
    expect(await notes(adminId, 'organization.pending')).toHaveLength(0);

    expect((await operator.client.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'approve' })).statusCode).toBe(200);
    expect(await notes(adminId, 'organization.approved')).toHaveLength(1);
  });
});

describe('calls', () => {
  it('a call closed by the clock asks every operator to start review; closed by hand, the others', async () => {
    const t0 = new Date();
    const { fx } = await owners();
    const byHand = (await fx.callInReview(1)).callId; // closed by `operator`, then in review
    const closedFor = async (userId: string, callId: string) =>
      (await notes(userId, 'call.closed')).filter((n) => (n.data as { callId: string }).callId === callId);
    expect(await closedFor(operator.user.id, byHand)).toHaveLength(0);
    expect(await closedFor(otherOperator.id, byHand)).toHaveLength(1);
    expect((await closedFor(otherOperator.id, byHand))[0]!.body).toBe('共1个项目已提交，可开始评审。');

    const due = await makeCall(ctx.services, {
      status: 'open',
      input: { opensAt: new Date(t0.getTime() - 2 * 86400_000).toISOString(), closesAt: new Date(t0.getTime() + 3600_000).toISOString() },
    });
    ctx.setNow(new Date(t0.getTime() + 2 * 3600_000));
    try {
      expect(await advanceCallsByClock({ services: ctx.services })).toBeGreaterThan(0);
    } finally {
      ctx.setNow(t0);
    }
    for (const op of [operator.user.id, otherOperator.id]) {
      const closed = await closedFor(op, due.id);
      expect(closed).toHaveLength(1);
      expect(closed[0]).toMatchObject({ link: `/calls/${due.id}/review`, body: '没有已提交的项目。' });
    }
  });
});

describe('email opt-in', () => {
  it('email goes through the outbox only where the user opted in; in-app can be turned off', async () => {
    const { fx } = await owners();
    const { callId, items } = await fx.callInReview(3);
    const [optedIn, quiet, muted] = await reviewers(3);
    const client = async (u: { email: string }) => login(ctx.app, u.email);
    const setPref = async (u: { email: string }, inApp: boolean, email: boolean) => {
      const res = await put(ctx, await client(u), '/api/v1/notifications/preferences', {
        items: [{ kind: 'review.assigned', inApp, email }],
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await setPref(optedIn!, true, true);
    await setPref(muted!, false, true);
    for (const [i, r] of [optedIn!, quiet!, muted!].entries()) await fx.assign({ callId, id: items[i]! }, r.id);

    const mails = async (to: string) =>
      (await listOutbox(ctx.services.db, { kind: 'notification' })).filter((m) => (m.payload as { to: string }).to === to);
    expect(await notes(optedIn!.id, 'review.assigned')).toHaveLength(1);
    expect(await mails(optedIn!.email)).toHaveLength(1);
    expect((await mails(optedIn!.email))[0]!.payload).toMatchObject({ title: expect.stringMatching(/^新的评审任务：/) });

    // No choice made: in the app only (email is opt-in for this kind).
    expect(await notes(quiet!.id, 'review.assigned')).toHaveLength(1);
    expect(await mails(quiet!.email)).toHaveLength(0);

    // In-app off, email on: the email alone, without a notification to point at.
    expect(await notes(muted!.id)).toHaveLength(0);
    const mutedMail = await mails(muted!.email);
    expect(mutedMail).toHaveLength(1);
    expect(mutedMail[0]!.payload).toMatchObject({ notificationId: null });
  });

  it('a kind that emails by default stops emailing once the user turns its email off', async () => {
    const { fx } = await owners();
    const { callId, items } = await fx.callInReview(1);
    const [r] = await reviewers(1);
    const due = new Date(Date.now() - 3600_000).toISOString();
    const res = await operator.client.post(`/api/v1/calls/${callId}/assignments`, {
      submissionId: items[0],
      reviewerUserId: r!.id,
      dueAt: due,
    });
    expect(res.statusCode, res.body).toBe(201);
    const me = await login(ctx.app, r!.email);
    const prefs = (await me.get('/api/v1/notifications/preferences')).json().items as Array<{ kind: string; email: boolean }>;
    expect(prefs.find((p) => p.kind === 'review.overdue')).toMatchObject({ email: true });
    await put(ctx, me, '/api/v1/notifications/preferences', { items: [{ kind: 'review.overdue', inApp: true, email: false }] });
    const { remindOverdueReviews } = await import('@scenebridge/app/review');
    await remindOverdueReviews(ctx.services);
    expect(await notes(r!.id, 'review.overdue')).toHaveLength(1);
    const mails = (await listOutbox(ctx.services.db, { kind: 'notification' })).filter(
      (m) => (m.payload as { to: string }).to === r!.email,
    );
    expect(mails).toHaveLength(0);
  });
});
