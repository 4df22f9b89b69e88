import { policySeedText, type PolicySeedId } from '@scenebridge/demo';
import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, platformUser, type Client, type TestContext } from '../testing.js';

const seed = (prefix: string) => policySeedText(prefix.slice(0, 3) as PolicySeedId);

const HOSTILE_TITLE = '关于支持<script>alert(1)</script>企业研发创新的若干措施';
const HOSTILE = `${HOSTILE_TITLE}
渝科发〔2026〕3号
重庆市科学技术局
2026年1月5日

一、支持企业加大研发投入。对年度研发投入超过500万元的企业，按研发投入的10%给予补助，最高不超过100万元。责任单位：市科技局、市财政局。
二、支持人才引进。对引进的高层次人才给予一次性奖励20万元。
（一）对新引进的博士给予安家补贴10万元。
（二）对新引进的硕士给予安家补贴5万元。

本措施自2026年1月5日起施行，有效期至2026年3月20日。`;
const LATE = `关于扶持蔬菜大棚智能化改造的通知
重庆市农业农村委员会
2026年2月1日

一、支持蔬菜大棚智能化改造。对完成改造的经营主体，按设备投资的30%给予补助。
二、支持冷链仓储建设。对新建冷库给予一次性奖励10万元。`;
const DRAFT = `关于草稿政策的测试通知
重庆市测试局
2026年2月2日

一、支持草稿措施落地。对符合条件的企业给予奖励5万元。
二、支持草稿措施推广。对推广企业给予奖励3万元。`;
const WITHDRAWN = `关于已撤回政策的测试通知
重庆市测试局
2026年2月3日

一、支持撤回测试措施。对符合条件的企业给予奖励8万元。
二、支持撤回测试推广。对推广企业给予奖励6万元。`;

let ctx: TestContext;
let operator: Client;
let visitor: Client;
const ids = { seed: '', hostile: '', late: '', draft: '', withdrawn: '' };

async function ingest(text: string): Promise<string> {
  const r = await operator.post('/api/v1/policies', { text });
  if (r.statusCode !== 201) throw new Error(`ingest: ${r.statusCode} ${r.body}`);
  return r.json().id as string;
}
async function transition(id: string, action: 'publish' | 'withdraw', reason?: string) {
  const { version } = (await operator.get(`/api/v1/policies/${id}`)).json() as { version: number };
  const r = await operator.post(`/api/v1/policies/${id}/transitions`, { action, version, ...(reason ? { reason } : {}) });
  if (r.statusCode !== 200) throw new Error(`${action}: ${r.statusCode} ${r.body}`);
}

/** Heading levels in document order. */
const headings = (body: string) => [...body.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
function expectAccessiblePage(body: string) {
  expect(body).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
  expect(body).toContain('<a class="skip" href="#main">');
  expect(body).toContain('<main id="main"');
  expect(body).toContain('<nav aria-label="主导航">');
  expect(body).toContain('<nav class="crumbs" aria-label="当前位置">');
  expect(body).toContain('<footer class="site">');
  expect(body).not.toContain('<script');
  const levels = headings(body);
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
}

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-03-02T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
  visitor = anonymous(ctx.app);
  ids.seed = await ingest(seed('000'));
  ids.hostile = await ingest(HOSTILE);
  ids.late = await ingest(LATE);
  ids.draft = await ingest(DRAFT);
  ids.withdrawn = await ingest(WITHDRAWN);
  await transition(ids.seed, 'publish');
  await transition(ids.hostile, 'publish');
  await transition(ids.withdrawn, 'publish');
  await transition(ids.withdrawn, 'withdraw', '依据<b>新规</b>废止');
}, 180_000);
afterAll(async () => ctx?.close());

describe('portal policy library', () => {
  it('lists the published policies for anonymous visitors, with number, issuer, date and validity; drafts and withdrawn ones are not listed', async () => {
    const res = await visitor.get('/public/policies');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const body = res.body;
    expectAccessiblePage(body);
    expect(body).toMatch(/<a href="\/public\/policies" aria-current="page">政策库<\/a>/);
    expect(body).toContain(`href="/public/policies/${ids.seed}"`);
    expect(body).toContain(`href="/public/policies/${ids.hostile}"`);
    expect(body).not.toContain(ids.draft);
    expect(body).not.toContain(ids.withdrawn);
    expect(body).toContain('共 <strong>2</strong> 项');
    const row = body.slice(body.indexOf(`/public/policies/${ids.hostile}`));
    expect(row).toMatch(
      /^[^]*?<td>渝科发〔2026〕3号<\/td>\s*<td>重庆市科学技术局<\/td>\s*<td class="nowrap"><time datetime="2026-01-05">2026年1月5日<\/time><\/td>\s*<td>2026年1月5日至2026年3月20日<\/td>/,
    );
  });

  it('escapes a hostile title in the list and on the page', async () => {
    for (const url of ['/public/policies', `/public/policies/${ids.hostile}`]) {
      const body = (await visitor.get(url)).body;
      expect(body).not.toContain('<script');
      expect(body).toContain('关于支持&lt;script&gt;alert(1)&lt;/script&gt;企业研发创新的若干措施');
    }
  });

  it('filters by keyword over title, number and issuer, by issuer, and shows an empty state', async () => {
    const byNumber = (await visitor.get(`/public/policies?q=${encodeURIComponent('渝科发')}`)).body;
    expect(byNumber).toContain(ids.hostile);
    expect(byNumber).not.toContain(ids.seed);
    const byIssuer = (await visitor.get(`/public/policies?issuer=${encodeURIComponent('高等职业教育研究所')}`)).body;
    expect(byIssuer).toContain(ids.seed);
    expect(byIssuer).not.toContain(ids.hostile);
    const none = (await visitor.get(`/public/policies?q=${encodeURIComponent('不存在的政策名称')}`)).body;
    expect(none).toContain('共 <strong>0</strong> 项');
    expect(none).toContain('暂无符合条件的政策。');
    expect(none).toContain('value="不存在的政策名称"');
  });

  it('has a 即将到期 tab: valid policies ending within 30 days', async () => {
    const body = (await visitor.get('/public/policies?tab=expiring')).body;
    expectAccessiblePage(body);
    expect(body).toContain('<h1>即将到期的政策（30天内）</h1>');
    expect(body).toMatch(/href="\/public\/policies\?tab=expiring" aria-current="page"/);
    expect(body).toContain(ids.hostile); // valid until 2026-03-20, today 2026-03-02
    expect(body).not.toContain(ids.seed); // no end date
  });

  it('shows a policy: metadata, measures nested along the numbering, terms marked, units, and the calculator note', async () => {
    const detail = (await operator.get(`/api/v1/policies/${ids.hostile}`)).json() as {
      measures: { id: string; path: string; calculator: unknown }[];
    };
    const first = detail.measures.find((m) => m.path === '1')!;
    expect(first.calculator).not.toBeNull();
    await ctx.services.db
      .update(schema.policyCalculators)
      .set({ status: 'confirmed' })
      .where(eq(schema.policyCalculators.measureId, first.id));

    const res = await visitor.get(`/public/policies/${ids.hostile}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expectAccessiblePage(body);
    expect(body).toContain('<dt>文号</dt><dd>渝科发〔2026〕3号</dd>');
    expect(body).toContain('<dt>发文单位</dt><dd>重庆市科学技术局</dd>');
    expect(body).toContain('政策措施（4项）');
    const one = body.slice(body.indexOf('<li id="measure-1">'), body.indexOf('<li id="measure-2">'));
    expect(one).toContain('<strong>一、支持企业加大研发投入</strong>');
    expect(one).toContain('超过<mark>500万元</mark>的企业');
    expect(one).toContain('按研发投入的<mark>10%</mark>给予补助');
    expect(one).toContain('<dt>责任单位</dt><dd><ul><li>市科技局</li><li>市财政局</li></ul></dd>');
    expect(one).toContain('<a href="/policies/' + ids.hostile + '">可在登录后使用测算器</a>');
    // Children are nested inside their parent's item; a measure without a confirmed calculator has no note.
    const two = body.slice(body.indexOf('<li id="measure-2">'));
    expect(two).toMatch(/^<li id="measure-2">[^]*?<ol class="measures"><li id="measure-2\.1">/);
    expect(two).toContain('<strong>（一）对新引进的博士给予安家补贴<mark>10万元</mark></strong>');
    expect(two).not.toContain('可在登录后使用测算器');
  });

  it('answers a 404 page for drafts and malformed ids, and shows withdrawn policies under a banner with the reason', async () => {
    for (const url of [`/public/policies/${ids.draft}`, '/public/policies/not-a-uuid']) {
      const res = await visitor.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('草稿措施');
    }
    const res = await visitor.get(`/public/policies/${ids.withdrawn}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /<div class="erratum" role="note"><strong>已撤回<\/strong>[^<]*撤回原因：依据&lt;b&gt;新规&lt;\/b&gt;废止<\/div>/,
    );
  });

  it('renders the seed notice with its measures', async () => {
    const body = (await visitor.get(`/public/policies/${ids.seed}`)).body;
    expectAccessiblePage(body);
    expect(body).toContain('<li id="measure-1.1">');
    expect(body).toContain('<strong>1.围绕高端高效智能经济培育打造重大场景</strong>');
  });
});

interface SearchBody {
  items: {
    measure: { id: string; path: string; marker: string; heading: string | null };
    policy: { id: string; title: string };
    snippet: { text: string; hit: boolean }[];
    score: number;
  }[];
  total: number;
}
const search = async (q: string, extra = '') =>
  (await visitor.get(`/api/v1/policies/measures/search?q=${encodeURIComponent(q)}${extra}`)).json() as SearchBody;
const hitWords = (h: SearchBody['items'][number]) => h.snippet.filter((p) => p.hit).map((p) => p.text);

describe('measure search', () => {
  it('finds a measure of the seed notice by a word of its text, the word marked in the snippet', async () => {
    const res = await visitor.get(`/api/v1/policies/measures/search?q=${encodeURIComponent('橡胶树割胶')}`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as SearchBody;
    expect(r.items[0]!.policy.id).toBe(ids.seed);
    expect(r.items[0]!.measure.path).toBe('1.1');
    expect(r.items[0]!.measure.heading).toBe('围绕高端高效智能经济培育打造重大场景');
    expect(hitWords(r.items[0]!).join('')).toMatch(/割胶/);
  });

  it('finds a measure by a synonym the vocabulary knows (无人驾驶 → 自动驾驶, which the notice says)', async () => {
    expect(seed('000')).not.toContain('无人驾驶');
    const r = await search('无人驾驶');
    expect(r.total).toBeGreaterThan(0);
    const top = r.items[0]!;
    expect(top.policy.id).toBe(ids.seed);
    expect(hitWords(top)).toContain('自动驾驶');
  });

  it('leaves drafts and withdrawn policies out and picks up a policy once published', async () => {
    expect((await search('草稿措施')).items.some((h) => h.policy.id === ids.draft)).toBe(false);
    expect((await search('撤回测试')).items.some((h) => h.policy.id === ids.withdrawn)).toBe(false);
    expect((await search('蔬菜大棚')).items.some((h) => h.policy.id === ids.late)).toBe(false);
    await transition(ids.late, 'publish');
    const r = await search('蔬菜大棚');
    expect(r.items[0]!.policy.id).toBe(ids.late);
    expect(r.items[0]!.measure.path).toBe('1');
    await transition(ids.late, 'withdraw', '测试撤回');
    expect((await search('蔬菜大棚')).items.some((h) => h.policy.id === ids.late)).toBe(false);
    expect((await search('橡胶树割胶')).items[0]!.policy.id).toBe(ids.seed);
  });

  it('pages the hits and refuses an empty query', async () => {
    const all = await search('场景', '&pageSize=50');
    expect(all.total).toBeGreaterThan(3);
    const second = await search('场景', '&page=2&pageSize=2');
    expect(second.items.map((h) => h.measure.id)).toEqual(all.items.slice(2, 4).map((h) => h.measure.id));
    expect((await visitor.get('/api/v1/policies/measures/search?q=')).statusCode).toBe(400);
  });

  it('has a portal page that marks the matched words and links to the measure', async () => {
    const res = await visitor.get(`/public/policies/search?q=${encodeURIComponent('橡胶树割胶')}`);
    expect(res.statusCode).toBe(200);
    expectAccessiblePage(res.body);
    expect(res.body).toContain(`href="/public/policies/${ids.seed}#measure-1.1"`);
    expect(res.body).toMatch(/<p class="snippet">[^]*<mark>[^<]*割胶<\/mark>/);
    const hostile = (await visitor.get(`/public/policies/search?q=${encodeURIComponent('<script>')}`)).body;
    expect(hostile).not.toContain('<script>');
    const empty = (await visitor.get('/public/policies/search')).body;
    expect(empty).toContain('<h1>政策措施检索</h1>');
    expect(empty).not.toContain('role="status"');
  });
});

describe('portal 政策动态', () => {
  it('lists published issues and shows one as the bulletin; drafts are 404 and left out of the archive', async () => {
    const created = await operator.post('/api/v1/policy-digests', { title: '门户测试<i>专刊</i>', policyIds: [ids.hostile, ids.seed] });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as { id: string; version: number };
    expect((await visitor.get(`/public/policy-digests/${draft.id}`)).statusCode).toBe(404);
    expect((await visitor.get('/public/policy-digests')).body).not.toContain(draft.id);

    const published = await operator.post(`/api/v1/policy-digests/${draft.id}/publish`, { version: draft.version });
    expect(published.statusCode, published.body).toBe(200);
    const list = await visitor.get('/public/policy-digests');
    expect(list.statusCode).toBe(200);
    expectAccessiblePage(list.body);
    expect(list.body).toContain(`href="/public/policy-digests/${draft.id}"`);
    expect(list.body).toContain('门户测试&lt;i&gt;专刊&lt;/i&gt;');

    const page = await visitor.get(`/public/policy-digests/${draft.id}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expectAccessiblePage(body);
    expect(body).not.toContain('<i>专刊');
    expect(body).toMatch(/第1期（总第1期）/);
    // Sections in the chosen order, numbered 一、二、 and listed in the table of contents.
    expect(body).toContain('<li><a href="#s1">一、关于支持&lt;script&gt;alert(1)&lt;/script&gt;企业研发创新的若干措施</a></li>');
    expect(body).toContain('<li><a href="#s2">二、高等职业教育动态</a></li>');
    expect(body.indexOf('id="s1"')).toBeLessThan(body.indexOf('id="s2"'));
    expect(body).toContain(`<a href="/public/policies/${ids.hostile}">查看政策全文与全部措施</a>`);
  });
});
