import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeCall,
  orgUser,
  platformUser,
  scenarioNeedData,
  anonymous,
  createTestContext,
  type Client,
  type TestContext,
} from '../testing.js';
import { publishThroughApi, type PublishedThroughApi } from './testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let operator: Client;
let visitor: Client;
let published: PublishedThroughApi;
/** Submitted into an open call, never published: the same words as the published need. */
let unpublishedId: string;

const TITLE = '冲压件摄像头表面缺陷检测';
const UNPUBLISHED_DESCRIPTION = '冲压车间摄像头拍摄表面缺陷，本条仅提交未发布，门户检索不得出现这段文字。';

const totalOf = (body: string) => Number(/共 <strong>(\d+)<\/strong> 项/.exec(body)?.[1] ?? NaN);
const entryIdsOf = (body: string) => [...body.matchAll(/<a href="\/public\/entries\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);
const optionOf = (body: string, value: string) => new RegExp(`<option value="${value}"(?: selected)?>([^<]*)</option>`).exec(body)?.[1];

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 10_000 } });
  operator = (await platformUser(ctx)).client;
  visitor = anonymous(ctx.app);
  published = await publishThroughApi(ctx, operator, {
    number: 3,
    items: [
      { title: TITLE, sector: 'manufacturing', techFields: ['computer_vision'], regionCode: '500112' },
      {
        title: '社区居家养老跌倒检测与呼叫',
        description: '社区独居老人较多，希望借助毫米波雷达和可穿戴设备及时发现老人跌倒，并自动呼叫社区网格员上门处置。',
        expectedOutcome: '跌倒发现后三分钟内通知到网格员',
        sector: 'elderly_care',
        techFields: ['computer_vision'],
        regionCode: '500108',
      },
    ],
  });
  const now = ctx.services.now().getTime();
  const open = await makeCall(ctx.services, {
    input: {
      listType: 'scenario_need',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    },
  });
  const owner = (await orgUser(ctx)).client;
  const data = scenarioNeedData({ title: TITLE, description: UNPUBLISHED_DESCRIPTION, sector: 'energy', regionCode: '500103' });
  const created = await owner.post('/api/v1/submissions', { callId: open.id, data });
  expect(created.statusCode).toBe(201);
  unpublishedId = created.json().id;
  expect((await owner.post(`/api/v1/submissions/${unpublishedId}/transitions`, { action: 'submit' })).statusCode).toBe(200);
}, 300_000);
afterAll(async () => {
  await ctx?.close();
});

async function entryIdOf(name: string): Promise<string> {
  const r = (await visitor.get(`/api/v1/public/batches/${published.batchId}`)).json();
  return r.entries.find((e: { name: string }) => e.name === name).id as string;
}

describe('portal keyword search through the engine, published items only', () => {
  it('finds what literal matching missed: separate words and a synonym', async () => {
    const id = await entryIdOf(TITLE);
    // Neither "摄像头 瑕疵" (two words, 瑕疵 not in the text) is a substring of the entry.
    const res = await visitor.get(`/public/needs?q=${encodeURIComponent('摄像头 瑕疵')}`);
    expect(res.statusCode).toBe(200);
    expect(totalOf(res.body)).toBe(1);
    expect(entryIdsOf(res.body)).toEqual([id]);
    // The query's words are marked in the name; the page stays script-free.
    expect(res.body).toContain('<mark>摄像头</mark>');
    expect(res.body).not.toContain('<script');
    // The official wording finds it first (weaker matches, e.g. another 检测 need, may follow).
    const exact = await visitor.get(`/public/needs?q=${encodeURIComponent('缺陷检测')}`);
    expect(entryIdsOf(exact.body)[0]).toBe(id);
  });

  it('never shows an unpublished item with the same words, nor counts it in a facet', async () => {
    // The app's search, signed in as the operator, does find the unpublished one.
    const app = (await operator.get(`/api/v1/search?q=${encodeURIComponent(TITLE)}`)).json() as { items: Array<{ id: string }> };
    expect(app.items.map((i) => i.id)).toContain(unpublishedId);

    for (const client of [visitor, operator]) {
      const body = (await client.get(`/public/needs?q=${encodeURIComponent(TITLE)}`)).body;
      expect(totalOf(body)).toBe(1);
      expect(entryIdsOf(body)).toEqual([await entryIdOf(TITLE)]);
      expect(body).not.toContain(UNPUBLISHED_DESCRIPTION.slice(0, 20));
      // Facet counts next to each choice: the published need's values count 1, the unpublished one's 0.
      expect(optionOf(body, 'manufacturing')).toBe('制造（1）');
      expect(optionOf(body, 'energy')).toBe('能源（0）');
      expect(optionOf(body, '500112')).toMatch(/（1）$/);
      expect(optionOf(body, '500103')).toMatch(/（0）$/);
      expect(optionOf(body, published.batchId)).toMatch(/（1）$/);
    }
    // Filtering on the unpublished item's values finds nothing.
    const energy = await visitor.get(`/public/needs?sector=energy&q=${encodeURIComponent(TITLE)}`);
    expect(totalOf(energy.body)).toBe(0);
    expect(energy.body).toContain('暂无符合条件的条目');
  });

  it('pages and filters the ranked results, and lists without a keyword keep published order', async () => {
    const both = await visitor.get(`/public/needs?q=${encodeURIComponent('检测')}`);
    expect(totalOf(both.body)).toBe(2);
    const filtered = await visitor.get(`/public/needs?q=${encodeURIComponent('检测')}&sector=elderly_care`);
    expect(entryIdsOf(filtered.body)).toEqual([await entryIdOf('社区居家养老跌倒检测与呼叫')]);
    // The facet of a ticked filter counts as if it were not ticked: manufacturing still says 1.
    expect(optionOf(filtered.body, 'manufacturing')).toBe('制造（1）');
    const beyond = await visitor.get(`/public/needs?q=${encodeURIComponent('检测')}&page=2`);
    expect(beyond.statusCode).toBe(200);
    expect(entryIdsOf(beyond.body)).toEqual([]);
    // No keyword: batch order and no counts in the selects.
    const list = (await visitor.get('/public/needs')).body;
    expect(totalOf(list)).toBe(2);
    expect(optionOf(list, 'manufacturing')).toBe('制造');
  });
});

describe('public JSON list keyword through the engine', () => {
  it('finds separate and everyday words as the portal does, ranked, published items only, across both lists', async () => {
    const id = await entryIdOf(TITLE);
    const res = await visitor.get(`/api/v1/public/entries?q=${encodeURIComponent('摄像头 瑕疵')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Array<{ id: string }>; total: number };
    expect(body.items.map((e) => e.id)).toEqual([id]);
    expect(body.total).toBe(1);
    // The same words as the unpublished item: only the published entry, for a signed-in operator too.
    const same = (await operator.get(`/api/v1/public/entries?q=${encodeURIComponent(TITLE)}`)).json() as typeof body;
    expect(same.items.map((e) => e.id)).toEqual([id]);
    // Filters still apply to a keyword, and paging is over the ranked hits.
    const elderly = (await visitor.get(`/api/v1/public/entries?q=${encodeURIComponent('检测')}&sector=elderly_care`)).json() as typeof body;
    expect(elderly.items.map((e) => e.id)).toEqual([await entryIdOf('社区居家养老跌倒检测与呼叫')]);
    const pageTwo = (await visitor.get(`/api/v1/public/entries?q=${encodeURIComponent('检测')}&pageSize=1&page=2`)).json() as typeof body;
    expect(pageTwo.total).toBe(2);
    expect(pageTwo.items).toHaveLength(1);
    // Its export holds the same ranked entries.
    const all = (await visitor.get(`/api/v1/public/entries?q=${encodeURIComponent('检测')}`)).json() as typeof body;
    const file = await readExport(await visitor.get(`/api/v1/public/entries/export.xlsx?q=${encodeURIComponent('检测')}`));
    expect(file.rows).toHaveLength(all.items.length);
  });
});

describe('public JSON list', () => {
  it('answers the same list again and shows a correction at once', async () => {
    const url = `/api/v1/public/entries?listType=scenario_need&batchId=${published.batchId}`;
    const first = (await visitor.get(url)).json();
    expect(first.total).toBe(2);
    expect((await visitor.get(url)).json()).toEqual(first);
    const seq = first.items.find((e: { name: string }) => e.name === TITLE).seq as number;
    const fixed = await operator.post(`/api/v1/batches/${published.batchId}/entries/${seq}/corrections`, {
      name: `${TITLE}（更正）`,
      erratum: '名称补充更正字样',
    });
    expect(fixed.statusCode).toBe(200);
    const after = (await visitor.get(url)).json();
    expect(after.total).toBe(2);
    expect(after.items.map((e: { name: string }) => e.name)).toContain(`${TITLE}（更正）`);
    expect(after.items.map((e: { name: string }) => e.name)).not.toContain(TITLE);
  });
});
