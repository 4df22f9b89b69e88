import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

type Client = Awaited<ReturnType<typeof orgUser>>['client'];
async function draft(client: Client, callId: string, title: string) {
  const res = await client.post('/api/v1/submissions', { callId, data: scenarioNeedData({ title }) });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
async function submitted(client: Client, callId: string, title: string) {
  const id = await draft(client, callId, title);
  expect((await client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
  return id;
}

describe('导出 Excel of 填报记录', () => {
  it('holds exactly the rows of each viewer’s list, with the filters, and reads back as Excel would', async () => {
    const call = await makeCall(ctx.services, { input: { title: '导出测试征集' } });
    const other = await makeCall(ctx.services, { input: { title: '另一个征集' } });
    const a = await orgUser(ctx);
    const b = await orgUser(ctx);
    await draft(a.client, call.id, '甲单位草稿：仓储机器人调度');
    await submitted(a.client, call.id, '=HYPERLINK("http://evil.example","点我")');
    await submitted(a.client, other.id, '甲单位另一个征集的需求');
    await submitted(b.client, call.id, '乙单位已提交：矿山巡检无人机');
    const operator = (await platformUser(ctx)).client;

    const mine = await readExport(await a.client.get(`/api/v1/submissions/export.xlsx?callId=${call.id}`));
    expect(mine.sheet).toBe('填报记录');
    expect(mine.fileName).toMatch(/^填报记录_\d{8}-\d{4}\.xlsx$/);
    expect(mine.header.slice(0, 4)).toEqual(['回执编号', '项目名称', '清单类型', '状态']);
    const title = mine.header.indexOf('项目名称');
    // The owner sees its draft and its submitted item of this call, not the other organisation's.
    expect(mine.rows.map((r) => r[title]).sort()).toEqual(
      ['\'=HYPERLINK("http://evil.example","点我")', '甲单位草稿：仓储机器人调度'].sort(),
    );
    expect(mine.info).toMatchObject({ 导出内容: '填报记录', 条目数: '2', 筛选条件: '所属征集：导出测试征集' });
    expect(mine.info['导出人']).toContain(a.org.name);
    // A draft has no receipt number; a submitted item has one.
    const receipt = mine.header.indexOf('回执编号');
    expect(mine.rows.map((r) => r[receipt]).filter(Boolean)).toHaveLength(1);

    // The export of the whole list equals the list the page shows, row for row and in order.
    const page = (await a.client.get('/api/v1/submissions?pageSize=100')).json() as { items: { title: string }[] };
    const all = await readExport(await a.client.get('/api/v1/submissions/export.xlsx'));
    expect(all.rows.map((r) => r[title]!.replace(/^'/, ''))).toEqual(page.items.map((i) => i.title));

    // The operator sees submitted items of every organisation, never a draft.
    const ops = await readExport(await operator.get(`/api/v1/submissions/export.xlsx?callId=${call.id}&status=submitted`));
    expect(ops.rows.map((r) => r[title]).sort()).toEqual(
      ['\'=HYPERLINK("http://evil.example","点我")', '乙单位已提交：矿山巡检无人机'].sort(),
    );
    expect(ops.info['筛选条件']).toBe('所属征集：导出测试征集；状态：已提交');
  });

  it('an organisation naming another’s call id gets its own rows only (none), and bad filters are refused', async () => {
    const call = await makeCall(ctx.services);
    const b = await orgUser(ctx);
    await submitted(b.client, call.id, '乙单位的需求');
    const a = await orgUser(ctx);
    const res = await readExport(await a.client.get(`/api/v1/submissions/export.xlsx?callId=${call.id}`));
    expect(res.rows).toEqual([]);
    expect(res.info['条目数']).toBe('0');

    const bad = await a.client.get('/api/v1/submissions/export.xlsx?status=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await anonymous(ctx.app).get('/api/v1/submissions/export.xlsx')).statusCode).toBe(401);
  });
});
