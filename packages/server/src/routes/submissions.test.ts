import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('scenario need submission loop', () => {
  it('draft → submit → operator returns → resubmit → withdraw, each step audited', async () => {
    const call = await makeCall(ctx.services);
    const { client, org } = await orgUser(ctx);
    const operator = (await platformUser(ctx)).client;

    const draft = await client.post('/api/v1/submissions', { callId: call.id, data: { title: '只有标题的草稿' } });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id as string;
    expect(draft.json()).toMatchObject({ status: 'draft', organization: { id: org.id }, allowedActions: ['submit', 'discard'] });

    // Incomplete drafts cannot be submitted; nothing changes.
    const bad = await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((bad.json().error.details as { path: string }[]).map((d) => d.path)).toContain('description');
    expect((await client.get(`/api/v1/submissions/${id}`)).json().status).toBe('draft');

    // Operators do not see drafts.
    expect((await operator.get(`/api/v1/submissions/${id}`)).statusCode).toBe(404);

    expect((await client.patch(`/api/v1/submissions/${id}`, { data: scenarioNeedData() })).statusCode).toBe(200);
    const submitted = await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');

    const seen = await operator.get(`/api/v1/submissions?callId=${call.id}`);
    expect(seen.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const listed = (await operator.get('/api/v1/calls?pageSize=100')).json().items as { id: string; submissionCount: number }[];
    expect(listed.find((c) => c.id === call.id)?.submissionCount).toBe(1);
    expect((await operator.get(`/api/v1/calls/${call.id}`)).json().submissionCount).toBe(1);

    const noReason = await operator.post(`/api/v1/submissions/${id}/transitions`, { action: 'return_for_revision' });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const returned = await operator.post(`/api/v1/submissions/${id}/transitions`, {
      action: 'return_for_revision',
      reason: '请补充预算依据',
    });
    expect(returned.json()).toMatchObject({ status: 'returned_for_revision', statusReason: '请补充预算依据' });

    expect((await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'resubmit' })).json().status).toBe('submitted');
    expect((await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'withdraw' })).json().status).toBe('withdrawn');

    const illegal = await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('ILLEGAL_TRANSITION');

    const history = (await client.get(`/api/v1/submissions/${id}/history`)).json().items as { action: string; reason: string | null }[];
    expect(history.map((h) => h.action)).toEqual([
      'submission.created',
      'submission.updated',
      'submission.submit',
      'submission.return_for_revision',
      'submission.resubmit',
      'submission.withdraw',
    ]);
    expect(history[3]!.reason).toBe('请补充预算依据');
  });

  it('refuses submission outside the call window by server time, and keeps the draft', async () => {
    const now = Date.now();
    const call = await makeCall(ctx.services, {
      input: { opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString() },
    });
    const { client } = await orgUser(ctx);
    const id = (await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() })).json().id as string;
    ctx.setNow(new Date(call.closesAt.getTime() + 1000));
    try {
      const late = await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('CALL_NOT_OPEN');
      expect((await client.get(`/api/v1/submissions/${id}`)).json().status).toBe('draft');
    } finally {
      ctx.setNow(new Date());
    }
    ctx.setNow(new Date(call.opensAt.getTime() - 1000));
    try {
      expect((await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).json().error.code).toBe('CALL_NOT_OPEN');
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('refuses submissions from an organisation that is not approved', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx, { status: 'pending' });
    const res = await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORGANIZATION_NOT_APPROVED');
  });

  it('hides one organisation’s submissions from another', async () => {
    const call = await makeCall(ctx.services);
    const a = await orgUser(ctx);
    const b = await orgUser(ctx);
    const id = (await a.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() })).json().id as string;
    expect((await b.client.get(`/api/v1/submissions/${id}`)).statusCode).toBe(404);
    expect((await b.client.patch(`/api/v1/submissions/${id}`, { data: { title: '篡改标题试试' } })).statusCode).toBe(404);
    expect((await b.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'withdraw' })).statusCode).toBe(404);
    expect((await b.client.get('/api/v1/submissions')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });
});
