/**
 * The portal's batch page prints 征集时间 as the bulletin does: the planned window as announced
 * and, when the operator closed the call before its deadline, the day it actually closed.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  makeCall,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  // 2026-12-07 10:00 in Shanghai.
  ctx = await createTestContext({ now: new Date('2026-12-07T02:00:00.000Z'), config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

async function ok(res: Promise<{ statusCode: number; body: string }>, status: number) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r;
}

describe('征集时间 on the portal', () => {
  it('shows the planned window and the early close, as the DOCX bulletin does', async () => {
    // Planned 2026-11-01 to 2026-12-31 (Shanghai); the operator closes it on 2026-12-07.
    const call = await makeCall(ctx.services, {
      status: 'open',
      input: { opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-31T17:00:00+08:00' },
    });
    const owner = (await orgUser(ctx)).client;
    const created = await ok(owner.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() }), 201);
    const id = JSON.parse(created.body).id as string;
    await ok(owner.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' }), 200);
    for (const action of ['close', 'start_review']) await ok(operator.post(`/api/v1/calls/${call.id}/transitions`, { action }), 200);
    await ok(operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: [id], action: 'select' }), 200);
    const batchId = JSON.parse((await ok(operator.post(`/api/v1/calls/${call.id}/batches`, {}), 201)).body).id as string;

    const expected = '2026年11月1日至2026年12月31日（已于2026年12月7日提前截止）';
    const page = await anonymous(ctx.app).get(`/public/batches/${batchId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<dt>征集时间</dt><dd>${expected}</dd>`);

    const docx = await anonymous(ctx.app).get(`/public/batches/${batchId}/download.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`征集时间：${expected}`);
  });
});
