/**
 * 任务书 over HTTP: who sees what, bad input changes nothing, and payments stay within the award
 * under concurrent requests (also against PostgreSQL: DATABASE_URL=… npx vitest run this file).
 */
import { schema } from '@scenebridge/db';
import { makeAward, makeExpert, type AwardFixture } from '@scenebridge/app/awards/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, login, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 10_000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

const clientOf = async (userId: string) => {
  const [u] = await ctx.handle.db.select().from(schema.users).where(eq(schema.users.id, userId));
  return login(ctx.app, u!.email);
};
const awardRow = async (id: string) =>
  (await ctx.handle.db.select().from(schema.challengeAwards).where(eq(schema.challengeAwards.id, id)))[0]!;
const base = (f: AwardFixture) => `/api/v1/awards/${f.awardId}`;
const milestone = (f: AwardFixture, seq: number) => `${base(f)}/milestones/${f.milestones[seq - 1]!.id}`;

/** Delivers milestone `seq` and passes it through the API (the owner and one expert). */
async function passThroughApi(f: AwardFixture, seq: number) {
  const lead = await clientOf(f.lead.userId);
  expect((await lead.post(`${milestone(f, seq)}/delivery`, { note: '交付说明', links: [] })).statusCode).toBe(200);
  const expert = await makeExpert(ctx.services);
  expect((await operator.post(`${milestone(f, seq)}/acceptors`, { userIds: [expert.id] })).statusCode).toBe(200);
  expect((await (await clientOf(f.owner.userId)).post(`${milestone(f, seq)}/opinions`, { verdict: 'pass', score: 90 })).statusCode).toBe(
    200,
  );
  const res = await (await clientOf(expert.id)).post(`${milestone(f, seq)}/opinions`, { verdict: 'pass', score: 80 });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('reading task agreements', () => {
  it('lists my awards and exports them; another organisation gets 404 on the detail', async () => {
    const f = await makeAward(ctx.services, { withMember: true });
    const owner = await clientOf(f.owner.userId);
    const list = (await owner.get('/api/v1/awards')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([f.awardId]);
    const detail = (await (await clientOf(f.member!.userId)).get(base(f))).json();
    expect(detail).toMatchObject({ amountFen: f.amountFen, paidFen: 0, allowedActions: [] });
    const other = await makeAward(ctx.services);
    const outsider = await clientOf(other.lead.userId);
    expect((await outsider.get(base(f))).statusCode).toBe(404);
    expect((await outsider.post(`${base(f)}/start`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(base(f))).statusCode).toBe(401);
    const rows = await readExport(await owner.get('/api/v1/awards/export.xlsx'));
    expect(JSON.stringify(rows)).toContain(detail.agreementNo);
  });
});

describe('bad input changes nothing', () => {
  it('answers 400 with a Chinese message for a bad delivery, opinion or payment', async () => {
    const f = await makeAward(ctx.services, { started: true });
    const lead = await clientOf(f.lead.userId);
    const bad = await lead.post(`${milestone(f, 1)}/delivery`, { note: '交付', links: [{ title: 'x', url: 'javascript:alert(1)' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const refused = await operator.post(`${base(f)}/payments`, {
      milestoneId: f.milestones[0]!.id,
      amountFen: 1.5,
      paidOn: '2026-13-01',
      reference: 'P',
      requestKey: 'k',
    });
    expect(refused.statusCode).toBe(400);
    expect(
      (await ctx.handle.db.select().from(schema.awardMilestones).where(eq(schema.awardMilestones.awardId, f.awardId))).map((m) => m.status),
    ).toEqual(['pending', 'pending']);
  });
});

describe('payments over HTTP', () => {
  it('20 concurrent payments summing over the award never overpay; a repeated key answers the same payment', async () => {
    const f = await makeAward(ctx.services, { started: true, amountFen: 100_000, percents: [100], challengeStatus: 'in_milestones' });
    await passThroughApi(f, 1);
    const body = (i: number) => ({
      milestoneId: f.milestones[0]!.id,
      amountFen: 7_000,
      paidOn: '2026-12-01',
      reference: `PZ-${i}`,
      requestKey: `http-key-${i}`,
    });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => operator.post(`${base(f)}/payments`, body(i))));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(14);
    for (const r of answers.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(['PAYMENT_EXCEEDS_MILESTONE', 'PAYMENT_EXCEEDS_AWARD']).toContain(r.json().error.code);
    }
    const award = await awardRow(f.awardId);
    const [ledger] = await ctx.handle.db
      .select({ n: sql<string>`coalesce(sum(${schema.awardPayments.amountFen}), 0)` })
      .from(schema.awardPayments)
      .where(eq(schema.awardPayments.awardId, f.awardId));
    expect(award.paidFen).toBe(98_000);
    expect(Number(ledger!.n)).toBe(award.paidFen);
    const replay = await operator.post(`${base(f)}/payments`, body(0));
    expect(replay.statusCode).toBe(200);
    expect(replay.json().payments).toHaveLength(14);
  });

  it('the database refuses a raw overpaying insert by its CHECK', async () => {
    const f = await makeAward(ctx.services, { amountFen: 1_000, percents: [100] });
    const [op] = await ctx.handle.db.select().from(schema.users).limit(1);
    await expect(
      ctx.handle.db.insert(schema.awardPayments).values({
        awardId: f.awardId,
        milestoneId: f.milestones[0]!.id,
        amountFen: 1_001,
        paidOn: '2026-12-01',
        reference: 'raw',
        requestKey: 'raw-overpay',
        recordedBy: op!.id,
      }),
    ).rejects.toThrow();
    expect((await awardRow(f.awardId)).paidFen).toBe(0);
  });
});
