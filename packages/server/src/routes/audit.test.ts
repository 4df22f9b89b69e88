import { schema, toAuditEntry } from '@scenebridge/db';
import { auditHash } from '@scenebridge/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  callInput,
  createTestContext,
  login,
  orgUser,
  platformUser,
  randomCreditCode,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../testing.js';

const { auditEvents } = schema;

interface Verdict {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBad?: { seq: number; expectedSeq: number; problem: string };
}

async function verify(operator: Client): Promise<Verdict> {
  const res = await operator.get('/api/v1/audit/verify');
  expect(res.statusCode).toBe(200);
  return res.json() as Verdict;
}

async function rowAt(ctx: TestContext, seq: number) {
  const [row] = await ctx.handle.db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
  expect(row, `audit row ${seq}`).toBeDefined();
  return row!;
}

async function countRows(ctx: TestContext): Promise<number> {
  const rows = await ctx.handle.db.select({ seq: auditEvents.seq }).from(auditEvents);
  return rows.length;
}

/**
 * A known sequence of audited actions: returns how many events they wrote, in order.
 *   1 auth.login (operator)  2 organization.registered  3 organization.approve
 *   4 call.created  5 call.open  6 auth.login (org admin)  7 submission.created
 */
async function auditedActions(ctx: TestContext) {
  const operator = (await platformUser(ctx)).client;
  const email = `audit-${Date.now()}@test.example.cn`;
  const reg = await anonymous(ctx.app).post('/api/v1/organizations/register', {
    name: '审计测试有限公司',
    creditCode: randomCreditCode(),
    kind: 'soe',
    regionCode: '500103',
    contactName: '周主任',
    contactPhone: '13900139000',
    admin: { email, displayName: '周主任', password: TEST_PASSWORD },
  });
  expect(reg.statusCode).toBe(201);
  const orgId = reg.json().organization.id as string;
  expect((await operator.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'approve' })).statusCode).toBe(200);
  const call = await operator.post('/api/v1/calls', callInput());
  expect(call.statusCode).toBe(201);
  const callId = call.json().id as string;
  expect((await operator.post(`/api/v1/calls/${callId}/transitions`, { action: 'open' })).statusCode).toBe(200);
  const admin = await login(ctx.app, email);
  expect((await admin.post('/api/v1/submissions', { callId, data: { title: '审计链上的草稿' } })).statusCode).toBe(201);
  return { operator, admin, orgId, callId, expected: 7 };
}

describe('the audit table is append-only', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await auditedActions(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it.each([
    ['UPDATE', sql`update audit_events set reason = 'x' where seq = 2`],
    ['DELETE', sql`delete from audit_events where seq = 7`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('refuses %s, and the rows stay as they were', async (op, statement) => {
    const before = await ctx.handle.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const error = await ctx.handle.db.execute(statement).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause ?? e,
    );
    expect(error?.message).toBe(`audit_events is append-only: ${op} refused`);
    expect(await ctx.handle.db.select().from(auditEvents).orderBy(asc(auditEvents.seq))).toEqual(before);
  });

  it('still takes new entries', async () => {
    const n = await countRows(ctx);
    await orgUser(ctx);
    expect(await countRows(ctx)).toBe(n + 1);
  });
});

describe('verification of an intact chain, and of edited entries', () => {
  let ctx: TestContext;
  let operator: Client;
  let callId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    const r = await auditedActions(ctx);
    operator = r.operator;
    callId = r.callId;
    // These tests play a database owner who edits rows: only the owner can switch the append-only guard off.
    await ctx.handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('an untouched chain verifies, and checked counts every event', async () => {
    const v = await verify(operator);
    expect(v).toEqual({ ok: true, checked: 7, headSeq: 7 });
    expect(await countRows(ctx)).toBe(7);
    const list = (await operator.get('/api/v1/audit?pageSize=100')).json();
    expect(list.total).toBe(7);
    expect(list.items.map((e: { seq: number }) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(list.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'auth.login',
      'organization.registered',
      'organization.approve',
      'call.created',
      'call.open',
      'auth.login',
      'submission.created',
    ]);
  });

  it('lists with filters and pages', async () => {
    const byCall = (await operator.get(`/api/v1/audit?entityType=call&entityId=${callId}`)).json();
    expect(byCall.total).toBe(2);
    expect(byCall.items.map((e: { action: string }) => e.action)).toEqual(['call.open', 'call.created']);
    const page2 = (await operator.get('/api/v1/audit?page=2&pageSize=3')).json();
    expect(page2).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page2.items.map((e: { seq: number }) => e.seq)).toEqual([4, 3, 2]);
    expect((await operator.get('/api/v1/audit?pageSize=101')).statusCode).toBe(400);
  });

  it('an edited reason is a hash mismatch at exactly that entry; restoring it verifies again', async () => {
    const before = await rowAt(ctx, 3);
    await ctx.handle.db.execute(sql`update audit_events set reason = ${'事后补写的理由'} where seq = ${3}`);
    expect(await verify(operator)).toEqual({
      ok: false,
      checked: 2,
      headSeq: 7,
      firstBad: { seq: 3, expectedSeq: 3, problem: 'hash_mismatch' },
    });
    await ctx.handle.db.execute(sql`update audit_events set reason = ${before.reason} where seq = ${3}`);
    expect((await verify(operator)).ok).toBe(true);
  });

  it('an edited actor label is caught too', async () => {
    const before = await rowAt(ctx, 5);
    await ctx.handle.db.execute(sql`update audit_events set actor_label = ${'system'} where seq = ${5}`);
    expect(await verify(operator)).toMatchObject({ ok: false, checked: 4, firstBad: { seq: 5, problem: 'hash_mismatch' } });
    await ctx.handle.db.execute(sql`update audit_events set actor_label = ${before.actorLabel} where seq = ${5}`);
    expect((await verify(operator)).ok).toBe(true);
  });

  it('an edited data payload is caught too', async () => {
    const before = await rowAt(ctx, 4);
    expect(before.action).toBe('call.created');
    await ctx.handle.db.execute(sql`update audit_events set data = jsonb_set(data, '{title}', '"被改过的征集名称"') where seq = ${4}`);
    expect((await rowAt(ctx, 4)).data).toMatchObject({ title: '被改过的征集名称' });
    expect(await verify(operator)).toMatchObject({ ok: false, firstBad: { seq: 4, problem: 'hash_mismatch' } });
    await ctx.handle.db.update(auditEvents).set({ data: before.data }).where(eq(auditEvents.seq, 4));
    expect((await verify(operator)).ok).toBe(true);
  });

  it('an edit with a recomputed hash breaks the link to the next entry; rewriting the rest still disagrees with the head', async () => {
    const rows = await ctx.handle.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const original = rows.map((r) => ({ seq: r.seq, reason: r.reason, prevHash: r.prevHash, hash: r.hash }));

    const forged = { ...toAuditEntry(rows[1]!), reason: '伪造' };
    const forgedHash = auditHash(forged.prevHash, forged);
    await ctx.handle.db.update(auditEvents).set({ reason: '伪造', hash: forgedHash }).where(eq(auditEvents.seq, 2));
    expect(await verify(operator)).toMatchObject({
      ok: false,
      checked: 2,
      firstBad: { seq: 3, expectedSeq: 3, problem: 'prev_hash_mismatch' },
    });

    // Re-chain every later entry as a careful forger would; only the head row still knows the truth.
    let prev = forgedHash;
    for (const r of rows.slice(2)) {
      const e = { ...toAuditEntry(r), prevHash: prev };
      const h = auditHash(prev, e);
      await ctx.handle.db.update(auditEvents).set({ prevHash: prev, hash: h }).where(eq(auditEvents.seq, r.seq));
      prev = h;
    }
    const v = await verify(operator);
    expect(v.ok).toBe(false);
    expect(v.checked).toBe(7);
    expect(v.firstBad).toBeDefined();

    for (const o of original) {
      await ctx.handle.db
        .update(auditEvents)
        .set({ reason: o.reason, prevHash: o.prevHash, hash: o.hash })
        .where(eq(auditEvents.seq, o.seq));
    }
    expect(await verify(operator)).toEqual({ ok: true, checked: 7, headSeq: 7 });
  });

  it('keeps appending correctly after verification', async () => {
    expect((await operator.post(`/api/v1/calls/${callId}/transitions`, { action: 'close' })).statusCode).toBe(200);
    expect(await verify(operator)).toEqual({ ok: true, checked: 8, headSeq: 8 });
  });

  it('concurrent writers do not fork the chain', async () => {
    const call = await operator.post('/api/v1/calls', callInput());
    const openId = call.json().id as string;
    expect((await operator.post(`/api/v1/calls/${openId}/transitions`, { action: 'open' })).statusCode).toBe(200);
    const { client } = await orgUser(ctx);
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => client.post('/api/v1/submissions', { callId: openId, data: { title: `并发保存的草稿${i}` } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(15).fill(201));
    // 8 before + call.created + call.open + auth.login + 15 drafts
    const total = 8 + 2 + 1 + 15;
    expect(await verify(operator)).toEqual({ ok: true, checked: total, headSeq: total });
    const seqs = (await ctx.handle.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
});

describe('verification after deleted entries', () => {
  let ctx: TestContext;
  let operator: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    operator = (await auditedActions(ctx)).operator;
    await ctx.handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('a deleted middle entry is a sequence gap at that seq', async () => {
    expect(await verify(operator)).toEqual({ ok: true, checked: 7, headSeq: 7 });
    const saved = await rowAt(ctx, 4);
    await ctx.handle.db.execute(sql`delete from audit_events where seq = ${4}`);
    expect(await countRows(ctx)).toBe(6);
    // The first entry after the hole is 5 where 4 was expected.
    expect(await verify(operator)).toEqual({
      ok: false,
      checked: 3,
      headSeq: 7,
      firstBad: { seq: 5, expectedSeq: 4, problem: 'sequence_gap' },
    });
    await ctx.handle.db.insert(auditEvents).values(saved);
    expect(await verify(operator)).toEqual({ ok: true, checked: 7, headSeq: 7 });
  });

  it('a deleted last entry is detected by comparing with the chain head', async () => {
    const saved = await rowAt(ctx, 7);
    await ctx.handle.db.execute(sql`delete from audit_events where seq = ${7}`);
    const v = await verify(operator);
    expect(v).toEqual({ ok: false, checked: 6, headSeq: 7, firstBad: { seq: 7, expectedSeq: 7, problem: 'sequence_gap' } });
    await ctx.handle.db.insert(auditEvents).values(saved);
    expect((await verify(operator)).ok).toBe(true);
  });

  it('deleting the last two entries is detected as well', async () => {
    const saved = [await rowAt(ctx, 6), await rowAt(ctx, 7)];
    await ctx.handle.db.execute(sql`delete from audit_events where seq >= ${6}`);
    expect(await verify(operator)).toMatchObject({ ok: false, checked: 5, headSeq: 7, firstBad: { seq: 6 } });
    await ctx.handle.db.insert(auditEvents).values(saved);
    expect((await verify(operator)).ok).toBe(true);
  });
});

describe('access to the audit log', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('is for operators only: organisation users, reviewers and brokers get 403, anonymous 401', async () => {
    const orgAdmin = (await orgUser(ctx)).client;
    const member = (await orgUser(ctx, { roles: ['org_member'] })).client;
    const reviewer = (await platformUser(ctx, ['reviewer'])).client;
    const broker = (await platformUser(ctx, ['broker'])).client;
    const operator = (await platformUser(ctx)).client;
    for (const url of ['/api/v1/audit', '/api/v1/audit/verify']) {
      for (const client of [orgAdmin, member, reviewer, broker]) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      const anon = await anonymous(ctx.app).get(url);
      expect(anon.statusCode).toBe(401);
      expect(anon.json().error.code).toBe('UNAUTHENTICATED');
      expect((await operator.get(url)).statusCode).toBe(200);
    }
  });
});
