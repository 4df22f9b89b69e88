import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const details = (res: { json(): unknown }) => (res.json() as { error: { details: { path: string; message: string }[] } }).error.details;

describe('out-of-range numbers are refused, never clamped', () => {
  it('a budget of 99999999999 万元 is a 400 naming the field, in a draft and on submit, and nothing is stored', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const create = await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ budgetMin: 99_999_999_999 }) });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.code).toBe('VALIDATION_FAILED');
    expect(details(create)).toContainEqual({ path: 'budgetMin', message: '预算下限（万元）应在0–1000000之间' });

    const id = (
      await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ budgetMin: 100, budgetMax: 200 }) })
    ).json().id as string;
    const patch = await client.patch(`/api/v1/submissions/${id}`, { data: scenarioNeedData({ budgetMin: 100, budgetMax: 1_000_001 }) });
    expect(patch.statusCode).toBe(400);
    expect(details(patch).map((d) => d.path)).toContain('budgetMax');
    const stored = (await client.get(`/api/v1/submissions/${id}`)).json().data as { budgetMin: number; budgetMax: number };
    expect([stored.budgetMin, stored.budgetMax]).toEqual([100, 200]);
  });

  it('a score of 150 is a 400 naming the criterion', async () => {
    const reviewer = (await platformUser(ctx, ['reviewer'])).client;
    const res = await reviewer.request('PUT', '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000', {
      scores: { urgency: 150, feasibility: 80 },
      submit: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(details(res)).toEqual([{ path: 'scores.urgency', message: '分数应在0–100之间' }]);
  });
});

describe('a draft is deleted (删除草稿), not withdrawn', () => {
  it('offers discard on a draft, records it, and drops the draft from the owner’s list', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const id = (await client.post('/api/v1/submissions', { callId: call.id, data: { title: '不再需要的草稿' } })).json().id as string;
    expect((await client.get(`/api/v1/submissions/${id}`)).json().allowedActions).toEqual(['submit', 'discard']);
    const withdraw = await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'withdraw' });
    expect(withdraw.json().error.code).toBe('ILLEGAL_TRANSITION');

    const res = await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'discard' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'discarded', allowedActions: [] });
    const history = (await client.get(`/api/v1/submissions/${id}/history`)).json().items as { action: string; toState: string }[];
    expect(history.at(-1)).toMatchObject({ action: 'submission.discard', toState: 'discarded' });

    const listed = (await client.get('/api/v1/submissions?pageSize=100')).json() as { items: { id: string }[]; total: number };
    expect(listed.items.map((i) => i.id)).not.toContain(id);
    // Asked for by its status, it is still there (nothing is erased from the record).
    expect((await client.get('/api/v1/submissions?status=discarded')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('a submitted item is still withdrawn, not discarded', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const id = (await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() })).json().id as string;
    await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' });
    expect((await client.get(`/api/v1/submissions/${id}`)).json().allowedActions).toEqual(['withdraw']);
    expect((await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'discard' })).json().error.code).toBe(
      'ILLEGAL_TRANSITION',
    );
  });
});

describe('the receipt of a submission', () => {
  it('gives a readable reference number and time on submit, the same after a resubmission', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const operator = (await platformUser(ctx)).client;
    const id = (await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() })).json().id as string;
    expect((await client.get(`/api/v1/submissions/${id}`)).json().receiptNo).toBeNull();

    const submitted = (await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).json();
    expect(submitted.receiptNo).toMatch(/^SB\d{4}-\d{6}$/);
    expect(submitted.submittedAt).not.toBeNull();
    expect((await operator.get(`/api/v1/submissions/${id}`)).json().receiptNo).toBe(submitted.receiptNo);

    await operator.post(`/api/v1/submissions/${id}/transitions`, { action: 'return_for_revision', reason: '请补充预算依据' });
    const again = (await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'resubmit' })).json();
    expect(again.receiptNo).toBe(submitted.receiptNo);

    // Another submission has another number.
    const other = (
      await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title: '另一个场景需求名称' }) })
    ).json().id as string;
    const second = (await client.post(`/api/v1/submissions/${other}/transitions`, { action: 'submit' })).json();
    expect(second.receiptNo).not.toBe(submitted.receiptNo);
  });
});
