/**
 * A published listing's life after publication: an interest moves it to matching (by the system,
 * audited, once), and the clock expires it when its validity ends, reminding its owner 30 days
 * before and telling them once it has expired.
 */
import { expireSubmissionsByClock } from '@scenebridge/app/submissions';
import { schema } from '@scenebridge/db';
import { listingValidUntil } from '@scenebridge/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityData, publishThroughApi } from '../portal/testing.js';
import { createTestContext, makeCall, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const DAY = 24 * 3600_000;
// 2026-03-15 10:00 Asia/Shanghai: valid until 2027-03-15 24:00 Shanghai.
const T0 = new Date('2026-03-15T02:00:00Z');

let ctx: TestContext;
let operator: Client;

/** A database of its own per describe: the expiry counts see only what their test published. */
async function freshContext() {
  await ctx?.close();
  // Sessions outlive the year the clock is moved on here.
  ctx = await createTestContext({ now: T0, config: { sessionTtlMs: 5 * 365 * DAY } });
  operator = (await platformUser(ctx)).client;
}
afterAll(async () => {
  await ctx?.close();
});

const statusOf = async (owner: Client, id: string) => (await owner.get(`/api/v1/submissions/${id}`)).json().status as string;

async function auditOf(ids: string[], action: string) {
  return ctx.services.db
    .select()
    .from(schema.auditEvents)
    .where(and(inArray(schema.auditEvents.entityId, ids), eq(schema.auditEvents.action, action)))
    .orderBy(asc(schema.auditEvents.seq));
}

async function notesOf(owner: Client, kind: string) {
  const me = (await owner.get('/api/v1/auth/me')).json();
  const userId = (me.user?.id ?? me.id) as string;
  return ctx.services.db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, kind)));
}

describe('interest starts matching', () => {
  beforeAll(freshContext);
  it('moves both published listings of the pair to matching, by the system, audited, only on the first interest', async () => {
    const needs = await publishThroughApi(ctx, operator, { items: [{ title: '焊装车间焊点质量视觉检测' }] });
    const caps = await publishThroughApi(ctx, operator, {
      listType: 'capability',
      items: [capabilityData(), capabilityData({ title: '焊点缺陷深度学习检测系统' })],
    });
    const needId = needs.submissionIds[0]!;
    const [capA, capB] = caps.submissionIds as [string, string];

    const first = await caps.owners[0]!.post('/api/v1/interests', { needId, capabilityId: capA, message: '可现场演示' });
    expect(first.statusCode, first.body).toBe(201);
    const interestId = first.json().id as string;
    expect(await statusOf(needs.owners[0]!, needId)).toBe('matching');
    expect(await statusOf(caps.owners[0]!, capA)).toBe('matching');

    const moves = await auditOf([needId, capA], 'submission.start_matching');
    expect(moves).toHaveLength(2);
    for (const m of moves) {
      expect(m).toMatchObject({
        actorUserId: null,
        actorLabel: 'system',
        fromState: 'published',
        toState: 'matching',
        reason: '收到对接意向',
      });
      expect(m.data).toEqual({ cause: { kind: 'interest', id: interestId } });
    }

    // A repeated interest and a second one on the same need move nothing already in matching.
    expect((await caps.owners[0]!.post('/api/v1/interests', { needId, capabilityId: capA })).statusCode).toBe(200);
    expect((await caps.owners[1]!.post('/api/v1/interests', { needId, capabilityId: capB })).statusCode).toBe(201);
    expect(await auditOf([needId], 'submission.start_matching')).toHaveLength(1);
    expect(await statusOf(caps.owners[1]!, capB)).toBe('matching');
    expect(await auditOf([capB], 'submission.start_matching')).toHaveLength(1);
  });

  it('leaves an item that is not published where it is', async () => {
    const needs = await publishThroughApi(ctx, operator, { items: [{ title: '门诊智能导诊与分诊服务' }] });
    const needId = needs.submissionIds[0]!;
    const supplier = (await orgUser(ctx)).client;
    const call = await makeCall(ctx.services, { status: 'open', input: { listType: 'capability' } });
    const capId = (
      await supplier.post('/api/v1/submissions', { callId: call.id, data: capabilityData({ title: '医疗导诊问答系统' }) })
    ).json().id as string;
    expect((await supplier.post(`/api/v1/submissions/${capId}/transitions`, { action: 'submit' })).statusCode).toBe(200);

    expect((await supplier.post('/api/v1/interests', { needId, capabilityId: capId })).statusCode).toBe(201);
    expect(await statusOf(supplier, capId)).toBe('submitted');
    expect(await auditOf([capId], 'submission.start_matching')).toEqual([]);
    expect(await statusOf(needs.owners[0]!, needId)).toBe('matching');
  });
});

describe('expiry by the clock', () => {
  beforeAll(freshContext);
  it('sets the validity at publication, reminds 30 days before, expires exactly the past-due listings once, and tells the owner once', async () => {
    const a = await publishThroughApi(ctx, operator, {
      sameOwner: true,
      items: [{ title: '园区安防视频智能分析' }, { title: '园区能耗智能调度优化' }, { title: '园区物流无人配送试点' }],
    });
    const [published, matching, awarded] = a.submissionIds as [string, string, string];
    const owner = a.owners[0]!;
    const validUntil = listingValidUntil(T0);
    expect(validUntil.toISOString()).toBe('2027-03-15T16:00:00.000Z');
    const rows = await ctx.services.db.select().from(schema.submissions).where(inArray(schema.submissions.id, a.submissionIds));
    expect(rows.map((r) => r.validUntil?.toISOString())).toEqual(Array(3).fill(validUntil.toISOString()));

    // Two months on: a later batch (valid later) and a capability whose interest puts one listing in matching.
    ctx.setNow(new Date(T0.getTime() + 60 * DAY));
    const later = await publishThroughApi(ctx, operator, { items: [{ title: '社区养老智能看护服务' }] });
    const cap = await publishThroughApi(ctx, operator, {
      listType: 'capability',
      items: [capabilityData({ title: '园区能耗优化算法平台' })],
    });
    expect((await cap.owners[0]!.post('/api/v1/interests', { needId: matching, capabilityId: cap.submissionIds[0] })).statusCode).toBe(201);
    expect(await statusOf(owner, matching)).toBe('matching');
    const award = await operator.post(`/api/v1/submissions/${awarded}/transitions`, { action: 'award' });
    expect(award.statusCode, award.body).toBe(200);

    // 31 days before the end: nothing yet.
    ctx.setNow(new Date(validUntil.getTime() - 31 * DAY));
    expect(await expireSubmissionsByClock({ services: ctx.services })).toEqual({ expired: 0, reminded: 0 });
    // 29 days before: the two current listings of batch A are reminded, in one notification; once.
    ctx.setNow(new Date(validUntil.getTime() - 29 * DAY));
    expect(await expireSubmissionsByClock({ services: ctx.services })).toEqual({ expired: 0, reminded: 2 });
    expect(await expireSubmissionsByClock({ services: ctx.services })).toEqual({ expired: 0, reminded: 0 });
    const reminders = await notesOf(owner, 'submission.expiring');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toBe('您的2个已发布项目即将到期');
    expect(reminders[0]!.body).toContain('有效期至2027-03-15');
    expect((reminders[0]!.data as { submissionIds: string[] }).submissionIds.sort()).toEqual([published, matching].sort());

    // The last instant of validity: still current.
    ctx.setNow(new Date(validUntil.getTime() - 1));
    expect((await expireSubmissionsByClock({ services: ctx.services })).expired).toBe(0);
    expect(await statusOf(owner, published)).toBe('published');

    // 24:00 Shanghai: exactly the published and matching listings of batch A expire.
    ctx.setNow(validUntil);
    expect(await expireSubmissionsByClock({ services: ctx.services })).toEqual({ expired: 2, reminded: 0 });
    expect(await statusOf(owner, published)).toBe('expired');
    expect(await statusOf(owner, matching)).toBe('expired');
    expect(await statusOf(owner, awarded)).toBe('awarded');
    expect(await statusOf(later.owners[0]!, later.submissionIds[0]!)).toBe('published');
    expect(await statusOf(cap.owners[0]!, cap.submissionIds[0]!)).toBe('matching');
    const detail = (await owner.get(`/api/v1/submissions/${published}`)).json();
    expect(detail.statusReason).toBe('有效期至2027-03-15，已届满');

    const expiries = await auditOf(a.submissionIds, 'submission.expire');
    expect(expiries.map((e) => [e.entityId, e.fromState, e.toState, e.actorLabel, e.actorUserId]).sort()).toEqual(
      [
        [published, 'published', 'expired', 'system', null],
        [matching, 'matching', 'expired', 'system', null],
      ].sort(),
    );
    const told = await notesOf(owner, 'submission.expired');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toBe('您的2个已发布项目已过期');
    expect(told[0]!.link).toBe('/submissions');

    // No longer public: another organisation's view of the listing is gone.
    expect((await (await orgUser(ctx)).client.get(`/api/v1/listings/${published}`)).statusCode).toBe(404);

    // Idempotent: a re-run (or a later one) changes and tells nothing more.
    ctx.setNow(new Date(validUntil.getTime() + DAY));
    expect(await expireSubmissionsByClock({ services: ctx.services })).toEqual({ expired: 0, reminded: 0 });
    expect(await auditOf(a.submissionIds, 'submission.expire')).toHaveLength(2);
    expect(await notesOf(owner, 'submission.expired')).toHaveLength(1);

    // The owner's notification list shows it.
    const list = (await owner.get('/api/v1/notifications')).json();
    expect(JSON.stringify(list)).toContain('已过期');
  });
});
