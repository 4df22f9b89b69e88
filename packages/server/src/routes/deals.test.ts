import { putSetting, schema } from '@scenebridge/db';
import { markDormantDeals, remindDueNextSteps } from '@scenebridge/app/deals';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityData, publishThroughApi } from '../portal/testing.js';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

interface DealJson {
  id: string;
  status: string;
  activity: string;
  version: number;
  expectedAmountFen: number | null;
  broker: { id: string } | null;
  allowedActions: string[];
  canClaim: boolean;
  intentAt: string | null;
  meetingAt: string | null;
  signedAt: string | null;
  need: { id: string; status: string };
  nextStep: string | null;
  nextStepDueOn: string | null;
  activities?: { id: string; nextStep: string | null }[];
}

const DAY = 86_400_000;
let ctx: TestContext;
let operator: Client;
let broker: Client;
let brokerId: string;
let otherBroker: Client;
let stranger: Client;
let needs: Awaited<ReturnType<typeof publishThroughApi>>;
let caps: Awaited<ReturnType<typeof publishThroughApi>>;
const start = new Date('2026-03-02T02:00:00Z');

async function ok<T = unknown>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
const auditCount = async () =>
  Number(
    ((await ctx.services.db.execute(sql`select count(*)::int as n from audit_events`)) as unknown as { rows: { n: number }[] }).rows[0]!.n,
  );

async function interestDeal(i: number): Promise<{ deal: DealJson; interestId: string }> {
  // The capability's owner (supplier) expresses interest in the need; the need's owner accepts.
  const r = await ok<{ id: string }>(
    caps.owners[i]!.post('/api/v1/interests', { needId: needs.submissionIds[i], capabilityId: caps.submissionIds[i] }),
    201,
  );
  const a = await ok<{ deal: DealJson; created: boolean }>(needs.owners[i]!.post(`/api/v1/interests/${r.id}/accept`), 201);
  expect(a.created).toBe(true);
  return { deal: a.deal, interestId: r.id };
}

beforeAll(async () => {
  ctx = await createTestContext({ now: start });
  operator = (await platformUser(ctx)).client;
  const b = await platformUser(ctx, ['broker']);
  broker = b.client;
  brokerId = b.user.id;
  otherBroker = (await platformUser(ctx, ['broker'])).client;
  stranger = (await orgUser(ctx)).client;
  const items = Array.from({ length: 4 }, (_, i) => ({ title: `焊点质量机器视觉检测需求${i}`, techFields: ['computer_vision'] }));
  needs = await publishThroughApi(ctx, operator, { items });
  caps = await publishThroughApi(ctx, operator, {
    listType: 'capability',
    items: Array.from({ length: 4 }, (_, i) => capabilityData({ title: `工业视觉焊点缺陷检测平台${i}` })),
  });
}, 180_000);

afterAll(async () => ctx?.close());

describe('deals', () => {
  it('accepting an interest opens a deal in intent once, moves the need to matching, and only the other side may accept', async () => {
    const r = await ok<{ id: string }>(
      caps.owners[0]!.post('/api/v1/interests', { needId: needs.submissionIds[0], capabilityId: caps.submissionIds[0] }),
      201,
    );
    // The side that expressed it may not accept its own interest; a stranger is told it does not exist.
    expect((await caps.owners[0]!.post(`/api/v1/interests/${r.id}/accept`)).statusCode).toBe(403);
    expect((await stranger.post(`/api/v1/interests/${r.id}/accept`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).post(`/api/v1/interests/${r.id}/accept`)).statusCode).toBe(401);
    const first = await ok<{ deal: DealJson; created: boolean }>(needs.owners[0]!.post(`/api/v1/interests/${r.id}/accept`), 201);
    const again = await ok<{ deal: DealJson; created: boolean }>(needs.owners[0]!.post(`/api/v1/interests/${r.id}/accept`), 200);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, deal: { id: first.deal.id } });
    expect(first.deal).toMatchObject({ status: 'intent', activity: 'active', broker: null });
    expect(first.deal.intentAt).not.toBeNull();
    expect(first.deal.need.status).toBe('matching');
    const rows = await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.interestId, r.id));
    expect(rows).toHaveLength(1);
  });

  it('the recipient may decline an interest with a reason: the sender is told, it cannot be accepted afterwards, and bad input changes nothing', async () => {
    // The demand side expresses interest in a capability; the capability's owner answers.
    const r = await ok<{ id: string }>(
      needs.owners[2]!.post('/api/v1/interests', { needId: needs.submissionIds[2], capabilityId: caps.submissionIds[3] }),
      201,
    );
    const url = `/api/v1/interests/${r.id}/decline`;
    const before = await auditCount();
    expect((await needs.owners[2]!.post(url, { reason: '方向不符' })).json().error.code).toBe('INTEREST_NOT_RECIPIENT');
    expect((await stranger.post(url, { reason: '方向不符' })).statusCode).toBe(404);
    expect((await anonymous(ctx.app).post(url, { reason: '方向不符' })).statusCode).toBe(401);
    expect((await caps.owners[3]!.post(url, { reason: '   ' })).statusCode).toBe(400);
    expect((await caps.owners[3]!.post(url, {})).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);

    const declined = await ok<{ status: string; declineReason: string; changed: boolean }>(
      caps.owners[3]!.post(url, { reason: '  我方产品暂不支持该产线的节拍要求 ' }),
    );
    expect(declined).toMatchObject({ status: 'declined', declineReason: '我方产品暂不支持该产线的节拍要求', changed: true });
    const again = await ok<{ changed: boolean; declineReason: string }>(caps.owners[3]!.post(url, { reason: '另一个原因' }));
    expect(again).toMatchObject({ changed: false, declineReason: '我方产品暂不支持该产线的节拍要求' });

    const accept = await caps.owners[3]!.post(`/api/v1/interests/${r.id}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect(await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.interestId, r.id))).toHaveLength(0);

    // Both sides read the answer on the listing; the sender's users are notified with the reason.
    const listed = await ok<{ items: { id: string; status: string; declineReason: string | null }[] }>(
      needs.owners[2]!.get(`/api/v1/listings/${needs.submissionIds[2]}/interests`),
    );
    expect(listed.items.find((i) => i.id === r.id)).toMatchObject({
      status: 'declined',
      declineReason: '我方产品暂不支持该产线的节拍要求',
    });
    const notes = await ctx.services.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.kind, 'interest.declined'), sql`${schema.notifications.data}->>'interestId' = ${r.id}`));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.body).toContain('我方产品暂不支持该产线的节拍要求');
    const events = await ctx.services.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, 'interest'), eq(schema.auditEvents.entityId, r.id)));
    expect(events.map((e) => [e.action, e.fromState, e.toState])).toContainEqual(['interest.decline', 'open', 'declined']);
  });

  it('an accepted interest cannot be declined: its deal is ended by the deal’s own decline', async () => {
    const r = await ok<{ id: string }>(
      caps.owners[0]!.post('/api/v1/interests', { needId: needs.submissionIds[3], capabilityId: caps.submissionIds[0] }),
      201,
    );
    await ok(needs.owners[3]!.post(`/api/v1/interests/${r.id}/accept`), 201);
    const res = await caps.owners[0]!.post(`/api/v1/interests/${r.id}/decline`, { reason: '改变主意' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'INTEREST_NOT_RECIPIENT']);
    const own = await needs.owners[3]!.post(`/api/v1/interests/${r.id}/decline`, { reason: '改变主意' });
    expect([own.statusCode, own.json().error.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('a broker claims, logs a meeting, and moves the deal to signed through the machine; an illegal move is 409 and changes nothing', async () => {
    const { deal } = await interestDeal(1);
    expect(deal.canClaim).toBe(false);
    // Other organisations do not see it; brokers see it while it is unassigned.
    expect((await stranger.get(`/api/v1/deals/${deal.id}`)).statusCode).toBe(404);
    const seen = await ok<DealJson>(broker.get(`/api/v1/deals/${deal.id}`));
    expect(seen.canClaim).toBe(true);
    const claimed = await ok<DealJson>(broker.post(`/api/v1/deals/${deal.id}/claim`, { version: seen.version }));
    expect(claimed.broker?.id).toBe(brokerId);
    // Now held: the other broker no longer sees it, and a second claim is refused.
    expect((await otherBroker.get(`/api/v1/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await broker.post(`/api/v1/deals/${deal.id}/claim`, { version: claimed.version })).statusCode).toBe(409);

    const before = await auditCount();
    const illegal = await broker.post(`/api/v1/deals/${deal.id}/transition`, { action: 'sign', version: claimed.version });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('ILLEGAL_TRANSITION');
    const unchanged = await ok<DealJson>(broker.get(`/api/v1/deals/${deal.id}`));
    expect(unchanged).toMatchObject({ status: 'intent', version: claimed.version });
    expect(await auditCount()).toBe(before);

    const stale = await broker.post(`/api/v1/deals/${deal.id}/transition`, { action: 'schedule_meeting', version: claimed.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    let d = await ok<DealJson>(
      broker.post(`/api/v1/deals/${deal.id}/transition`, { action: 'schedule_meeting', version: claimed.version }),
    );
    expect(d.status).toBe('meeting');
    expect(d.meetingAt).not.toBeNull();
    await ok(
      broker.post(`/api/v1/deals/${deal.id}/activities`, {
        kind: 'meeting',
        note: '双方在园区会面，确认试点产线与验收指标',
        nextStep: '发送合同草案',
        nextStepDueOn: '2026-03-05',
      }),
      201,
    );
    d = await ok<DealJson>(broker.get(`/api/v1/deals/${deal.id}`));
    // The card shows the open next step and its due date.
    expect(d).toMatchObject({ nextStep: '发送合同草案', nextStepDueOn: '2026-03-05' });
    const open = d.activities!.find((a) => a.nextStep === '发送合同草案')!;
    d = await ok<DealJson>(broker.post(`/api/v1/deals/${deal.id}/activities/${open.id}/done`, {}));
    expect(d).toMatchObject({ nextStep: null, nextStepDueOn: null });
    d = await ok<DealJson>(broker.post(`/api/v1/deals/${deal.id}/transition`, { action: 'negotiate', version: d.version }));
    // Decline needs a reason (400) and a stranger broker may not act.
    expect((await broker.post(`/api/v1/deals/${deal.id}/transition`, { action: 'decline', version: d.version })).statusCode).toBe(400);
    d = await ok<DealJson>(
      needs.owners[1]!.post(`/api/v1/deals/${deal.id}/transition`, { action: 'sign', version: d.version, expectedAmountFen: 1_234_500_00 }),
    );
    expect(d).toMatchObject({ status: 'signed', expectedAmountFen: 123_450_000 });
    expect(d.signedAt).not.toBeNull();
    expect(d.allowedActions).toEqual([]);
  });

  it('the board sums per stage equal a direct sum over the deals, and the export reads back', async () => {
    const { deal } = await interestDeal(2);
    await ok(operator.request('PUT', `/api/v1/deals/${deal.id}/expected-amount`, { expectedAmountFen: 50_000_00, version: deal.version }));
    const board = await ok<{ columns: { stage: string; count: number; totalExpectedFen: number; items: DealJson[] }[] }>(
      operator.get('/api/v1/deals/board'),
    );
    const rows = await ctx.services.db.select().from(schema.deals);
    for (const c of board.columns) {
      const mine = rows.filter((r) => r.status === c.stage);
      expect(c.count).toBe(mine.length);
      expect(c.totalExpectedFen).toBe(mine.reduce((n, r) => n + (r.expectedAmountFen ?? 0), 0));
      expect(c.items).toHaveLength(mine.length);
    }
    expect(board.columns.map((c) => c.stage)).toEqual(['suggested', 'intent', 'meeting', 'negotiating', 'signed', 'declined']);
    // The demand owner's board holds only its own deal.
    const own = await ok<{ columns: { count: number }[] }>(needs.owners[2]!.get('/api/v1/deals/board'));
    expect(own.columns.reduce((n, c) => n + c.count, 0)).toBe(1);

    const x = await readExport(await operator.get('/api/v1/deals/export.xlsx?status=intent'));
    const codes = x.rows.map((r) => r[x.header.indexOf('项目编号')]);
    const intent = rows.filter((r) => r.status === 'intent').map((r) => r.code);
    expect([...codes].sort()).toEqual([...intent].sort());
    const list = await ok<{ total: number; items: DealJson[] }>(stranger.get('/api/v1/deals'));
    expect(list.total).toBe(0);
  });

  it('a deal goes dormant by the clock, a follow-up wakes it, and a due next step is reminded once', async () => {
    const { deal } = await interestDeal(3);
    await ok(
      needs.owners[3]!.post(`/api/v1/deals/${deal.id}/activities`, {
        kind: 'call',
        note: '电话沟通需求细节',
        nextStep: '安排现场走访',
        nextStepDueOn: '2026-03-10',
      }),
      201,
    );
    ctx.setNow(new Date(start.getTime() + 31 * DAY));
    try {
      expect(await markDormantDeals({ services: ctx.services })).toBeGreaterThan(0);
      const [row] = await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.id, deal.id));
      expect(row).toMatchObject({ activity: 'dormant' });
      expect(await markDormantDeals({ services: ctx.services })).toBe(0);
      // The next step is overdue: reminded to the one who logged it (no broker), once.
      await remindDueNextSteps({ services: ctx.services });
      await remindDueNextSteps({ services: ctx.services });
      const notes = await ctx.services.db
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.kind, 'deal.next_step_due'), sql`${schema.notifications.data}->>'dealId' = ${deal.id}`));
      expect(notes).toHaveLength(1);
      const dormantNotes = await ctx.services.db
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.kind, 'deal.dormant'), sql`${schema.notifications.data}->>'dealId' = ${deal.id}`));
      expect(dormantNotes.length).toBeGreaterThan(0);
    } finally {
      ctx.setNow(start);
    }
    const seen = await ok<DealJson>(needs.owners[3]!.get(`/api/v1/deals/${deal.id}`));
    expect(seen.activity).toBe('dormant');
    expect(seen.allowedActions).toContain('wake');
    await ok(needs.owners[3]!.post(`/api/v1/deals/${deal.id}/activities`, { kind: 'visit', note: '现场走访产线' }), 201);
    const woke = await ok<DealJson>(needs.owners[3]!.get(`/api/v1/deals/${deal.id}`));
    expect(woke.activity).toBe('active');
  });

  it('a broker proposes a deal for a need and a capability (suggested); a duplicate is refused; the workspace counts it', async () => {
    const body = { needId: needs.submissionIds[0], capabilityId: caps.submissionIds[1] };
    expect((await stranger.post('/api/v1/deals', body)).statusCode).toBe(403);
    const created = await ok<{ deal: DealJson }>(broker.post('/api/v1/deals', body), 201);
    expect(created.deal).toMatchObject({ status: 'suggested', broker: { id: brokerId } });
    expect((await broker.post('/api/v1/deals', body)).statusCode).toBe(409);
    const ws = await ok<{ caseload: { open: number }; conversion: { handled: number; signed: number; signedExpectedFen: number } }>(
      broker.get('/api/v1/brokers/me/workspace'),
    );
    expect(ws.caseload.open).toBe(1);
    expect(ws.conversion).toMatchObject({ handled: 2, signed: 1, signedExpectedFen: 123_450_000 });
    expect((await stranger.get('/api/v1/brokers/me/workspace')).statusCode).toBe(403);
    const profile = await ok<{ fields: string[] }>(
      broker.request('PUT', '/api/v1/brokers/me/profile', { fields: ['computer_vision'], certificateNo: 'JSJL-2026-001' }),
    );
    expect(profile.fields).toEqual(['computer_vision']);
    expect((await broker.request('PUT', '/api/v1/brokers/me/profile', { fields: ['no_such_field'] })).statusCode).toBe(400);
    const suggested = await ok<{ items: { need: { id: string }; capability: { id: string; status: string } }[] }>(
      broker.get('/api/v1/brokers/me/suggested-matches'),
    );
    const paired = new Set((await ctx.services.db.select().from(schema.deals)).map((d) => `${d.needId}|${d.capabilityId}`));
    for (const s of suggested.items) {
      expect(paired.has(`${s.need.id}|${s.capability.id}`)).toBe(false);
      // Only listings still on offer: a suggestion the broker cannot turn into a deal is no suggestion.
      expect(['published', 'matching']).toContain(s.capability.status);
    }
    const first = suggested.items[0];
    if (first) await ok(broker.post('/api/v1/deals', { needId: first.need.id, capabilityId: first.capability.id }), 201);
  });

  it('the operator assigns a broker (told by notification); the dormancy window follows the setting; bad input changes nothing', async () => {
    const created = await ok<{ deal: DealJson }>(
      operator.post('/api/v1/deals', { needId: needs.submissionIds[1], capabilityId: caps.submissionIds[2] }),
      201,
    );
    const d = created.deal;
    expect(d.broker).toBeNull();
    expect((await broker.post(`/api/v1/deals/${d.id}/broker`, { brokerUserId: brokerId, version: d.version })).statusCode).toBe(403);
    const assigned = await ok<DealJson>(operator.post(`/api/v1/deals/${d.id}/broker`, { brokerUserId: brokerId, version: d.version }));
    expect(assigned.broker?.id).toBe(brokerId);
    const told = await ctx.services.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.kind, 'deal.broker_assigned'), eq(schema.notifications.userId, brokerId)));
    expect(told.length).toBeGreaterThan(0);

    const before = await auditCount();
    const bad = await broker.post(`/api/v1/deals/${d.id}/activities`, { kind: 'telepathy', note: '' });
    expect(bad.statusCode).toBe(400);
    const half = await broker.post(`/api/v1/deals/${d.id}/activities`, { kind: 'call', note: '只填了下一步', nextStep: '回访客户' });
    expect(half.statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    const [row] = await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.id, d.id));
    expect(row!.version).toBe(assigned.version);

    await putSetting(ctx.services.db, 'deals.dormant_after_days', 5);
    ctx.setNow(new Date(start.getTime() + 6 * DAY));
    try {
      await markDormantDeals({ services: ctx.services });
      const [after] = await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.id, d.id));
      expect(after!.activity).toBe('dormant');
    } finally {
      ctx.setNow(start);
      await putSetting(ctx.services.db, 'deals.dormant_after_days', 30);
    }
  });
});
