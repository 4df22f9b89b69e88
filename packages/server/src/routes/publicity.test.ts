import { schema } from '@scenebridge/db';
import { and, eq, inArray } from 'drizzle-orm';
import { advancePublicitiesByClock } from '@scenebridge/app/publicity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, login, orgUser, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';
import { objectionBody, publicityOfCall, selectedThroughApi } from './publicity.testing.js';

// Friday 2025-09-26 10:00 Shanghai, before 国庆 (10.1–10.8, 调休 on Sunday 9.28 and Saturday 10.11).
const BEFORE_NATIONAL_DAY = new Date('2025-09-26T02:00:00Z');
const END = '2025-10-10T16:00:00.000Z';

let ctx: TestContext;
let operator: Client;
let operatorEmail: string;
beforeAll(async () => {
  ctx = await createTestContext({ now: BEFORE_NATIONAL_DAY, config: { loginRateLimitPerMinute: 10_000 } });
  operatorEmail = (await platformUser(ctx)).user.email;
});
beforeEach(async () => {
  at(BEFORE_NATIONAL_DAY);
  operator = await login(ctx.app, operatorEmail);
});
afterAll(async () => {
  await ctx?.close();
});

const at = (iso: string | Date) => ctx.setNow(new Date(iso));
/** Moves the clock days ahead; sessions idle that long have ended, so the operator signs in again. */
const jump = async (iso: string | Date) => {
  at(iso);
  operator = await login(ctx.app, operatorEmail);
};
const clock = () => advancePublicitiesByClock({ services: ctx.services });
const submissionRow = async (id: string) =>
  (await ctx.handle.db.select().from(schema.submissions).where(eq(schema.submissions.id, id)))[0]!;
const objectionCount = async () => (await ctx.handle.db.select().from(schema.publicityObjections)).length;

describe('the window is counted on the working-day calendar', () => {
  it('a publicity started before 国庆 ends after it: 5 working days, 24:00 Shanghai of 10.10', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId } = await selectedThroughApi(ctx, operator, ['国庆前公示的场景']);
    const draft = await publicityOfCall(operator, callId, { start: false });
    expect((await operator.get(`/api/v1/publicities/${draft.id}`)).json()).toMatchObject({
      status: 'draft',
      endsAt: null,
      windowOpen: false,
    });
    const started = await operator.post(`/api/v1/publicities/${draft.id}/transitions`, { action: 'start' });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({
      status: 'running',
      startedAt: BEFORE_NATIONAL_DAY.toISOString(),
      endsAt: END,
      lastDay: '2025-10-10',
      windowOpen: true,
      workingDaysLeft: 5,
    });
    // On 10.9 (the first working day after the holiday) two working days are left: 10.9 and 10.10.
    at('2025-10-09T03:00:00Z');
    expect((await anonymous(ctx.app).get(`/api/v1/publicities/${draft.id}`)).json()).toMatchObject({
      windowOpen: true,
      workingDaysLeft: 2,
    });
    at(BEFORE_NATIONAL_DAY);
  });

  it('a year nobody maintained refuses the start (409 CALENDAR_YEAR_MISSING) and it stays a draft', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId } = await selectedThroughApi(ctx, operator, ['跨入未维护年度的场景']);
    const p = await publicityOfCall(operator, callId, { start: false });
    await jump('2027-12-28T02:00:00Z');
    const res = await operator.post(`/api/v1/publicities/${p.id}/transitions`, { action: 'start' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2027 } });
    expect(res.json().error.message).toContain('工作日历');
    expect((await operator.get(`/api/v1/publicities/${p.id}`)).json().status).toBe('draft');
    at(BEFORE_NATIONAL_DAY);
  });
});

describe('objections', () => {
  it('are lodged only inside the window: 1 ms before the end is accepted, at the end refused', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId } = await selectedThroughApi(ctx, operator, ['窗口测试场景']);
    const draft = await publicityOfCall(operator, callId, { start: false });
    const { user: objectorUser, client: objector0 } = await orgUser(ctx);
    let objector = objector0;
    const early = await objector.post(`/api/v1/publicities/${draft.id}/objections`, objectionBody(draft.items[0]!.id));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('PUBLICITY_WINDOW_CLOSED');
    await operator.post(`/api/v1/publicities/${draft.id}/transitions`, { action: 'start' });

    at(new Date(new Date(END).getTime() - 1));
    objector = await login(ctx.app, objectorUser.email);
    const inside = await objector.post(`/api/v1/publicities/${draft.id}/objections`, objectionBody(draft.items[0]!.id));
    expect(inside.statusCode).toBe(201);
    expect(inside.json()).toMatchObject({ status: 'pending', itemId: draft.items[0]!.id });

    at(END);
    objector = await login(ctx.app, objectorUser.email);
    const before = await objectionCount();
    const late = await objector.post(`/api/v1/publicities/${draft.id}/objections`, objectionBody(draft.items[0]!.id));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PUBLICITY_WINDOW_CLOSED');
    expect(await objectionCount()).toBe(before);
    at(BEFORE_NATIONAL_DAY);
  });

  it('bad input is a 400 naming the field and stores nothing; operators and anonymous visitors cannot lodge', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId } = await selectedThroughApi(ctx, operator, ['输入校验场景']);
    const p = await publicityOfCall(operator, callId);
    const objector = (await orgUser(ctx)).client;
    const before = await objectionCount();
    const short = await objector.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(p.items[0]!.id, { reasons: '太短' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toContainEqual(expect.objectContaining({ path: 'reasons' }));
    const badLink = await objector.post(
      `/api/v1/publicities/${p.id}/objections`,
      objectionBody(p.items[0]!.id, { evidence: [{ title: '链接', url: 'javascript:alert(1)' }] }),
    );
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.details[0].path).toBe('evidence.0.url');
    const otherItem = await objector.post(`/api/v1/publicities/${p.id}/objections`, objectionBody('00000000-0000-4000-8000-000000000000'));
    expect(otherItem.statusCode).toBe(400);
    expect(otherItem.json().error.details).toEqual([{ path: 'itemId', message: '提出异议的条目不在本次公示中' }]);
    expect((await operator.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(p.items[0]!.id))).statusCode).toBe(403);
    expect((await anonymous(ctx.app).post(`/api/v1/publicities/${p.id}/objections`, objectionBody(p.items[0]!.id))).statusCode).toBe(401);
    expect(await objectionCount()).toBe(before);
  });

  it('are decided with a reason; an upheld objection revokes the item and its submission leaves the selection (rejected)', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId, submissionIds, owners } = await selectedThroughApi(ctx, operator, ['异议成立的场景', '异议不成立的场景']);
    const p = await publicityOfCall(operator, callId);
    const { client: objector, org: objectorOrg } = await orgUser(ctx);
    const [first, second] = [
      p.items.find((i) => i.subjectItemId === submissionIds[0])!,
      p.items.find((i) => i.subjectItemId === submissionIds[1])!,
    ];
    const o1 = (await objector.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(first.id))).json().id as string;
    const o2 = (await objector.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(second.id))).json().id as string;

    const noReason = await operator.post(`/api/v1/publicity-objections/${o1}/decision`, { action: 'uphold', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    expect((await submissionRow(submissionIds[0]!)).status).toBe('selected');
    expect((await objector.post(`/api/v1/publicity-objections/${o1}/decision`, { action: 'uphold', reason: '自行处理' })).statusCode).toBe(
      403,
    );

    const upheld = await operator.post(`/api/v1/publicity-objections/${o1}/decision`, {
      action: 'uphold',
      reason: '经核实应用成效数据不实',
    });
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'upheld', decisionReason: '经核实应用成效数据不实' });
    const s = await submissionRow(submissionIds[0]!);
    expect(s.status).toBe('rejected');
    expect(s.statusReason).toContain('经核实应用成效数据不实');
    const dismissed = await operator.post(`/api/v1/publicity-objections/${o2}/decision`, {
      action: 'dismiss',
      reason: '所述情况与事实不符',
    });
    expect(dismissed.json().status).toBe('dismissed');
    const again = await operator.post(`/api/v1/publicity-objections/${o2}/decision`, { action: 'uphold', reason: '改判' });
    expect(again.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await submissionRow(submissionIds[1]!)).status).toBe('selected');

    const shown = (await anonymous(ctx.app).get(`/api/v1/publicities/${p.id}`)).json();
    expect(shown.items.find((i: { id: string }) => i.id === first.id)).toMatchObject({
      status: 'revoked',
      objections: { upheld: 1, pending: 0 },
    });
    expect(shown.items.find((i: { id: string }) => i.id === second.id)).toMatchObject({ status: 'listed', objections: { dismissed: 1 } });

    // Audited in the decisions' transactions.
    const audit = await ctx.handle.db
      .select()
      .from(schema.auditEvents)
      .where(inArray(schema.auditEvents.entityId, [o1, o2, submissionIds[0]!]));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['objection.lodged', 'objection.uphold', 'objection.dismiss', 'submission.revoke_selection']),
    );

    // Told: the lodging organisation and the item's owner; the owner is not told who objected.
    const ownerUser = owners[0]!.userId;
    const notes = await ctx.handle.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.kind, 'publicity.objection_decided'));
    const toOwner = notes.filter((n) => n.userId === ownerUser);
    expect(toOwner.length).toBe(1);
    expect(`${toOwner[0]!.title}${toOwner[0]!.body}`).not.toContain(objectorOrg.name);
    const lodgedNotes = await ctx.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.kind, 'publicity.objection_lodged')));
    expect(lodgedNotes.length).toBeGreaterThan(0);
  });

  it('who lodged an objection is shown to operators only', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId, owners } = await selectedThroughApi(ctx, operator, ['身份保密的场景']);
    const p = await publicityOfCall(operator, callId);
    const { client: objector, org: objectorOrg, user } = await orgUser(ctx);
    await objector.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(p.items[0]!.id));

    const publicBody = (await anonymous(ctx.app).get(`/api/v1/publicities/${p.id}`)).body;
    expect(publicBody).not.toContain(objectorOrg.name);
    expect(publicBody).not.toContain(user.displayName);
    expect(JSON.parse(publicBody).objections).toEqual({ pending: 1, dismissed: 0, upheld: 0 });
    const page = await ctx.app.inject({ method: 'GET', url: `/public/publicity/${p.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(objectorOrg.name);
    expect(page.body).toContain('异议 1 件');

    expect((await anonymous(ctx.app).get(`/api/v1/publicities/${p.id}/objections`)).statusCode).toBe(401);
    expect((await owners[0]!.client.get(`/api/v1/publicities/${p.id}/objections`)).json().items).toEqual([]);
    expect((await objector.get(`/api/v1/publicities/${p.id}/objections`)).json().items).toHaveLength(1);
    expect((await objector.get('/api/v1/publicity-objections/mine')).json().items[0]).toMatchObject({
      publicityId: p.id,
      status: 'pending',
    });
    const seen = (await operator.get(`/api/v1/publicities/${p.id}/objections`)).json().items;
    expect(seen[0]).toMatchObject({ organizationName: objectorOrg.name, lodgedByName: user.displayName });
    const xlsx = await readExport(await operator.get(`/api/v1/publicities/${p.id}/objections/export.xlsx`));
    expect(xlsx.rows).toHaveLength(1);
    expect(xlsx.rows[0]).toEqual(expect.arrayContaining([objectorOrg.name, user.displayName, '待处理']));
    expect((await objector.get(`/api/v1/publicities/${p.id}/objections/export.xlsx`)).statusCode).toBe(403);
  });
});

describe('final, and the call’s batch', () => {
  it('is final only after the end with nothing pending (the clock, idempotent); publishing waits for it', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId, submissionIds } = await selectedThroughApi(ctx, operator, ['待公示结束的场景一', '待公示结束的场景二']);
    const p = await publicityOfCall(operator, callId);
    const objector = (await orgUser(ctx)).client;
    const o = (await objector.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(p.items[0]!.id))).json().id as string;

    const refused = await operator.post(`/api/v1/calls/${callId}/batches`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'PUBLICITY_NOT_FINAL' });
    expect(refused.json().error.message).toContain('公示结束且无待处理异议后方可发文公布');
    expect((await submissionRow(submissionIds[1]!)).status).toBe('selected');

    at(new Date(new Date(END).getTime() - 1));
    await clock();
    expect((await operator.get(`/api/v1/publicities/${p.id}`)).json().status).toBe('running');
    await jump(END);
    await clock();
    // Ended, but an objection is pending: not final, and still no publishing.
    expect((await operator.get(`/api/v1/publicities/${p.id}`)).json()).toMatchObject({ status: 'ended', windowOpen: false });
    expect(await clock()).toBe(0);
    expect((await operator.post(`/api/v1/calls/${callId}/batches`, {})).json().error.code).toBe('PUBLICITY_NOT_FINAL');

    await operator.post(`/api/v1/publicity-objections/${o}/decision`, { action: 'dismiss', reason: '异议理由不成立' });
    const final = (await operator.get(`/api/v1/publicities/${p.id}`)).json();
    expect(final).toMatchObject({ status: 'final' });
    expect(await clock()).toBe(0);

    const published = await operator.post(`/api/v1/calls/${callId}/batches`, {});
    expect(published.statusCode).toBe(201);
    expect((await submissionRow(submissionIds[0]!)).status).toBe('published');
  });

  it('a publicity with no objection becomes final at its end in one clock run; a rerun does nothing', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId } = await selectedThroughApi(ctx, operator, ['无异议的场景']);
    const p = await publicityOfCall(operator, callId, { workingDays: 1 });
    at('2025-09-28T16:00:00Z'); // 24:00 of Sunday 9.28, a 调休 working day
    await clock();
    const after = (await anonymous(ctx.app).get(`/api/v1/publicities/${p.id}`)).json();
    expect(after).toMatchObject({ status: 'final', endsAt: '2025-09-28T16:00:00.000Z' });
    expect(await clock()).toBe(0);
    const events = await ctx.handle.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.entityId, p.id))
      .orderBy(schema.auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual(['publicity.created', 'publicity.start', 'publicity.end', 'publicity.finalize']);
    at(BEFORE_NATIONAL_DAY);
  });

  it('one live publicity per call; only operators create one', async () => {
    at(BEFORE_NATIONAL_DAY);
    const { callId } = await selectedThroughApi(ctx, operator, ['重复公示的场景']);
    await publicityOfCall(operator, callId, { start: false });
    const twice = await operator.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: callId });
    expect(twice.json().error.code).toBe('PUBLICITY_EXISTS');
    const member = (await orgUser(ctx)).client;
    expect((await member.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: callId })).statusCode).toBe(403);
  });
});
