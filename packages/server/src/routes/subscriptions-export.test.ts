import { insertHits, markHitsDigested } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import { anonymous, createTestContext, login, makeUser, orgUser, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-04-01T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

const saved = async (c: Client, name: string, query: Record<string, unknown>) => {
  const res = await c.post('/api/v1/subscriptions', { kind: 'saved_search', name, frequency: 'daily', query });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const col = (x: Awaited<ReturnType<typeof readExport>>, h: string) => x.rows.map((r) => r[x.header.indexOf(h)]);

describe('导出 Excel of 我的订阅 and of a subscription’s hits', () => {
  it('my subscriptions: exactly the list’s rows, never a colleague’s; the hits: every hit in the page’s order', async () => {
    const me = await orgUser(ctx, { roles: ['org_member'] });
    const colleague = await login(ctx.app, (await makeUser(ctx.services, me.org.id, ['org_member'])).email);
    const vision = await saved(me.client, '机器视觉需求', { q: '机器视觉', sector: 'manufacturing' });
    await saved(me.client, '=cmd|calc', { listType: 'capability' });
    await saved(colleague, '同事的订阅', { q: '养老' });

    const x = await readExport(await me.client.get('/api/v1/subscriptions/export.xlsx'));
    expect(x.sheet).toBe('我的订阅');
    expect(x.header).toEqual(['名称', '类型', '订阅条件', '推送频率', '邮件', '状态', '待推送', '上次推送', '创建时间']);
    const listed = (await me.client.get('/api/v1/subscriptions')).json().items as { name: string }[];
    expect(col(x, '名称').map((n) => n!.replace(/^'/, ''))).toEqual(listed.map((s) => s.name));
    expect(col(x, '名称')).toContain("'=cmd|calc");
    expect(col(x, '名称')).not.toContain('同事的订阅');
    expect(col(x, '订阅条件')).toContain('关键词“机器视觉” · 制造');
    expect(x.info).toMatchObject({ 导出内容: '我的订阅', 条目数: '2' });

    const pub = await publishThroughApi(ctx, operator, {
      items: [{ title: '汽车零部件机器视觉检测' }, { title: '钢板表面机器视觉质检' }, { title: '轴承机器视觉在线检测' }],
    });
    const [first, second, third] = pub.submissionIds;
    await insertHits(ctx.handle.db, vision, [{ submissionId: first!, score: 0.9 }], new Date('2026-04-01T01:00:00Z'));
    await insertHits(
      ctx.handle.db,
      vision,
      [
        { submissionId: second!, score: 0.8 },
        { submissionId: third!, score: 0.7 },
      ],
      new Date('2026-04-01T03:00:00Z'),
    );
    await markHitsDigested(ctx.handle.db, vision, [first!], new Date('2026-04-01T02:00:00Z'));

    const hits = await readExport(await me.client.get(`/api/v1/subscriptions/${vision}/hits/export.xlsx`));
    expect(hits.sheet).toBe('订阅命中');
    expect(hits.header).toEqual(['项目', '类型', '发布单位', '领域', '匹配时间', '邮件摘要']);
    const page = (await me.client.get(`/api/v1/subscriptions/${vision}/hits?pageSize=100`)).json().items as { title: string }[];
    expect(col(hits, '项目')).toEqual(page.map((h) => h.title));
    expect(col(hits, '项目')).toEqual(['钢板表面机器视觉质检', '轴承机器视觉在线检测', '汽车零部件机器视觉检测']);
    expect(col(hits, '邮件摘要')).toEqual(['待发送', '待发送', '已发送']);
    expect(col(hits, '匹配时间')).toEqual(['2026-04-01 11:00', '2026-04-01 11:00', '2026-04-01 09:00']);
    expect(hits.info).toMatchObject({ 条目数: '3', 筛选条件: '订阅：机器视觉需求；订阅条件：关键词“机器视觉” · 制造' });
  }, 120_000);

  it('another user’s subscription is not there (404), platform users have none (403), anonymous callers 401', async () => {
    const owner = await orgUser(ctx, { roles: ['org_member'] });
    const theirs = await saved(owner.client, '别人的订阅', { q: '机器人' });
    const colleague = await login(ctx.app, (await makeUser(ctx.services, owner.org.id, ['org_admin'])).email);
    const stranger = (await orgUser(ctx)).client;
    for (const c of [colleague, stranger]) {
      expect((await c.get(`/api/v1/subscriptions/${theirs}/hits`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/subscriptions/${theirs}/hits/export.xlsx`)).statusCode).toBe(404);
      const mine = await readExport(await c.get('/api/v1/subscriptions/export.xlsx'));
      expect(mine.rows).toEqual([]);
    }
    expect((await operator.get('/api/v1/subscriptions/export.xlsx')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/v1/subscriptions/export.xlsx')).statusCode).toBe(401);
    expect((await anonymous(ctx.app).get(`/api/v1/subscriptions/${theirs}/hits/export.xlsx`)).statusCode).toBe(401);
    expect((await owner.client.get('/api/v1/subscriptions/not-an-id/hits/export.xlsx')).statusCode).toBe(400);
  });
});
