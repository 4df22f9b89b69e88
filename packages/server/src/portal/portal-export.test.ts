import { sql } from 'drizzle-orm';
import { MAX_PUBLIC_EXPORT_ROWS } from '@scenebridge/app/publication';
import { MAX_RESULT_WINDOW } from '@scenebridge/app/search';
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
import { readExport, type ReadExport } from '../xlsx-download.testing.js';
import { publishThroughApi, type PublishedThroughApi } from './testing.js';

let ctx: TestContext;
let operator: Client;
let visitor: Client;
let special: PublishedThroughApi;
let bulk: PublishedThroughApi;

const TITLE = '冲压件摄像头表面缺陷检测';
const FORMULA = '=HYPERLINK("http://evil.example","点我")检测';
const PUBLIC_CONTACT = { name: '王主任', phone: '023-60000001', public: true };
/** scenarioNeedData's contact is private: its phone must never be exported. */
const PRIVATE_PHONE = '023-63891234';
const UNPUBLISHED = '本条未发布，导出不得出现这段文字';
const HEADER = ['序号', '名称', '发布单位', '清单类型', '所属领域', '技术领域', '所在地区', '描述', '联系方式', '所属批次', '发布日期'];

const entryIdsOf = (body: string) => [...body.matchAll(/<a href="\/public\/entries\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);
const totalOf = (body: string) => Number(/共 <strong>(\d+)<\/strong> 项/.exec(body)?.[1] ?? NaN);
const col = (x: ReadExport, header: string) => x.header.indexOf(header);
/** [序号, 名称, 所属批次] of each row, formula neutralisation undone. */
const keysOf = (x: ReadExport) =>
  x.rows.map((r) => [r[col(x, '序号')], r[col(x, '名称')]!.replace(/^'/, ''), r[col(x, '所属批次')]].join('|'));
const allText = (x: ReadExport) => JSON.stringify([x.rows, x.info]);

/** Every entry the HTML list shows for `url` (all pages), as [序号, 名称, 所属批次]. */
async function htmlListKeys(url: string): Promise<string[]> {
  const first = await visitor.get(url);
  expect(first.statusCode).toBe(200);
  const pages = Math.max(1, Math.ceil(totalOf(first.body) / 20));
  const ids = entryIdsOf(first.body);
  for (let p = 2; p <= pages; p++) ids.push(...entryIdsOf((await visitor.get(`${url}${url.includes('?') ? '&' : '?'}page=${p}`)).body));
  const keys: string[] = [];
  for (const id of ids) {
    const e = (await visitor.get(`/api/v1/public/entries/${id}`)).json() as { seq: number; name: string; batchTitle: string };
    keys.push([e.seq, e.name, e.batchTitle].join('|'));
  }
  return keys;
}

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 10_000 } });
  operator = (await platformUser(ctx)).client;
  visitor = anonymous(ctx.app);
  special = await publishThroughApi(ctx, operator, {
    number: 5,
    items: [
      { title: TITLE, contact: PUBLIC_CONTACT },
      { title: FORMULA, sector: 'manufacturing' },
      { title: '社区居家养老跌倒检测与呼叫', sector: 'elderly_care', regionCode: '500108' },
    ],
  });
  // 21 more manufacturing needs: the filtered lists run over two pages.
  bulk = await publishThroughApi(ctx, operator, {
    number: 6,
    sameOwner: true,
    items: Array.from({ length: 21 }, (_, i) => ({ title: `产线视觉检测需求${String(i + 1).padStart(2, '0')}` })),
  });
  await publishThroughApi(ctx, operator, { listType: 'capability', number: 7, items: [{ title: '工业视觉检测平台' }] });
  // The same words, never published: a draft, a submitted and a withdrawn item of an open call.
  const now = ctx.services.now().getTime();
  const open = await makeCall(ctx.services, {
    input: {
      listType: 'scenario_need',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    },
  });
  const owner = (await orgUser(ctx)).client;
  for (const step of [[], ['submit'], ['submit', 'withdraw']]) {
    const data = scenarioNeedData({ title: `${TITLE}${step.join('')}`, description: `${UNPUBLISHED}：冲压件摄像头表面缺陷检测。` });
    const created = await owner.post('/api/v1/submissions', { callId: open.id, data });
    expect(created.statusCode).toBe(201);
    for (const action of step)
      expect((await owner.post(`/api/v1/submissions/${created.json().id}/transitions`, { action })).statusCode).toBe(200);
  }
}, 300_000);
afterAll(async () => {
  await ctx?.close();
});

describe('portal 导出 Excel of a filtered list', () => {
  it('holds every entry of every page of the list, in its order, and reads back', async () => {
    const page = await visitor.get('/public/needs?sector=manufacturing');
    expect(totalOf(page.body)).toBe(23);
    // The page links to the export of its query (no page number).
    const href = /<a href="([^"]+)" download>导出 Excel<\/a>/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBe('/public/needs/export.xlsx?sector=manufacturing');
    const x = await readExport(await visitor.get(`${href!}&page=2`));
    expect(x.sheet).toBe('场景机会清单');
    expect(x.fileName).toMatch(/^场景机会清单_\d{8}-\d{4}\.xlsx$/);
    expect(x.header).toEqual(HEADER);
    expect(keysOf(x)).toEqual(await htmlListKeys('/public/needs?sector=manufacturing'));
    expect(x.rows).toHaveLength(23);
    expect(x.info).toMatchObject({
      导出内容: '场景机会清单',
      导出人: '公众访问',
      条目数: '23',
      筛选条件: '清单类型：场景需求清单；所属领域：制造',
    });
    // What the portal shows of an entry, and nothing it hides.
    const batchTitle = (await visitor.get(`/api/v1/public/batches/${special.batchId}`)).json().title as string;
    const row = x.rows.find((r) => r[col(x, '名称')] === TITLE)!;
    expect(row).toEqual([
      expect.stringMatching(/^\d+$/),
      TITLE,
      expect.any(String),
      '场景需求清单',
      '制造',
      '计算机视觉',
      expect.stringContaining('渝北'),
      expect.stringContaining('冲压车间'),
      '王主任 023-60000001',
      batchTitle,
      expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
    ]);
    expect(x.rows.filter((r) => r[col(x, '联系方式')] === '通过平台联系')).toHaveLength(22);
    expect(allText(x)).not.toContain(PRIVATE_PHONE);
    expect(allText(x)).not.toContain('li@test.example.cn');
    // A formula-looking name comes back as text.
    expect(x.rows.map((r) => r[col(x, '名称')])).toContain(`'${FORMULA}`);
  });

  it('a keyword goes through the search engine: the ranked hits of all pages, never an unpublished item', async () => {
    const url = `/public/needs?q=${encodeURIComponent('检测')}`;
    const html = await htmlListKeys(url);
    expect(html.length).toBeGreaterThan(20);
    const x = await readExport(await visitor.get(`/public/needs/export.xlsx?q=${encodeURIComponent('检测')}`));
    expect(keysOf(x)).toEqual(html);
    expect(x.info['筛选条件']).toBe('清单类型：场景需求清单；关键词：检测');
    expect(allText(x)).not.toContain(UNPUBLISHED);
    expect(allText(x)).not.toContain('工业视觉检测平台'); // a capability, not a need

    const one = await readExport(await visitor.get(`/public/needs/export.xlsx?q=${encodeURIComponent(TITLE)}&sector=manufacturing&page=3`));
    expect(keysOf(one)).toEqual(await htmlListKeys(`/public/needs?q=${encodeURIComponent(TITLE)}&sector=manufacturing`));
    expect(one.rows.map((r) => r[col(one, '名称')])).toContain(TITLE);
    expect(allText(one)).not.toContain(UNPUBLISHED);

    // A batch filter is named by the batch's title; unknown values are dropped as the page drops them.
    const batchTitle = (await visitor.get(`/api/v1/public/batches/${bulk.batchId}`)).json().title as string;
    const b = await readExport(await visitor.get(`/public/needs/export.xlsx?batchId=${bulk.batchId}&sector=nonsense`));
    expect(b.rows).toHaveLength(21);
    expect(b.info['筛选条件']).toBe(`清单类型：场景需求清单；批次：${batchTitle}`);
    const none = await readExport(await visitor.get(`/public/capabilities/export.xlsx?sector=elderly_care`));
    expect(none.rows).toEqual([]);
    expect(none.info['条目数']).toBe('0');
  });

  it('the JSON API exports what GET /public/entries lists, with its filters', async () => {
    const list = (await visitor.get('/api/v1/public/entries?listType=scenario_need&sector=manufacturing&q=检测&pageSize=100')).json() as {
      items: Array<{ seq: number; name: string; batchTitle: string }>;
    };
    const x = await readExport(
      await visitor.get(`/api/v1/public/entries/export.xlsx?listType=scenario_need&sector=manufacturing&q=${encodeURIComponent('检测')}`),
    );
    expect(keysOf(x)).toEqual(list.items.map((e) => [e.seq, e.name, e.batchTitle].join('|')));
    expect(x.sheet).toBe('场景需求清单');
    expect(x.info['导出人']).toBe('公众访问');
    expect(allText(x)).not.toContain(PRIVATE_PHONE);
    // Every list type without one; the signed-in caller is named.
    const all = await readExport(await operator.get('/api/v1/public/entries/export.xlsx'));
    expect(all.sheet).toBe('已发布清单条目');
    expect(all.rows).toHaveLength(25);
    expect(all.info['导出人']).toMatch(/（.+）$/);
    const bad = await visitor.get('/api/v1/public/entries/export.xlsx?sector=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses more than 10000 entries with a Chinese message instead of building the file', async () => {
    // The bound is the search engine's window: a keyword export can never be larger either.
    expect(MAX_PUBLIC_EXPORT_ROWS).toBe(MAX_RESULT_WINDOW);
    // 10,001 current capability entries in the energy sector, written directly (one statement).
    const source = (await visitor.get('/api/v1/public/entries?listType=capability')).json().items[0] as { id: string };
    await ctx.services.db.execute(sql`
      insert into batch_entries (batch_id, seq, version, is_current, submission_id, list_type, name, issuer, issuer_credit_code,
        sector, tech_fields, region_code, description, contact, published_at)
      select e.batch_id, 1000 + g, 1, true, e.submission_id, e.list_type, e.name || g, e.issuer, e.issuer_credit_code,
        'energy', e.tech_fields, e.region_code, e.description, e.contact, e.published_at
      from batch_entries e, generate_series(1, 10001) g where e.id = ${source.id}`);
    const page = await visitor.get('/public/capabilities?sector=energy');
    expect(totalOf(page.body)).toBe(10_001);
    expect(page.body).not.toContain('>导出 Excel</a>');
    expect(page.body).toContain('请增加筛选条件后再导出 Excel');

    const portal = await visitor.get('/public/capabilities/export.xlsx?sector=energy');
    expect(portal.statusCode).toBe(400);
    expect(portal.headers['content-type']).toMatch(/^text\/html/);
    expect(portal.body).toContain('超过单次导出上限10000项');
    expect(portal.body).toContain('href="/public/capabilities"');

    const api = await visitor.get('/api/v1/public/entries/export.xlsx?listType=capability&sector=energy');
    expect(api.statusCode).toBe(400);
    expect(api.json().error.code).toBe('EXPORT_TOO_LARGE');
    expect(api.json().error.message).toContain('符合条件的条目共10001项');
  });
});
