import { listNotifications, listOutbox, notifyUsers } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeOrganization,
  makeUser,
  orgUser,
  platformUser,
  type Client,
  type TestContext,
} from '../testing.js';
import { remindOverdueReviews } from '@scenebridge/app/review';
import { put, reviewFixtures } from './authorization.testing.js';

let ctx: TestContext;
let operator: Client;
const t0 = new Date('2026-04-01T02:00:00Z'); // 10:00 in Shanghai
const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);
beforeAll(async () => {
  ctx = await createTestContext({ now: t0, config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

describe('notifications API', () => {
  it('every logged-in user lists and reads only their own', async () => {
    const member = await orgUser(ctx, { roles: ['org_member'] });
    const outsider = await orgUser(ctx);
    await notifyUsers(ctx.services.db, [
      ...[1, 2, 3].map((i) => ({ userId: member.user.id, kind: 'test.note', title: `第${i}条通知`, link: `/submissions/${i}` })),
      { userId: outsider.user.id, kind: 'test.note', title: '别人的通知' },
    ]);
    const anon = anonymous(ctx.app);
    expect((await anon.get('/api/v1/notifications')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/notifications/read-all')).statusCode).toBe(401);

    const mine = (await member.client.get('/api/v1/notifications')).json();
    expect(mine).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(mine.items.map((n: { title: string }) => n.title).sort()).toEqual(['第1条通知', '第2条通知', '第3条通知']);
    expect(mine.items[0]).toMatchObject({ kind: 'test.note', readAt: null });
    expect((await member.client.get('/api/v1/notifications?pageSize=2&page=2')).json().items).toHaveLength(1);
    const id = mine.items[0].id as string;
    expect((await anon.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(401);

    // Someone else's notification is not there for them; nothing changes.
    expect((await outsider.client.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    for (const roles of [['operator'], ['reviewer'], ['broker']] as const) {
      const c = (await platformUser(ctx, [...roles])).client;
      expect((await c.get('/api/v1/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
      expect((await c.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
      expect((await c.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
    }
    expect((await outsider.client.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await member.client.get('/api/v1/notifications')).json().unread).toBe(3);

    expect((await member.client.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await member.client.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await member.client.get('/api/v1/notifications')).json().unread).toBe(2);
    expect((await member.client.get('/api/v1/notifications?unread=true')).json().items.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await member.client.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await member.client.get('/api/v1/notifications')).json()).toMatchObject({ total: 3, unread: 0 });
    expect((await member.client.post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('users of organisations not yet approved get their notifications too', async () => {
    const pending = await orgUser(ctx, { status: 'pending' });
    await notifyUsers(ctx.services.db, [{ userId: pending.user.id, kind: 'test.note', title: '审核进度' }]);
    expect((await pending.client.get('/api/v1/notifications')).json().total).toBe(1);
  });
});

describe('overdue review reminders', () => {
  it('remind the reviewer of each unscored assignment past due, once per Shanghai day, in the app and by email', async () => {
    const owner = (await orgUser(ctx)).client;
    const fx = reviewFixtures({ ctx, owner, operator });
    const { callId, items } = await fx.callInReview(2);
    const reviewerOrg = await makeOrganization(ctx.services, { kind: 'university' });
    const late = await makeUser(ctx.services, reviewerOrg.id, ['reviewer']);
    const punctual = await makeUser(ctx.services, reviewerOrg.id, ['reviewer']);
    const assign = async (submissionId: string, reviewerUserId: string, dueAt: Date) => {
      const res = await operator.post(`/api/v1/calls/${callId}/assignments`, { submissionId, reviewerUserId, dueAt: dueAt.toISOString() });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const overdue = await assign(items[0]!, late.id, hours(1));
    const scored = await assign(items[1]!, late.id, hours(1));
    await assign(items[0]!, punctual.id, hours(48));
    const reviewer = await login(ctx.app, late.email);
    const scores = { urgency: 80, demonstration: 80, feasibility: 80, openness: 80 };
    expect((await put(ctx, reviewer, `/api/v1/reviews/assignments/${scored}`, { scores, submit: true })).statusCode).toBe(200);

    const notes = async (userId: string) =>
      (await listNotifications(ctx.services.db, userId, { limit: 50, offset: 0 })).items.filter((n) => n.kind === 'review.overdue');
    const mails = async (email: string) =>
      (await listOutbox(ctx.services.db, { kind: 'notification' })).filter((m) => (m.payload as { to: string }).to === email);

    expect(await remindOverdueReviews(ctx.services, t0)).toEqual({ overdue: 0 });
    await remindOverdueReviews(ctx.services, hours(2));
    await remindOverdueReviews(ctx.services, hours(3));
    await remindOverdueReviews(ctx.services, hours(13.99)); // 23:59 in Shanghai
    const first = await notes(late.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ link: `/reviews/${overdue}`, data: { assignmentId: overdue } });
    expect(first[0]!.title).toMatch(/^评审任务已逾期：/);
    expect(first[0]!.body).toContain('2026/04/01 11:00');
    expect(await mails(late.email)).toHaveLength(1);
    expect(await notes(punctual.id)).toHaveLength(0);

    await remindOverdueReviews(ctx.services, hours(14)); // the next Shanghai day
    expect(await notes(late.id)).toHaveLength(2);
    expect(await mails(late.email)).toHaveLength(2);

    // Scored: no more reminders.
    ctx.setNow(hours(14));
    const again = await login(ctx.app, late.email);
    expect((await put(ctx, again, `/api/v1/reviews/assignments/${overdue}`, { scores, submit: true })).statusCode).toBe(200);
    await remindOverdueReviews(ctx.services, hours(40));
    expect(await notes(late.id)).toHaveLength(2);
    ctx.setNow(t0);
  });
});

describe('notification preferences', () => {
  it('lists the kinds of the user’s roles with their defaults, and stores only the kinds changed', async () => {
    const member = await orgUser(ctx, { roles: ['org_member'] });
    const items = (await member.client.get('/api/v1/notifications/preferences')).json().items as Array<{
      kind: string;
      inApp: boolean;
      email: boolean;
    }>;
    const kinds = items.map((i) => i.kind);
    expect(kinds).toContain('submission.selected');
    expect(kinds).not.toContain('review.assigned');
    expect(kinds).not.toContain('organization.approved'); // the organisation's admins only
    expect(items.find((i) => i.kind === 'submission.selected')).toEqual({ kind: 'submission.selected', inApp: true, email: false });
    expect(items.find((i) => i.kind === 'interest.received')).toEqual({ kind: 'interest.received', inApp: true, email: true });

    const res = await put(ctx, member.client, '/api/v1/notifications/preferences', {
      items: [{ kind: 'submission.selected', inApp: false, email: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().items as typeof items;
    expect(after.find((i) => i.kind === 'submission.selected')).toEqual({ kind: 'submission.selected', inApp: false, email: true });
    expect(after.find((i) => i.kind === 'interest.received')).toEqual({ kind: 'interest.received', inApp: true, email: true });
    expect((await member.client.get('/api/v1/notifications/preferences')).json()).toEqual(res.json());
    // Someone else's settings are untouched.
    const other = await orgUser(ctx, { roles: ['org_member'] });
    expect(
      ((await other.client.get('/api/v1/notifications/preferences')).json().items as typeof items).find(
        (i) => i.kind === 'submission.selected',
      ),
    ).toEqual({ kind: 'submission.selected', inApp: true, email: false });
  });

  it('refuses unknown kinds, a kind twice, an empty list and kinds the user’s roles never receive, changing nothing', async () => {
    const member = await orgUser(ctx, { roles: ['org_member'] });
    const before = (await member.client.get('/api/v1/notifications/preferences')).json();
    const refused = async (items: unknown, code: string) => {
      const res = await put(ctx, member.client, '/api/v1/notifications/preferences', { items });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
      return res.json().error;
    };
    await refused([{ kind: 'no.such.kind', inApp: true, email: true }], 'VALIDATION_FAILED');
    await refused(
      [
        { kind: 'submission.selected', inApp: true, email: true },
        { kind: 'submission.selected', inApp: false, email: false },
      ],
      'VALIDATION_FAILED',
    );
    await refused([], 'VALIDATION_FAILED');
    await refused([{ kind: 'submission.selected', inApp: 'yes', email: true }], 'VALIDATION_FAILED');
    const foreign = await refused(
      [
        { kind: 'submission.selected', inApp: false, email: false },
        { kind: 'review.assigned', inApp: true, email: true },
      ],
      'VALIDATION_FAILED',
    );
    expect(foreign.message).toBe('您的角色不会收到这类通知：新的评审任务');
    expect(foreign.details).toEqual([{ path: 'items.1.kind', message: '您的角色不会收到这类通知' }]);
    expect((await member.client.get('/api/v1/notifications/preferences')).json()).toEqual(before);
    const valid = { items: [{ kind: 'submission.selected', inApp: true, email: true }] };
    expect((await put(ctx, anonymous(ctx.app), '/api/v1/notifications/preferences', valid)).statusCode).toBe(401);
  });
});
