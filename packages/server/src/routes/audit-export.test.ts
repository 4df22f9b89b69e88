import { appendAuditEvents, schema } from '@scenebridge/db';
import { ORGANIZATION_STATE_LABELS } from '@scenebridge/domain/glossary';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let operator: Client;
let a: Awaited<ReturnType<typeof orgUser>>;
let b: Awaited<ReturnType<typeof orgUser>>;

/** Entries at known instants around Shanghai midnights (UTC+8), far from the test run's own entries. */
const AT = {
  lastMinuteOfMarch31: new Date('2020-03-31T15:59:00Z'), // 2020-03-31 23:59 in Shanghai
  firstMinuteOfApril1: new Date('2020-03-31T16:00:00Z'), // 2020-04-01 00:00
  lastSecondOfApril2: new Date('2020-04-02T15:59:59Z'), // 2020-04-02 23:59:59
  firstSecondOfApril3: new Date('2020-04-02T16:00:00Z'), // 2020-04-03 00:00
};

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  a = await orgUser(ctx);
  b = await orgUser(ctx);
  await ctx.handle.db.update(schema.users).set({ displayName: '甲审计员' }).where(eq(schema.users.id, a.user.id));
  await ctx.handle.db.update(schema.users).set({ displayName: '乙审计员' }).where(eq(schema.users.id, b.user.id));
  const by = (u: typeof a, at: Date, reason: string | null = null) => ({
    actorUserId: u.user.id,
    actorLabel: `${u.user.id === a.user.id ? '甲审计员' : '乙审计员'} <${u.user.email}>`,
    action: 'organization.approve',
    entityType: 'organization',
    entityId: u.org.id,
    fromState: 'pending',
    toState: 'approved',
    reason,
    at,
  });
  await ctx.handle.db.transaction((tx) =>
    appendAuditEvents(tx, [
      by(a, AT.lastMinuteOfMarch31, '三月最后一分钟'),
      by(a, AT.firstMinuteOfApril1, '四月第一分钟'),
      by(b, AT.lastSecondOfApril2, '=HYPERLINK("http://evil.example","点我")'),
      by(a, AT.firstSecondOfApril3, '四月三日零点'),
    ]),
  );
});
afterAll(async () => {
  await ctx?.close();
});

interface Entry {
  seq: number;
  at: string;
  reason: string | null;
  actorLabel: string;
}
const list = async (query: string) => {
  const res = await operator.get(`/api/v1/audit?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Entry[]; total: number }).items;
};
const exported = async (query: string) => readExport(await operator.get(`/api/v1/audit/export.xlsx?${query}`));
const column = (x: Awaited<ReturnType<typeof exported>>, header: string) => x.rows.map((r) => r[x.header.indexOf(header)]);

describe('the audit log’s date range and person filters', () => {
  it('takes Shanghai calendar days, both ends inclusive', async () => {
    const days = await list('from=2020-04-01&to=2020-04-02');
    expect(days.map((e) => e.reason)).toEqual(['=HYPERLINK("http://evil.example","点我")', '四月第一分钟']);
    expect((await list('from=2020-03-31&to=2020-03-31')).map((e) => e.reason)).toEqual(['三月最后一分钟']);
    expect((await list('to=2020-04-01')).map((e) => e.reason)).toEqual(['四月第一分钟', '三月最后一分钟']);
    // An open end runs to today: the fixed entries from April 3 on, and everything the test run wrote.
    const since = await list('from=2020-04-03');
    expect(since.map((e) => e.reason)).toContain('四月三日零点');
    expect(since.map((e) => e.reason)).not.toContain('=HYPERLINK("http://evil.example","点我")');
  });

  it('takes a person, alone or with dates', async () => {
    expect((await list(`actor=${a.user.id}&from=2020-04-01&to=2020-04-30`)).map((e) => e.reason)).toEqual(['四月三日零点', '四月第一分钟']);
    const mine = await list(`actor=${b.user.id}`);
    // B's own login and the fixed entry: nobody else's.
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const e of mine) expect(e.actorLabel).toContain(b.user.email);
  });

  it('refuses a range that ends before it starts, a day the calendar lacks, and a person that is no id', async () => {
    for (const url of ['/api/v1/audit', '/api/v1/audit/export.xlsx']) {
      const bad = await operator.get(`${url}?from=2020-04-03&to=2020-04-01`);
      expect([bad.statusCode, bad.json().error.code, bad.json().error.message]).toEqual([
        400,
        'VALIDATION_FAILED',
        '开始日期不能晚于结束日期',
      ]);
      expect((await operator.get(`${url}?from=2020-02-30`)).statusCode).toBe(400);
      expect((await operator.get(`${url}?to=2020/04/01`)).statusCode).toBe(400);
      expect((await operator.get(`${url}?actor=someone`)).statusCode).toBe(400);
    }
  });

  it('offers people to pick by name or email, and names the one already chosen', async () => {
    const found = (await operator.get(`/api/v1/audit/people?q=${encodeURIComponent('甲审计')}`)).json().items as { id: string }[];
    expect(found).toEqual([{ id: a.user.id, displayName: '甲审计员', email: a.user.email, organizationName: a.org.name }]);
    const chosen = (await operator.get(`/api/v1/audit/people?q=${encodeURIComponent('甲审计')}&selected=${b.user.id}`)).json().items as {
      id: string;
    }[];
    expect(chosen.map((p) => p.id)).toEqual([b.user.id, a.user.id]);
    expect((await a.client.get('/api/v1/audit/people')).statusCode).toBe(403);
  });
});

describe('导出 Excel of 审计日志', () => {
  it('holds exactly the list’s rows for the same filters, by the names the page shows, and reads back', async () => {
    const query = 'from=2020-04-01&to=2020-04-02';
    const x = await exported(query);
    expect(x.sheet).toBe('审计日志');
    expect(x.fileName).toMatch(/^审计日志_\d{8}-\d{4}\.xlsx$/);
    expect(x.header).toEqual(['序号', '时间', '操作人', '所属单位', '操作', '对象类型', '对象名称', '原状态', '新状态', '原因/说明']);
    expect(column(x, '序号')).toEqual((await list(query)).map((e) => String(e.seq)));
    expect(x.rows.map((r) => r.slice(1))).toEqual([
      [
        '2020-04-02 23:59:59',
        '乙审计员',
        b.org.name,
        '通过',
        '机构',
        b.org.name,
        ORGANIZATION_STATE_LABELS.pending,
        ORGANIZATION_STATE_LABELS.approved,
        '\'=HYPERLINK("http://evil.example","点我")',
      ],
      [
        '2020-04-01 00:00:00',
        '甲审计员',
        a.org.name,
        '通过',
        '机构',
        a.org.name,
        ORGANIZATION_STATE_LABELS.pending,
        ORGANIZATION_STATE_LABELS.approved,
        '四月第一分钟',
      ],
    ]);
    expect(x.info).toMatchObject({ 导出内容: '审计日志', 条目数: '2', 筛选条件: '日期：2020-04-01 至 2020-04-02' });
    expect(x.info['导出人']).toContain('（');
  });

  it('with a person and an object type, and with no filter at all, equals the list row for row', async () => {
    const query = `actor=${a.user.id}&entityType=organization`;
    const x = await exported(query);
    expect(column(x, '序号')).toEqual((await list(query)).map((e) => String(e.seq)));
    expect(new Set(column(x, '操作人'))).toEqual(new Set(['甲审计员']));
    expect(x.info['筛选条件']).toBe(`操作人：甲审计员（${a.org.name}）；对象类型：机构`);

    const all = await exported('');
    expect(column(all, '序号')).toEqual((await list('')).map((e) => String(e.seq)));
    expect(all.info['筛选条件']).toBe('无（全部可见记录）');
  });

  it('is the operator’s alone: organisations are refused, anonymous callers asked to sign in', async () => {
    const refused = await a.client.get('/api/v1/audit/export.xlsx');
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await anonymous(ctx.app).get('/api/v1/audit/export.xlsx')).statusCode).toBe(401);
  });
});
