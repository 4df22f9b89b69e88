import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advanceCallsByClock } from '@scenebridge/app/calls';
import { anonymous, callInput, createTestContext, makeCall, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

interface AuditItem {
  seq: number;
  action: string;
  actorLabel: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

async function callAudit(operator: Client, id: string): Promise<AuditItem[]> {
  const res = await operator.get(`/api/v1/audit?entityType=call&entityId=${id}&pageSize=100`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as AuditItem[]).sort((a, b) => a.seq - b.seq);
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('calls through the API', () => {
  let ctx: TestContext;
  let operator: Client;
  let operatorLabel: string;
  beforeAll(async () => {
    ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
    const op = await platformUser(ctx);
    operator = op.client;
    operatorLabel = `${op.user.displayName} <${op.user.email}>`;
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    ctx?.setNow(new Date());
  });

  async function createDraft(overrides: Parameters<typeof callInput>[0] = {}) {
    const res = await operator.post('/api/v1/calls', callInput(overrides, ctx.services.now()));
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; status: string; opensAt: string; closesAt: string; title: string };
  }

  it('the operator creates a call as a draft, audited with the operator as actor', async () => {
    const input = callInput({ title: '2026年智能制造场景需求征集' });
    const res = await operator.post('/api/v1/calls', input);
    expect(res.statusCode).toBe(201);
    const call = res.json();
    expect(call).toMatchObject({
      title: '2026年智能制造场景需求征集',
      listType: 'scenario_need',
      status: 'draft',
      submissionCount: 0,
      acceptingSubmissions: false,
      reviewScheme: input.reviewScheme,
    });
    expect(call.allowedActions.sort()).toEqual(['cancel', 'open', 'schedule']);
    expect(new Date(call.opensAt).getTime()).toBe(new Date(input.opensAt).getTime());

    expect((await operator.get(`/api/v1/calls/${call.id}`)).json()).toMatchObject({ id: call.id, status: 'draft' });
    const events = await callAudit(operator, call.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'call.created', toState: 'draft', actorLabel: operatorLabel });
    expect(events[0]!.data).toMatchObject({ title: input.title, listType: 'scenario_need' });
  });

  it('refuses review weights that do not sum to 100, and closesAt not after opensAt', async () => {
    const before = (await operator.get('/api/v1/calls?pageSize=100')).json().total as number;
    const weights = await operator.post(
      '/api/v1/calls',
      callInput({
        reviewScheme: {
          reviewersPerItem: 3,
          blind: false,
          criteria: [
            { key: 'urgency', name: '需求迫切性', weight: 60 },
            { key: 'feasibility', name: '技术可行性', weight: 30 },
          ],
        },
      }),
    );
    expect(weights.statusCode).toBe(400);
    expect(weights.json().error.code).toBe('VALIDATION_FAILED');
    expect(weights.json().error.details.map((d: { message: string }) => d.message)).toContain('评审指标权重之和应为100');

    const now = Date.now();
    for (const [opensAt, closesAt] of [
      [now + 2 * DAY, now + DAY],
      [now + DAY, now + DAY],
    ]) {
      const res = await operator.post(
        '/api/v1/calls',
        callInput({ opensAt: new Date(opensAt!).toISOString(), closesAt: new Date(closesAt!).toISOString() }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'closesAt', message: '截止时间须晚于开始时间' })]),
      );
    }
    const noOffset = await operator.post('/api/v1/calls', callInput({ opensAt: '2026-05-01 09:00' }));
    expect(noOffset.statusCode).toBe(400);
    expect((await operator.get('/api/v1/calls?pageSize=100')).json().total).toBe(before);
  });

  it('non-operators cannot create calls (403), anonymous callers get 401, and nothing is created', async () => {
    const before = (await operator.get('/api/v1/calls?pageSize=100')).json().total as number;
    const orgAdmin = (await orgUser(ctx)).client;
    const reviewer = (await platformUser(ctx, ['reviewer'])).client;
    const broker = (await platformUser(ctx, ['broker'])).client;
    for (const client of [orgAdmin, reviewer, broker]) {
      const res = await client.post('/api/v1/calls', callInput());
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anon = await anonymous(ctx.app).post('/api/v1/calls', callInput());
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
    expect((await operator.get('/api/v1/calls?pageSize=100')).json().total).toBe(before);
  });

  it('anonymous and organisation callers see open calls but not drafts or cancelled ones', async () => {
    const draft = await createDraft({ title: '匿名不可见的草稿征集' });
    const open = await makeCall(ctx.services, { status: 'open' });
    const cancelled = await makeCall(ctx.services, { status: 'cancelled' });
    const orgAdmin = (await orgUser(ctx)).client;
    for (const client of [anonymous(ctx.app), orgAdmin]) {
      const list = (await client.get('/api/v1/calls?pageSize=100')).json();
      const ids = list.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(draft.id);
      expect(ids).not.toContain(cancelled.id);
      expect(list.items.every((c: { status: string }) => c.status !== 'draft' && c.status !== 'cancelled')).toBe(true);
      // Asking for drafts explicitly gives nothing rather than leaking them.
      const drafts = await client.get('/api/v1/calls?status=draft');
      expect(drafts.statusCode).toBe(200);
      expect(drafts.json()).toMatchObject({ items: [], total: 0 });
      expect((await client.get(`/api/v1/calls/${draft.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/v1/calls/${cancelled.id}`)).statusCode).toBe(404);
      const one = await client.get(`/api/v1/calls/${open.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id: open.id, status: 'open', acceptingSubmissions: true, allowedActions: [] });
    }
    const opView = (await operator.get('/api/v1/calls?status=draft&pageSize=100')).json().items.map((c: { id: string }) => c.id);
    expect(opView).toContain(draft.id);
  });

  it('the operator opens a draft early: opensAt becomes now, and it accepts submissions', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(now);
    const draft = await createDraft({
      opensAt: new Date(now.getTime() + 3 * DAY).toISOString(),
      closesAt: new Date(now.getTime() + 10 * DAY).toISOString(),
    });
    const res = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'open' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', opensAt: now.toISOString(), closesAt: draft.closesAt, acceptingSubmissions: true });
    expect(res.json().allowedActions).toEqual(['close']);
    const last = (await callAudit(operator, draft.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'call.open', fromState: 'draft', toState: 'open', actorLabel: operatorLabel });
    expect(last.data).toMatchObject({ opensAt: now.toISOString() });

    // An organisation can now submit into it.
    const { client } = await orgUser(ctx);
    expect((await client.post('/api/v1/submissions', { callId: draft.id, data: { title: '提前开放后的草稿' } })).statusCode).toBe(201);
  });

  it('the operator closes an open call early: the planned closesAt stays, closedAt is now, and it stops accepting', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(now);
    const call = await makeCall(ctx.services, { status: 'open' });
    const res = await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      closesAt: call.closesAt.toISOString(),
      closedAt: now.toISOString(),
      acceptingSubmissions: false,
      allowedActions: ['start_review'],
    });
    expect((await callAudit(operator, call.id)).at(-1)).toMatchObject({ action: 'call.close', fromState: 'open', toState: 'closed' });
    // Then on through review to results.
    expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'start_review' })).json().status).toBe('reviewing');
    expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'publish_results' })).json().status).toBe(
      'results_published',
    );
  });

  it('refuses to open a call whose closing time has passed (409 CALL_WINDOW_PASSED)', async () => {
    // A draft prepared for a window that has already ended (moving the clock 7 days would end the session).
    const now = Date.now();
    const draft = await createDraft({ opensAt: new Date(now - 2 * HOUR).toISOString(), closesAt: new Date(now - 1000).toISOString() });
    const res = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'open' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CALL_WINDOW_PASSED');
    expect((await operator.get(`/api/v1/calls/${draft.id}`)).json().status).toBe('draft');
  });

  it('cancel requires a reason, records it, and hides the call from the public', async () => {
    const draft = await createDraft();
    const noReason = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'cancel' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    expect((await operator.get(`/api/v1/calls/${draft.id}`)).json().status).toBe('draft');

    const res = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'cancel', reason: '征集方案调整' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', statusReason: '征集方案调整', allowedActions: [] });
    expect((await callAudit(operator, draft.id)).at(-1)).toMatchObject({
      action: 'call.cancel',
      reason: '征集方案调整',
      toState: 'cancelled',
    });
    expect((await anonymous(ctx.app).get(`/api/v1/calls/${draft.id}`)).statusCode).toBe(404);
  });

  it('refuses illegal transitions with 409 and unknown actions with 400, leaving the call as it was', async () => {
    const draft = await createDraft();
    const close = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'close' });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('ILLEGAL_TRANSITION');
    const review = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'start_review' });
    expect(review.statusCode).toBe(409);
    const unknown = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'archive' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_ACTION');

    const open = await makeCall(ctx.services, { status: 'open' });
    const cancelOpen = await operator.post(`/api/v1/calls/${open.id}/transitions`, { action: 'cancel', reason: '试图取消已开放的征集' });
    expect(cancelOpen.statusCode).toBe(409);
    expect((await operator.get(`/api/v1/calls/${open.id}`)).json().status).toBe('open');
    expect((await operator.get(`/api/v1/calls/${draft.id}`)).json().status).toBe('draft');
    expect(await callAudit(operator, draft.id)).toHaveLength(1);

    const missing = await operator.post('/api/v1/calls/00000000-0000-4000-8000-000000000000/transitions', { action: 'open' });
    expect(missing.statusCode).toBe(404);
  });

  it('non-operators cannot move calls', async () => {
    const draft = await createDraft();
    const { client } = await orgUser(ctx);
    const res = await client.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'open' });
    expect(res.statusCode).toBe(403);
    expect((await anonymous(ctx.app).post(`/api/v1/calls/${draft.id}/transitions`, { action: 'open' })).statusCode).toBe(401);
    expect((await operator.get(`/api/v1/calls/${draft.id}`)).json().status).toBe('draft');
  });

  it('PATCH works in draft and scheduled, and is refused with 409 CALL_NOT_EDITABLE once open', async () => {
    const draft = await createDraft();
    const edited = await operator.patch(`/api/v1/calls/${draft.id}`, callInput({ title: '修改后的征集名称' }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: draft.id, title: '修改后的征集名称', status: 'draft' });

    const scheduled = await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'schedule' });
    expect(scheduled.json().status).toBe('scheduled');
    const editedScheduled = await operator.patch(`/api/v1/calls/${draft.id}`, callInput({ title: '待开放时再次修改' }));
    expect(editedScheduled.statusCode).toBe(200);
    expect(editedScheduled.json().title).toBe('待开放时再次修改');

    expect((await operator.post(`/api/v1/calls/${draft.id}/transitions`, { action: 'open' })).json().status).toBe('open');
    const refused = await operator.patch(`/api/v1/calls/${draft.id}`, callInput({ title: '开放后不能再修改' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CALL_NOT_EDITABLE');
    expect((await operator.get(`/api/v1/calls/${draft.id}`)).json().title).toBe('待开放时再次修改');
    const cancelled = await makeCall(ctx.services, { status: 'cancelled' });
    expect((await operator.patch(`/api/v1/calls/${cancelled.id}`, callInput())).json().error.code).toBe('CALL_NOT_EDITABLE');

    const actions = (await callAudit(operator, draft.id)).map((e) => e.action);
    expect(actions).toEqual(['call.created', 'call.updated', 'call.schedule', 'call.updated', 'call.open']);

    // Non-operators cannot edit, and invalid bodies are refused.
    const { client } = await orgUser(ctx);
    const other = await createDraft();
    expect((await client.patch(`/api/v1/calls/${other.id}`, callInput({ title: '机构用户试图修改' }))).statusCode).toBe(403);
    const invalid = await operator.patch(`/api/v1/calls/${other.id}`, { ...callInput(), title: '短' });
    expect(invalid.statusCode).toBe(400);
    expect((await operator.get(`/api/v1/calls/${other.id}`)).json().title).toBe(other.title);
  });
});

describe('list type changes', () => {
  let ctx: TestContext;
  let operator: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    operator = (await platformUser(ctx)).client;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function scheduledCallWithDraft() {
    const input = callInput({ opensAt: new Date(Date.now() + DAY).toISOString(), closesAt: new Date(Date.now() + 5 * DAY).toISOString() });
    const id = (await operator.post('/api/v1/calls', input)).json().id as string;
    expect((await operator.post(`/api/v1/calls/${id}/transitions`, { action: 'schedule' })).json().status).toBe('scheduled');
    const { client } = await orgUser(ctx);
    const draft = await client.post('/api/v1/submissions', { callId: id, data: { title: '待开放征集中的草稿' } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().listType).toBe('scenario_need');
    return { id, input };
  }

  it('a scheduled call with no submissions may change its list type', async () => {
    const input = callInput({ opensAt: new Date(Date.now() + DAY).toISOString(), closesAt: new Date(Date.now() + 5 * DAY).toISOString() });
    const id = (await operator.post('/api/v1/calls', input)).json().id as string;
    const res = await operator.patch(`/api/v1/calls/${id}`, { ...input, listType: 'capability' });
    expect(res.statusCode).toBe(200);
    expect(res.json().listType).toBe('capability');
  });

  // Drafts were not counted, so a call holding scenario-need drafts could become a capability call.
  it('refuses to change the list type while drafts exist in the call (409 CALL_NOT_EDITABLE)', async () => {
    const { id, input } = await scheduledCallWithDraft();
    const res = await operator.patch(`/api/v1/calls/${id}`, { ...input, listType: 'capability' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CALL_NOT_EDITABLE');
    expect((await operator.get(`/api/v1/calls/${id}`)).json().listType).toBe('scenario_need');
  });
});

describe('the clock', () => {
  let ctx: TestContext;
  let operator: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    operator = (await platformUser(ctx)).client;
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    ctx?.setNow(new Date());
  });

  it('opens a scheduled call at opensAt and closes it at closesAt, each move audited as system', async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(t0);
    const opensAt = new Date(t0.getTime() + HOUR);
    const closesAt = new Date(t0.getTime() + 3 * HOUR);
    const created = await operator.post('/api/v1/calls', callInput({ opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() }));
    const id = created.json().id as string;
    const scheduled = await operator.post(`/api/v1/calls/${id}/transitions`, { action: 'schedule' });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', acceptingSubmissions: false });
    expect(scheduled.json().allowedActions.sort()).toEqual(['cancel', 'open', 'unschedule']);
    // Scheduled calls are announced publicly.
    expect((await anonymous(ctx.app).get(`/api/v1/calls/${id}`)).json().status).toBe('scheduled');

    ctx.setNow(new Date(opensAt.getTime() - 1000));
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(0);
    expect((await operator.get(`/api/v1/calls/${id}`)).json().status).toBe('scheduled');

    ctx.setNow(opensAt);
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(1);
    const opened = (await operator.get(`/api/v1/calls/${id}`)).json();
    expect(opened).toMatchObject({
      status: 'open',
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      acceptingSubmissions: true,
    });
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(0);

    ctx.setNow(new Date(closesAt.getTime() - 1000));
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(0);
    expect((await operator.get(`/api/v1/calls/${id}`)).json().status).toBe('open');

    ctx.setNow(closesAt);
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(1);
    expect((await operator.get(`/api/v1/calls/${id}`)).json()).toMatchObject({
      status: 'closed',
      closesAt: closesAt.toISOString(),
      closedAt: closesAt.toISOString(),
      acceptingSubmissions: false,
    });
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(0);

    const events = await callAudit(operator, id);
    expect(events.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['call.created', null, 'draft'],
      ['call.schedule', 'draft', 'scheduled'],
      ['call.open', 'scheduled', 'open'],
      ['call.close', 'open', 'closed'],
    ]);
    expect(events.slice(2).map((e) => [e.actorLabel, e.reason])).toEqual([
      ['system', 'clock'],
      ['system', 'clock'],
    ]);
    expect(events[1]!.actorLabel).not.toBe('system');
  });

  it('a scheduled call whose whole window passed while the clock was away is opened and then closed', async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(t0);
    const created = await operator.post(
      '/api/v1/calls',
      callInput({
        opensAt: new Date(t0.getTime() + HOUR).toISOString(),
        closesAt: new Date(t0.getTime() + 2 * HOUR).toISOString(),
      }),
    );
    const id = created.json().id as string;
    expect((await operator.post(`/api/v1/calls/${id}/transitions`, { action: 'schedule' })).json().status).toBe('scheduled');
    ctx.setNow(new Date(t0.getTime() + 5 * HOUR));
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(1);
    expect((await operator.get(`/api/v1/calls/${id}`)).json().status).toBe('closed');
    const events = await callAudit(operator, id);
    expect(events.slice(-2).map((e) => [e.action, e.actorLabel])).toEqual([
      ['call.open', 'system'],
      ['call.close', 'system'],
    ]);
  });

  it('leaves drafts alone, and unschedule takes a call back to draft so the clock ignores it', async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(t0);
    const input = callInput({
      opensAt: new Date(t0.getTime() + HOUR).toISOString(),
      closesAt: new Date(t0.getTime() + 4 * HOUR).toISOString(),
    });
    const draftId = (await operator.post('/api/v1/calls', input)).json().id as string;
    const unscheduledId = (await operator.post('/api/v1/calls', input)).json().id as string;
    await operator.post(`/api/v1/calls/${unscheduledId}/transitions`, { action: 'schedule' });
    const back = await operator.post(`/api/v1/calls/${unscheduledId}/transitions`, { action: 'unschedule' });
    expect(back.json().status).toBe('draft');
    ctx.setNow(new Date(t0.getTime() + 2 * HOUR));
    expect(await advanceCallsByClock({ services: ctx.services })).toBe(0);
    expect((await operator.get(`/api/v1/calls/${draftId}`)).json().status).toBe('draft');
    expect((await operator.get(`/api/v1/calls/${unscheduledId}`)).json().status).toBe('draft');
  });
});
