import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, makeOrganization, orgUser, platformUser, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('导出 Excel of 机构名录', () => {
  it('holds the operator’s list with its filters, row for row, and reads back', async () => {
    const stamp = Date.now().toString(36);
    await makeOrganization(ctx.services, { status: 'pending', name: `待审核导出测试${stamp}` });
    await makeOrganization(ctx.services, { status: 'approved', name: `已通过导出测试${stamp}` });
    await makeOrganization(ctx.services, { status: 'pending', name: `=SUM(1,2)导出测试${stamp}` });
    const operator = (await platformUser(ctx)).client;

    const list = (await operator.get(`/api/v1/organizations?status=pending&q=${encodeURIComponent(stamp)}&pageSize=100`)).json() as {
      items: { name: string; creditCode: string }[];
    };
    const file = await readExport(await operator.get(`/api/v1/organizations/export.xlsx?status=pending&q=${encodeURIComponent(stamp)}`));
    expect(file.sheet).toBe('机构名录');
    const name = file.header.indexOf('机构名称');
    const code = file.header.indexOf('统一社会信用代码');
    expect(file.rows.map((r) => r[name]!.replace(/^'/, ''))).toEqual(list.items.map((o) => o.name));
    expect(file.rows.map((r) => r[code])).toEqual(list.items.map((o) => o.creditCode));
    expect(file.rows.map((r) => r[name])).toContain(`'=SUM(1,2)导出测试${stamp}`);
    expect(file.rows).toHaveLength(2);
    expect(file.rows.every((r) => r[file.header.indexOf('审核状态')] === '待审核')).toBe(true);
    expect(file.rows.every((r) => r[file.header.indexOf('营业执照')] === '未上传')).toBe(true);
    expect(file.info['筛选条件']).toBe(`审核状态：待审核；关键词：${stamp}`);

    // Everyone else is refused as the list refuses them.
    expect((await (await orgUser(ctx)).client.get('/api/v1/organizations/export.xlsx')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/v1/organizations/export.xlsx')).statusCode).toBe(401);
    expect((await operator.get('/api/v1/organizations/export.xlsx?status=nonsense')).statusCode).toBe(400);
  });
});
