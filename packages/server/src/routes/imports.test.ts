import { insertOrganization } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook, sampleCreditCode, sampleRow } from '@scenebridge/app/imports/spreadsheet/testing';
import { createTestContext, makeCall, orgUser, platformUser, uploadFile, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;
const OWNERS = 3;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  for (let i = 0; i < OWNERS; i++) {
    await insertOrganization(ctx.services.db, {
      name: `导入测试机构${i}`,
      creditCode: sampleCreditCode(i),
      kind: 'government',
      regionCode: '500112',
      contactName: '王五',
      contactPhone: '13800138000',
      status: 'approved',
    });
  }
});
afterAll(async () => {
  await ctx?.close();
});

const countOf = async (callId: string) => (await operator.get(`/api/v1/submissions?callId=${callId}&pageSize=1`)).json().total as number;

describe('XLSX import', () => {
  it('dry run reports each bad row with row number, column and reason, and writes nothing', async () => {
    const call = await makeCall(ctx.services);
    const rows = [0, 1, 2, 3, 4].map((i) => sampleRow('scenario_need', i, OWNERS));
    rows[1] = { ...rows[1], 所属领域: '航天' };
    rows[3] = { ...rows[3], 联系电话: '12345' };
    const res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, await buildWorkbook('scenario_need', rows));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'dry_run', totalRows: 5, validRows: 3, committed: false, created: 0 });
    expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '所属领域'],
      [5, '联系电话'],
    ]);
    expect(await countOf(call.id)).toBe(0);
  });

  it('commit is all-or-nothing, skipInvalid accepts the rest, and a second import creates nothing', async () => {
    const call = await makeCall(ctx.services);
    const rows = [10, 11, 12, 13].map((i) => sampleRow('scenario_need', i, OWNERS));
    rows[2] = { ...rows[2], 机构统一社会信用代码: '91350100M000100Y44' };
    const file = await buildWorkbook('scenario_need', rows);

    const refused = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=commit`, file);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(refused.json().error.details.errors[0]).toMatchObject({ row: 4, column: '机构统一社会信用代码' });
    expect(await countOf(call.id)).toBe(0);

    const partial = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=commit&skipInvalid=true`, file);
    expect(partial.json()).toMatchObject({ committed: true, created: 3, duplicates: 0 });
    expect(await countOf(call.id)).toBe(3);

    const again = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=commit&skipInvalid=true`, file);
    expect(again.json()).toMatchObject({ committed: true, created: 0, duplicates: 3 });
    expect(await countOf(call.id)).toBe(3);

    const audit = (await operator.get(`/api/v1/audit?entityType=call&entityId=${call.id}`)).json().items as { action: string }[];
    expect(audit.filter((a) => a.action === 'import.committed')).toHaveLength(2);
  });

  it('rejects rows for unregistered owners, and limits an organisation admin to its own rows', async () => {
    const call = await makeCall(ctx.services);
    const { client, org } = await orgUser(ctx);
    const mine = { ...sampleRow('scenario_need', 20, OWNERS), 机构统一社会信用代码: org.creditCode };
    const theirs = sampleRow('scenario_need', 21, OWNERS);
    const res = await uploadFile(
      client,
      `/api/v1/imports?callId=${call.id}&mode=dry_run`,
      await buildWorkbook('scenario_need', [mine, theirs]),
    );
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 3, code: 'OWNER_NOT_ALLOWED' })]);
    const unknown = { ...sampleRow('scenario_need', 22, OWNERS), 机构统一社会信用代码: sampleCreditCode(999) };
    const res2 = await uploadFile(
      operator,
      `/api/v1/imports?callId=${call.id}&mode=dry_run`,
      await buildWorkbook('scenario_need', [unknown]),
    );
    expect(res2.json().errors[0]).toMatchObject({ row: 2, code: 'UNKNOWN_ORGANIZATION' });
  });

  it('serves a template that imports cleanly into an empty call', async () => {
    const res = await operator.get('/api/v1/imports/template?listType=capability');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const call = await makeCall(ctx.services, { input: { listType: 'capability' } });
    const report = (await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, res.rawPayload)).json();
    expect(report).toMatchObject({ totalRows: 0, errors: [] });
  });

  it('imports a larger file in bulk and leaves the audit chain intact', async () => {
    const call = await makeCall(ctx.services);
    const rows = Array.from({ length: 120 }, (_, i) => sampleRow('scenario_need', 1000 + i, OWNERS));
    const res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=commit`, await buildWorkbook('scenario_need', rows));
    expect(res.json()).toMatchObject({ committed: true, created: 120 });
    const items = (await operator.get(`/api/v1/submissions?callId=${call.id}&pageSize=100`)).json();
    expect(items.total).toBe(120);
    expect(items.items[0]).toMatchObject({ status: 'submitted', listType: 'scenario_need' });
    expect((await operator.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('rejects a file that is not a workbook', async () => {
    const call = await makeCall(ctx.services);
    const res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, Buffer.from('not a spreadsheet'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_WORKBOOK');
  });
});
