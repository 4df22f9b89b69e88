import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
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
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let operator: Client;
let broker: Client;
let need: string;
let needOwner: Client;
let caps: Awaited<ReturnType<typeof publishThroughApi>>;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  broker = (await platformUser(ctx, ['broker'])).client;
  const needs = await publishThroughApi(ctx, operator, { items: [{ title: '焊装车间焊点质量机器视觉检测' }] });
  need = needs.submissionIds[0]!;
  needOwner = needs.owners[0]!;
  caps = await publishThroughApi(ctx, operator, {
    listType: 'capability',
    items: [{ title: '甲方工业视觉检测平台' }, { title: '乙方焊缝质量检测系统' }],
  });
  const [c1, c2] = caps.owners;
  expect((await c1!.post('/api/v1/interests', { needId: need, capabilityId: caps.submissionIds[0], message: '=1+1' })).statusCode).toBe(
    201,
  );
  expect((await c2!.post('/api/v1/interests', { needId: need, capabilityId: caps.submissionIds[1], message: '乙方留言' })).statusCode).toBe(
    201,
  );
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

const listed = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/listings/${id}/interests`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { capabilityId: string; message: string | null }[] }).items;
};
const exported = async (c: Client, id: string) => readExport(await c.get(`/api/v1/listings/${id}/interests/export.xlsx`));
const col = (x: Awaited<ReturnType<typeof exported>>, h: string) => x.rows.map((r) => r[x.header.indexOf(h)]);

describe('导出 Excel of 对接意向', () => {
  it('the listing’s owner, operators and brokers get every interest on it, as the list shows them', async () => {
    for (const c of [needOwner, operator, broker]) {
      const x = await exported(c, need);
      expect(x.sheet).toBe('对接意向');
      expect(x.header).toEqual(['时间', '发起单位', '发起人', '发起方', '对方条目', '对方条目编号', '留言']);
      expect(col(x, '对方条目编号')).toEqual((await listed(c, need)).map((i) => i.capabilityId));
      expect(col(x, '对方条目').sort()).toEqual(['乙方焊缝质量检测系统', '甲方工业视觉检测平台'].sort());
      expect(col(x, '留言').sort()).toEqual(['乙方留言', "'=1+1"].sort());
      expect(col(x, '发起方')).toEqual(['能力方发起', '能力方发起']);
      expect(x.info).toMatchObject({ 导出内容: '对接意向', 条目数: '2', 筛选条件: '条目：焊装车间焊点质量机器视觉检测' });
    }
  });

  it('another organisation gets only what its own organisation expressed, or nothing', async () => {
    const mine = await exported(caps.owners[0]!, need);
    expect(col(mine, '对方条目编号')).toEqual([caps.submissionIds[0]]);
    expect(col(mine, '对方条目编号')).toEqual((await listed(caps.owners[0]!, need)).map((i) => i.capabilityId));
    expect(col(mine, '留言')).not.toContain('乙方留言');

    const stranger = (await orgUser(ctx)).client;
    const none = await exported(stranger, need);
    expect(none.rows).toEqual([]);
    expect(none.info['条目数']).toBe('0');
  });

  it('a listing the caller may not see answers 404, as the list does; anonymous callers 401', async () => {
    const owner = await orgUser(ctx);
    const call = await makeCall(ctx.services, { status: 'open' });
    const draft = (await owner.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() })).json().id as string;
    const stranger = (await orgUser(ctx)).client;
    expect((await stranger.get(`/api/v1/listings/${draft}/interests`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/listings/${draft}/interests/export.xlsx`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/v1/listings/${need}/interests/export.xlsx`)).statusCode).toBe(401);
  });
});
