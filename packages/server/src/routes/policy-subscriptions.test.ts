import { randomBytes } from 'node:crypto';
import { listAuditEvents, listOutbox, schema } from '@scenebridge/db';
import { notifyPolicyMatches } from '@scenebridge/app/policy-hub';
import { scanSubscriptions, sendDigests } from '@scenebridge/app/subscriptions';
import { testMatcher } from '@scenebridge/app/subscriptions/subscriptions.testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;
const t0 = new Date('2026-05-06T02:00:00Z'); // 10:00 in Shanghai
beforeAll(async () => {
  ctx = await createTestContext({ now: t0, config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
}, 120_000);
afterAll(async () => ctx?.close());

const db = () => ctx.services.db;
const subscribe = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/subscriptions', body);
const policyMatchNotes = (userId: string) =>
  db()
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.userId, userId), eq(schema.notifications.kind, 'policy.match')));

/** A draft policy with one measure per entry (written directly: reading texts is not what is tested here). */
async function draftPolicy(title: string, measures: { heading: string; conditions: unknown[] }[]) {
  const [p] = await db()
    .insert(schema.policies)
    .values({
      title,
      sourceText: `${title}\n${measures.map((m, i) => `${i + 1}. ${m.heading}。`).join('\n')}`,
      sourceFormat: 'paste',
      sourceSha256: randomBytes(32).toString('hex'),
      status: 'draft',
    })
    .returning();
  await db()
    .insert(schema.policyMeasures)
    .values(
      measures.map((m, i) => ({
        policyId: p!.id,
        seq: i,
        path: String(i + 1),
        depth: 1,
        marker: `${i + 1}.`,
        heading: m.heading,
        spanStart: 0,
        spanEnd: 5,
        conditions: m.conditions,
      })),
    );
  return p!;
}

async function publish(policy: { id: string; version: number }) {
  const res = await operator.post(`/api/v1/policies/${policy.id}/transitions`, { action: 'publish', version: policy.version });
  expect(res.statusCode, res.body).toBe(200);
}

describe('policy subscription kinds', () => {
  it('订阅政策动态: one click with an empty query, one active per user, a second create answers it', async () => {
    const { client } = await orgUser(ctx, { roles: ['org_member'] });
    const first = await subscribe(client, { kind: 'policy_digest', query: {} });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'policy_digest', name: '订阅政策动态', query: {}, active: true });
    const again = await subscribe(client, { kind: 'policy_digest', name: '另一个', query: {} });
    expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);

    // Ended and asked for again: the same one is taken up, not a second row.
    await client.patch(`/api/v1/subscriptions/${first.json().id}`, { active: false });
    const back = await subscribe(client, { kind: 'policy_digest', query: {} });
    expect([back.statusCode, back.json().id, back.json().active]).toEqual([200, first.json().id, true]);
    expect((await client.get('/api/v1/subscriptions')).json().items).toHaveLength(1);
    const audit = await listAuditEvents(db(), {
      entityType: 'subscription',
      entityId: first.json().id,
      limit: 10,
      offset: 0,
      ascending: true,
    });
    expect(audit.items.map((e) => e.action)).toEqual(['subscription.created', 'subscription.unsubscribed', 'subscription.resubscribed']);
  });

  it('refuses a query that is not the kind’s, and operators', async () => {
    const { client } = await orgUser(ctx);
    for (const body of [
      { kind: 'policy_digest', query: { q: '政策' } },
      { kind: 'policy_digest' },
      { kind: 'policy_match', query: { includeUnknown: 'yes' } },
      { kind: 'policy_match', query: { includeUnknown: true, sectors: ['manufacturing'] } },
    ]) {
      const res = await subscribe(client, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
    }
    const created = await subscribe(client, { kind: 'policy_match', query: {} });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'policy_match', name: '新政策匹配提醒', query: { includeUnknown: false } });
    const changed = await client.patch(`/api/v1/subscriptions/${created.json().id}`, { query: { includeUnknown: 1 } });
    expect(changed.statusCode).toBe(400);
    expect((await subscribe(operator, { kind: 'policy_digest', query: {} })).statusCode).toBe(403);
  });

  it('the listing scan leaves policy subscriptions alone', async () => {
    const { client: watcher } = await orgUser(ctx);
    const { client: owner } = await orgUser(ctx);
    expect((await subscribe(watcher, { kind: 'policy_digest', query: {} })).statusCode).toBe(201);
    expect((await subscribe(watcher, { kind: 'policy_match', query: { includeUnknown: true } })).statusCode).toBe(201);
    const call = await makeCall(ctx.services);
    const id = (
      await owner.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title: '仓储物流机器视觉盘点' }) })
    ).json().id as string;
    expect((await owner.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    for (const action of ['close', 'start_review'])
      expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action })).statusCode).toBe(200);
    expect((await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: [id], action: 'select' })).statusCode).toBe(200);
    expect((await operator.post(`/api/v1/calls/${call.id}/batches`, {})).statusCode).toBe(201);

    const matcher = testMatcher(ctx.services);
    const report = await scanSubscriptions(ctx.services, matcher);
    expect(report.candidates).toBeGreaterThan(0);
    // An empty query would match every item were the policy kinds scanned like saved searches.
    expect(matcher.calls).toBe(0);
    expect(await db().select().from(schema.subscriptionHits)).toEqual([]);
  });
});

describe('新政策匹配提醒', () => {
  it('notifies once each organisation that meets a measure of a newly published policy, and mails it in the digest', async () => {
    const meets = await orgUser(ctx);
    const exceeds = await orgUser(ctx);
    const blank = await orgUser(ctx);
    const blankStrict = await orgUser(ctx);
    await meets.client.request('PUT', '/api/v1/organizations/me/policy-profile', { employees: 120 });
    await exceeds.client.request('PUT', '/api/v1/organizations/me/policy-profile', { employees: 800 });
    const subs: Record<string, string> = {};
    for (const [who, c, includeUnknown] of [
      ['meets', meets, false],
      ['exceeds', exceeds, true],
      ['blank', blank, true],
      ['blankStrict', blankStrict, false],
    ] as const) {
      const res = await subscribe(c.client, { kind: 'policy_match', frequency: 'daily', query: { includeUnknown } });
      expect(res.statusCode, res.body).toBe(201);
      subs[who] = res.json().id;
    }

    const policy = await draftPolicy('关于支持中小企业稳岗扩岗的若干措施', [
      { heading: '对吸纳就业的中小企业给予稳岗补贴', conditions: [{ kind: 'employees', max: 300 }] },
      { heading: '优化营商环境', conditions: [] },
    ]);
    await publish(policy);

    const [note] = await policyMatchNotes(meets.user.id);
    expect(note).toMatchObject({ link: '/policies/for-me', data: { subscriptionId: subs.meets, policyId: policy.id } });
    expect((note!.data as { measures: unknown[] }).measures).toEqual([
      expect.objectContaining({ heading: '对吸纳就业的中小企业给予稳岗补贴', outcome: 'met' }),
    ]);
    expect(await policyMatchNotes(meets.user.id)).toHaveLength(1);
    expect(await policyMatchNotes(exceeds.user.id)).toHaveLength(0);
    const unknownNotes = await policyMatchNotes(blank.user.id);
    expect(unknownNotes.map((n) => (n.data as { measures: { outcome: string }[] }).measures.map((m) => m.outcome))).toEqual([['unknown']]);
    expect(await policyMatchNotes(blankStrict.user.id)).toHaveLength(0);

    // Judging the same policy again tells nobody twice.
    await db().transaction((tx) => notifyPolicyMatches(tx, policy.id, ctx.services.now()));
    for (const [c, n] of [
      [meets, 1],
      [exceeds, 0],
      [blank, 1],
      [blankStrict, 0],
    ] as const)
      expect(await policyMatchNotes(c.user.id)).toHaveLength(n);

    // The digest mails the pending matches of each subscription once.
    await sendDigests(ctx.services);
    const mails = (await listOutbox(db(), { kind: 'digest' })).filter((m) => m.dedupeKey.startsWith(`digest:${subs.meets}:`));
    expect(mails).toHaveLength(1);
    const payload = mails[0]!.payload as { to: string; subject: string; text: string };
    expect(payload.to).toBe(meets.user.email);
    expect(payload.text).toContain('关于支持中小企业稳岗扩岗的若干措施');
    expect(payload.text).toContain('对吸纳就业的中小企业给予稳岗补贴（符合条件）');
    expect(payload.text).not.toContain('优化营商环境');
    expect((await policyMatchNotes(meets.user.id))[0]!.data).toHaveProperty('digestedAt');
    expect(await sendDigests(ctx.services, new Date(t0.getTime() + 86_400_000))).toEqual({ queued: 0, silent: 0 });
  });

  it('a policy whose measures the organisation does not meet tells it nothing', async () => {
    const small = await orgUser(ctx);
    await small.client.request('PUT', '/api/v1/organizations/me/policy-profile', { employees: 12 });
    expect((await subscribe(small.client, { kind: 'policy_match', query: { includeUnknown: true } })).statusCode).toBe(201);
    const policy = await draftPolicy('关于支持规模以上企业技术改造的通知', [
      { heading: '支持规模以上企业开展技术改造', conditions: [{ kind: 'employees', min: 1000 }] },
    ]);
    await publish(policy);
    expect(await policyMatchNotes(small.user.id)).toHaveLength(0);
  });
});
