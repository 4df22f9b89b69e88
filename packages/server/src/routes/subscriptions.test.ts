import { listAuditEvents, listOutbox, schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '@scenebridge/app/mail/testing';
import { smtpSender } from '@scenebridge/app/mail';
import { deliverOutbox } from '@scenebridge/app/mail';
import { capabilityData, publishThroughApi } from '../portal/testing.js';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  makeUser,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';
import { isDigestDue, scanSubscriptions, sendDigests } from '@scenebridge/app/subscriptions';
import { testMatcher } from '@scenebridge/app/subscriptions/subscriptions.testing';

let ctx: TestContext;
let operator: Client;
const t0 = new Date('2026-04-01T02:00:00Z'); // 10:00 in Shanghai
beforeAll(async () => {
  ctx = await createTestContext({ now: t0, config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

const search = (q: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  kind: 'saved_search',
  name: '机器视觉需求',
  frequency: 'daily',
  query: q,
  ...extra,
});
const audits = async (id: string) =>
  (await listAuditEvents(ctx.services.db, { entityType: 'subscription', entityId: id, limit: 50, offset: 0, ascending: true })).items.map(
    (e) => e.action,
  );

/** A draft capability of the client's organisation, for "match me" profiles. */
async function ownCapability(client: Client) {
  const call = await makeCall(ctx.services, { input: { listType: 'capability' } });
  const res = await client.post('/api/v1/submissions', { callId: call.id, data: capabilityData({ title: '自有能力：工业视觉平台' }) });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Scenario needs submitted by the given organisations' clients (one each), then selected and published. */
async function publishAs(owners: Client[], titles: string[]): Promise<string[]> {
  const call = await makeCall(ctx.services);
  const ids: string[] = [];
  for (const [i, owner] of owners.entries()) {
    const id = (await owner.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title: titles[i] }) })).json()
      .id as string;
    expect((await owner.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    ids.push(id);
  }
  for (const action of ['close', 'start_review'])
    expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action })).statusCode).toBe(200);
  expect((await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: ids, action: 'select' })).statusCode).toBe(200);
  expect((await operator.post(`/api/v1/calls/${call.id}/batches`, {})).statusCode).toBe(201);
  return ids;
}

describe('subscriptions API', () => {
  it('creates, lists, reads, changes and deletes one’s own, audited', async () => {
    const { client } = await orgUser(ctx, { roles: ['org_member'] });
    const created = await client.post('/api/v1/subscriptions', search({ q: '机器视觉', sector: 'manufacturing' }));
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      kind: 'saved_search',
      name: '机器视觉需求',
      frequency: 'daily',
      emailEnabled: true,
      active: true,
      pendingHits: 0,
      query: { q: '机器视觉', sector: 'manufacturing' },
    });
    expect((await client.get('/api/v1/subscriptions')).json().items.map((i: { id: string }) => i.id)).toEqual([s.id]);
    expect((await client.get(`/api/v1/subscriptions/${s.id}`)).json().id).toBe(s.id);

    const patched = await client.patch(`/api/v1/subscriptions/${s.id}`, {
      name: '视觉（每周）',
      frequency: 'weekly',
      emailEnabled: false,
      query: { q: '缺陷检测' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: '视觉（每周）', frequency: 'weekly', emailEnabled: false, query: { q: '缺陷检测' } });
    expect((await client.patch(`/api/v1/subscriptions/${s.id}`, { active: false })).json()).toMatchObject({ active: false });
    expect((await client.patch(`/api/v1/subscriptions/${s.id}`, { active: true })).json()).toMatchObject({
      active: true,
      unsubscribedAt: null,
    });

    expect((await client.delete(`/api/v1/subscriptions/${s.id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/v1/subscriptions/${s.id}`)).statusCode).toBe(404);
    expect(await audits(s.id)).toEqual([
      'subscription.created',
      'subscription.unsubscribed',
      'subscription.resubscribed',
      'subscription.deleted',
    ]);
  });

  it('validates the query for its kind; a profile takes only the organisation’s own items', async () => {
    const { client } = await orgUser(ctx);
    const bad = async (body: unknown, code: string) => {
      const res = await client.post('/api/v1/subscriptions', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
    };
    await bad(search({}), 'VALIDATION_FAILED');
    await bad(search({ sector: 'astrology' }), 'VALIDATION_FAILED');
    await bad(search({ q: '视觉', extra: 1 }), 'VALIDATION_FAILED');
    await bad(search({ q: '视觉' }, { frequency: 'hourly' }), 'VALIDATION_FAILED');
    await bad({ kind: 'match_profile', name: '为我匹配', query: { q: '视觉' } }, 'VALIDATION_FAILED');
    const other = await orgUser(ctx);
    const theirs = await ownCapability(other.client);
    await bad({ kind: 'match_profile', name: '为我匹配', query: { submissionIds: [theirs] } }, 'PROFILE_ITEMS_INVALID');
    await bad(
      { kind: 'match_profile', name: '为我匹配', query: { submissionIds: ['00000000-0000-4000-8000-000000000000'] } },
      'PROFILE_ITEMS_INVALID',
    );
    const mine = await ownCapability(client);
    const ok = await client.post('/api/v1/subscriptions', {
      kind: 'match_profile',
      name: '为我匹配',
      frequency: 'weekly',
      query: { submissionIds: [mine, mine] },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().query).toEqual({ submissionIds: [mine] });
    const id = ok.json().id as string;
    const patch = await client.patch(`/api/v1/subscriptions/${id}`, { query: { submissionIds: [theirs] } });
    expect(patch.json().error.code).toBe('PROFILE_ITEMS_INVALID');
    expect((await client.patch(`/api/v1/subscriptions/${id}`, { query: { q: '视觉' } })).statusCode).toBe(400);
  });

  it('authorization: only users of approved organisations subscribe; each sees and changes only their own', async () => {
    const member = await orgUser(ctx, { roles: ['org_member'] });
    const id = (await member.client.post('/api/v1/subscriptions', search({ q: '视觉' }))).json().id as string;
    const colleague = await login(ctx.app, (await makeUser(ctx.services, member.org.id, ['org_admin'])).email);
    const outsider = (await orgUser(ctx)).client;
    const pending = (await orgUser(ctx, { status: 'pending' })).client;
    const reviewer = (await platformUser(ctx, ['reviewer'])).client;
    const broker = (await platformUser(ctx, ['broker'])).client;
    const anon = anonymous(ctx.app);
    const routes = (c: Client) => [
      c.get('/api/v1/subscriptions'),
      c.post('/api/v1/subscriptions', search({ q: '视觉' })),
      c.get(`/api/v1/subscriptions/${id}`),
      c.patch(`/api/v1/subscriptions/${id}`, { name: '改名' }),
      c.get(`/api/v1/subscriptions/${id}/hits`),
      c.delete(`/api/v1/subscriptions/${id}`),
    ];
    const statuses = async (c: Client) => {
      const out: number[] = [];
      for (const p of routes(c)) out.push((await p).statusCode);
      return out;
    };
    expect(await statuses(anon)).toEqual([401, 401, 401, 401, 401, 401]);
    for (const c of [operator, reviewer, broker]) expect(await statuses(c)).toEqual([403, 403, 403, 403, 403, 403]);
    const p = await pending.get('/api/v1/subscriptions');
    expect([p.statusCode, p.json().error.code]).toEqual([403, 'ORGANIZATION_NOT_APPROVED']);
    // Another user — of another organisation, or of the same one — may subscribe but not touch this one.
    expect(await statuses(outsider)).toEqual([200, 201, 404, 404, 404, 404]);
    expect(await statuses(colleague)).toEqual([200, 201, 404, 404, 404, 404]);
    const after = (await member.client.get(`/api/v1/subscriptions/${id}`)).json();
    expect(after).toMatchObject({ name: '机器视觉需求', active: true });
    expect((await member.client.get('/api/v1/subscriptions')).json().items).toHaveLength(1);
  });

  it('refuses more than the per-user limit', async () => {
    const { client } = await orgUser(ctx);
    for (let i = 0; i < 20; i++) expect((await client.post('/api/v1/subscriptions', search({ q: `词${i}` }))).statusCode).toBe(201);
    const res = await client.post('/api/v1/subscriptions', search({ q: '再来一个' }));
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'SUBSCRIPTION_LIMIT']);
  });
});

describe('matching new publications, digests and the one-click unsubscribe', () => {
  it('scan → hits and one notification per subscription → one digest email each → unsubscribe from the email', async () => {
    const subscriber = await orgUser(ctx, { roles: ['org_member'] });
    const own = await ownCapability(subscriber.client);
    const saved = (await subscriber.client.post('/api/v1/subscriptions', search({ q: '机器视觉' }))).json();
    const profile = (
      await subscriber.client.post('/api/v1/subscriptions', {
        kind: 'match_profile',
        name: '为我匹配',
        frequency: 'weekly',
        query: { submissionIds: [own] },
      })
    ).json();
    const matcher = testMatcher(ctx.services);

    const pub = await publishThroughApi(ctx, operator, {
      items: [
        { title: '汽车零部件机器视觉检测', sector: 'manufacturing' },
        { title: '钢板表面机器视觉质检', sector: 'manufacturing' },
        { title: '社区居家养老陪护服务', sector: 'elderly_care' },
      ],
    });
    const [car, steel, care] = pub.submissionIds;
    const first = await scanSubscriptions(ctx.services, matcher);
    expect(first.skipped).toBe(false);
    const hitIds = async (id: string) =>
      (await subscriber.client.get(`/api/v1/subscriptions/${id}/hits`))
        .json()
        .items.map((h: { submissionId: string }) => h.submissionId)
        .sort();
    expect(await hitIds(saved.id)).toEqual([car, steel].sort());
    expect(await hitIds(profile.id)).toEqual([car, steel].sort());
    expect(await hitIds(saved.id)).not.toContain(care);
    const notes = (await subscriber.client.get('/api/v1/notifications')).json();
    expect(notes.items.filter((n: { kind: string }) => n.kind === 'subscription.hits')).toHaveLength(2);
    expect(notes.items.find((n: { link: string }) => n.link === `/subscriptions/${saved.id}`).title).toBe(
      '订阅「机器视觉需求」有2项新发布的匹配项目',
    );

    // Idempotent: the same range again writes nothing new.
    await scanSubscriptions(ctx.services, matcher);
    expect((await subscriber.client.get('/api/v1/notifications')).json().total).toBe(notes.total);
    expect((await subscriber.client.get(`/api/v1/subscriptions/${saved.id}`)).json().pendingHits).toBe(2);

    // Other tests' subscribers may match too: count this subscriber's digests.
    const digestsTo = async (email: string) =>
      (await listOutbox(ctx.services.db, { kind: 'digest' })).filter((m) => (m.payload as { to: string }).to === email);
    expect((await sendDigests(ctx.services)).queued).toBeGreaterThanOrEqual(2);
    expect(await digestsTo(subscriber.user.email)).toHaveLength(2);
    expect(await sendDigests(ctx.services)).toEqual({ queued: 0, silent: 0 });
    expect((await subscriber.client.get(`/api/v1/subscriptions/${saved.id}`)).json()).toMatchObject({
      pendingHits: 0,
      lastDigestAt: t0.toISOString(),
    });

    const smtp = await startTestSmtpServer();
    const sender = smtpSender(smtp.url);
    try {
      await deliverOutbox({ services: ctx.services, sender, workerId: 'test' });
      const mails = (await smtp.parsed()).filter(
        (m) => m.subject?.includes('摘要') && m.to && !Array.isArray(m.to) && m.to.text === subscriber.user.email,
      );
      expect(mails).toHaveLength(2);
      const mail = mails.find((m) => m.subject!.includes('机器视觉需求'))!;
      expect(mail.subject).toBe('【场景桥】订阅「机器视觉需求」每日摘要：2项新发布的匹配项目');
      expect(mail.to).toMatchObject({ text: subscriber.user.email });
      expect(mail.text).toContain('汽车零部件机器视觉检测');
      expect(mail.text).toContain('http://localhost:3000/public/entries/');
      expect(mail.html).toContain('钢板表面机器视觉质检');
      expect(mail.html).not.toContain('社区居家养老');
      const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ');
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const link = /^List-Unsubscribe: <([^>]+)>$/.exec(header('list-unsubscribe') ?? '')?.[1] ?? '';
      expect(link).toMatch(new RegExp(`^http://localhost:3000/api/v1/unsubscribe\\?s=${saved.id}&t=[A-Za-z0-9_-]{43}$`));
      expect(mail.text).toContain(link);

      // The mail client's one-click POST: no cookie, a form body, the URL from the header.
      const url = link.replace('http://localhost:3000', '');
      const res = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain('您已退订「机器视觉需求」');
      expect((await subscriber.client.get(`/api/v1/subscriptions/${saved.id}`)).json()).toMatchObject({ active: false });
      expect(await audits(saved.id)).toEqual(['subscription.created', 'subscription.unsubscribed']);
    } finally {
      sender.close();
      await smtp.close();
    }

    // Unsubscribed: a new matching publication leaves it alone; the profile goes on.
    ctx.setNow(new Date(t0.getTime() + 3600_000));
    const next = await publishThroughApi(ctx, operator, { items: [{ title: '轴承机器视觉在线检测', sector: 'manufacturing' }] });
    await scanSubscriptions(ctx.services, matcher);
    expect(await hitIds(saved.id)).not.toContain(next.submissionIds[0]);
    expect(await hitIds(profile.id)).toContain(next.submissionIds[0]);
    ctx.setNow(t0);
  });

  it('ignores items published before the subscription began and the subscriber’s own items', async () => {
    const early = await publishThroughApi(ctx, operator, { items: [{ title: '早先发布的机器视觉场景', sector: 'manufacturing' }] });
    // Later than anything the other tests published (they use t0 + 1 h): on a shared server the
    // scan's watermark may lag behind other databases' transactions and read those items again.
    ctx.setNow(new Date(t0.getTime() + 2 * 3600_000));
    const subscriber = await orgUser(ctx);
    const saved = (await subscriber.client.post('/api/v1/subscriptions', search({ q: '机器视觉' }))).json();
    const [mine, theirs] = await publishAs(
      [subscriber.client, (await orgUser(ctx)).client],
      ['本单位的机器视觉场景', '他单位的机器视觉场景'],
    );
    await scanSubscriptions(ctx.services, testMatcher(ctx.services));
    const hits = (await subscriber.client.get(`/api/v1/subscriptions/${saved.id}/hits`)).json();
    expect(hits.items.map((h: { submissionId: string }) => h.submissionId)).toEqual([theirs]);
    expect([early.submissionIds[0], mine]).not.toContain(theirs);
    ctx.setNow(t0);
  });

  it('a subscription with email off gets in-app notifications but no digest email', async () => {
    const subscriber = await orgUser(ctx);
    const saved = (await subscriber.client.post('/api/v1/subscriptions', search({ q: '无邮件测试' }, { emailEnabled: false }))).json();
    await publishThroughApi(ctx, operator, { items: [{ title: '无邮件测试：园区巡检机器人', sector: 'manufacturing' }] });
    await scanSubscriptions(ctx.services, testMatcher(ctx.services));
    const before = (await listOutbox(ctx.services.db, { kind: 'digest' })).length;
    const r = await sendDigests(ctx.services);
    expect(r.silent).toBeGreaterThanOrEqual(1);
    expect((await listOutbox(ctx.services.db, { kind: 'digest' })).length).toBe(before + r.queued);
    expect(
      (await listOutbox(ctx.services.db, { kind: 'digest' })).some((m) => (m.payload as { to: string }).to === subscriber.user.email),
    ).toBe(false);
    expect((await subscriber.client.get(`/api/v1/subscriptions/${saved.id}`)).json().pendingHits).toBe(0);
    expect((await subscriber.client.get('/api/v1/notifications')).json().items[0].kind).toBe('subscription.hits');
  });

  it('a scan that lost the race to another process leaves the range to it', async () => {
    const subscriber = await orgUser(ctx);
    await subscriber.client.post('/api/v1/subscriptions', search({ q: '竞争扫描' }));
    await publishThroughApi(ctx, operator, { items: [{ title: '竞争扫描：智能仓储调度', sector: 'logistics' }] });
    const slow = testMatcher(ctx.services);
    let raced = false;
    const racing = {
      ...slow,
      // While this scan asks the matcher, another process completes a scan of the same range.
      matchSavedSearch: async (q: Parameters<typeof slow.matchSavedSearch>[0], ids: string[]) => {
        if (!raced) {
          raced = true;
          expect((await scanSubscriptions(ctx.services, testMatcher(ctx.services))).skipped).toBe(false);
        }
        return slow.matchSavedSearch(q, ids);
      },
    };
    expect((await scanSubscriptions(ctx.services, racing)).skipped).toBe(true);
    const notes = (await subscriber.client.get('/api/v1/notifications')).json();
    expect(notes.items.filter((n: { kind: string }) => n.kind === 'subscription.hits')).toHaveLength(1);
  });
});

describe('digest cadence in Shanghai days', () => {
  const at = (iso: string) => new Date(iso);
  it('daily: once the Shanghai date has changed; weekly: seven Shanghai days; first digest at once', () => {
    expect(isDigestDue({ frequency: 'daily', lastDigestAt: null }, at('2026-03-01T00:00:00Z'))).toBe(true);
    // 23:59 and 00:00 in Shanghai are on different days though one minute apart.
    expect(isDigestDue({ frequency: 'daily', lastDigestAt: at('2026-03-01T15:59:00Z') }, at('2026-03-01T16:00:00Z'))).toBe(true);
    // 00:00 and 23:59 the same Shanghai day: not yet.
    expect(isDigestDue({ frequency: 'daily', lastDigestAt: at('2026-03-01T16:00:00Z') }, at('2026-03-02T15:59:00Z'))).toBe(false);
    expect(isDigestDue({ frequency: 'weekly', lastDigestAt: at('2026-03-01T02:00:00Z') }, at('2026-03-07T15:59:00Z'))).toBe(false);
    expect(isDigestDue({ frequency: 'weekly', lastDigestAt: at('2026-03-01T02:00:00Z') }, at('2026-03-07T16:00:00Z'))).toBe(true);
  });

  it('the next daily digest waits for the next Shanghai day', async () => {
    const subscriber = await orgUser(ctx);
    const saved = (await subscriber.client.post('/api/v1/subscriptions', search({ q: '节奏测试' }))).json();
    const matcher = testMatcher(ctx.services);
    await publishThroughApi(ctx, operator, { items: [{ title: '节奏测试一：智慧水务漏损监测', sector: 'city' }] });
    await scanSubscriptions(ctx.services, matcher);
    await sendDigests(ctx.services);
    const mine = async () =>
      (await listOutbox(ctx.services.db, { kind: 'digest' })).filter((m) => (m.payload as { to: string }).to === subscriber.user.email)
        .length;
    expect(await mine()).toBe(1);
    await publishThroughApi(ctx, operator, { items: [{ title: '节奏测试二：桥梁健康监测', sector: 'city' }] });
    await scanSubscriptions(ctx.services, matcher);
    await sendDigests(ctx.services, new Date('2026-04-01T15:59:00Z')); // 23:59 the same day
    expect(await mine()).toBe(1);
    await sendDigests(ctx.services, new Date('2026-04-01T16:00:00Z')); // midnight in Shanghai
    expect(await mine()).toBe(2);
    const row = await ctx.services.db.select().from(schema.subscriptions).where(eq(schema.subscriptions.id, saved.id));
    expect(row[0]!.lastDigestAt!.toISOString()).toBe('2026-04-01T16:00:00.000Z');
  });
});
