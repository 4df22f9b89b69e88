import { schema } from '@scenebridge/db';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

/** A call named as the operator numbers its lists, with `n` items selected in review. */
async function selectedInCall(title: string, n: number) {
  const now = Date.now();
  const call = await makeCall(ctx.services, {
    input: { title, opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString() },
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = await orgUser(ctx);
    const id = (
      await o.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title: `预览测试场景${i + 1}号需求` }) })
    ).json().id as string;
    expect((await o.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    ids.push(id);
  }
  expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).statusCode).toBe(200);
  expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'start_review' })).statusCode).toBe(200);
  expect((await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: ids, action: 'select' })).statusCode).toBe(200);
  return { call, ids };
}

const rows = async (table: typeof schema.batches | typeof schema.auditEvents) =>
  (await ctx.handle.db.select({ n: count() }).from(table))[0]!.n;

describe('publishing, previewed first', () => {
  it('previews the entry count, entries and the number the call’s title names, writing nothing', async () => {
    const { call, ids } = await selectedInCall('2026年第五批人工智能场景需求征集', 3);
    const [batchesBefore, auditBefore] = [await rows(schema.batches), await rows(schema.auditEvents)];

    const res = await operator.get(`/api/v1/calls/${call.id}/batches/preview`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ callId: call.id, number: 5, numberSource: 'call_title', entryCount: 3 });
    expect(p.title).toMatch(/^\d{4}年第5批人工智能场景机会清单$/);
    expect(p.entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);

    for (const format of ['xlsx', 'docx'] as const) {
      const file = await operator.get(`/api/v1/calls/${call.id}/batches/preview/${format}?number=5`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain(`preview.${format}`);
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(file.rawPayload as never);
        expect(wb.worksheets.length).toBeGreaterThan(0);
      } else {
        const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
        expect(xml).toContain('共3项');
      }
    }
    // Nothing was published, nothing audited, the items are still waiting.
    expect([await rows(schema.batches), await rows(schema.auditEvents)]).toEqual([batchesBefore, auditBefore]);
    const states = (await operator.get(`/api/v1/submissions?callId=${call.id}`)).json().items.map((i: { status: string }) => i.status);
    expect(states).toEqual(['selected', 'selected', 'selected']);

    // Publishing with the previewed number gives the previewed batch.
    const published = await operator.post(`/api/v1/calls/${call.id}/batches`, { number: p.number });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ number: 5, title: p.title, entryCount: 3 });
    expect(ids).toHaveLength(3);
  });

  it('suggests the next number when the title names none or its number is taken', async () => {
    const { call } = await selectedInCall('2026年第五批人工智能场景需求征集（补充）', 1);
    const p = (await operator.get(`/api/v1/calls/${call.id}/batches/preview`)).json();
    expect(p.numberSource).toBe('sequence');
    expect(p.number).not.toBe(5);
    const plain = await selectedInCall('2026年第三季度人工智能场景需求征集', 1);
    expect((await operator.get(`/api/v1/calls/${plain.call.id}/batches/preview`)).json().numberSource).toBe('sequence');
  });

  it('refuses a batch number out of range with a message at the field, not a clamped number', async () => {
    const { call } = await selectedInCall('2026年第七批人工智能场景需求征集', 1);
    const preview = await operator.get(`/api/v1/calls/${call.id}/batches/preview?number=1000`);
    expect(preview.statusCode).toBe(400);
    expect(preview.json().error.details).toEqual([{ path: 'number', message: '批次号应在1–999之间' }]);
    const publish = await operator.post(`/api/v1/calls/${call.id}/batches`, { number: 0 });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.details[0]).toMatchObject({ path: 'number' });
  });

  it('answers 409 when the call is not in review, and 403 to non-operators', async () => {
    const call = await makeCall(ctx.services, { status: 'open' });
    expect((await operator.get(`/api/v1/calls/${call.id}/batches/preview`)).json().error.code).toBe('CALL_NOT_REVIEWING');
    const { client } = await orgUser(ctx);
    expect((await client.get(`/api/v1/calls/${call.id}/batches/preview`)).statusCode).toBe(403);
  });
});
