import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryOcid, formatChineseDate } from '@scenebridge/app/publication';
import { anonymous, createTestContext, platformUser, type Client, type TestContext } from '../testing.js';
import { promoteThroughApi, publishThroughApi, type PublishedThroughApi } from './testing.js';

let ctx: TestContext;
let operator: Client;
let visitor: Client;
/** Needs batch 7: three entries with known facets (one name carries markup). */
let a: PublishedThroughApi;
/** Needs batch 8: two entries. */
let b: PublishedThroughApi;
/** Capability batch 1. */
let c: PublishedThroughApi;
/** Needs batch 9: 23 entries from one owner, for pagination. */
let big: PublishedThroughApi;

const SCRIPT_NAME = '焊点质量检测<script>alert(1)</script>';

const totalOf = (body: string) => {
  const m = /共 <strong>(\d+)<\/strong> 项/.exec(body);
  if (!m) throw new Error('no total on the page');
  return Number(m[1]);
};
const rowsOf = (body: string) => (body.match(/<a href="\/public\/entries\/[0-9a-f-]{36}">/g) ?? []).length;
const entryIdsOf = (body: string) => [...body.matchAll(/<a href="\/public\/entries\/([0-9a-f-]{36})">/g)].map((m) => m[1]!);

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 10_000 } });
  operator = (await platformUser(ctx)).client;
  visitor = anonymous(ctx.app);
  a = await publishThroughApi(ctx, operator, {
    number: 7,
    title: '2026年第7批人工智能场景机会清单（门户测试）',
    items: [
      {
        title: SCRIPT_NAME,
        sector: 'manufacturing',
        techFields: ['computer_vision'],
        regionCode: '500112',
        contact: { name: '李工', phone: '023-63891234', public: true },
      },
      { title: '三甲医院门诊智能导诊与分诊', sector: 'healthcare', techFields: ['nlp'], regionCode: '500103' },
      { title: '山地城市桥梁结构健康监测', sector: 'city', techFields: ['iot_sensing', 'digital_twin'], regionCode: '500112' },
    ],
  });
  b = await publishThroughApi(ctx, operator, {
    number: 8,
    items: [
      { title: '社区居家养老跌倒检测与呼叫', sector: 'elderly_care', techFields: ['computer_vision'], regionCode: '500108' },
      {
        title: '柑橘园病虫害无人机巡检',
        sector: 'agriculture',
        techFields: ['drones_low_altitude', 'computer_vision'],
        regionCode: '500112',
      },
    ],
  });
  c = await publishThroughApi(ctx, operator, {
    listType: 'capability',
    number: 1,
    items: [{ title: '政务大模型知识问答系统', techFields: ['foundation_models'], sectors: ['city'], regionCode: '500112' }],
  });
  big = await publishThroughApi(ctx, operator, {
    number: 9,
    sameOwner: true,
    items: Array.from({ length: 23 }, (_, i) => ({
      title: `分页测试场景第${i + 1}号`,
      sector: i % 2 ? 'logistics' : 'finance',
      techFields: ['data_intelligence'],
      regionCode: '500105',
    })),
  });
}, 300_000);
afterAll(async () => {
  await ctx?.close();
});

async function entryIdOf(batchId: string, seq: number): Promise<string> {
  const r = (await visitor.get(`/api/v1/public/batches/${batchId}`)).json();
  return r.entries.find((e: { seq: number }) => e.seq === seq).id as string;
}
async function entryIdByName(batchId: string, name: string): Promise<{ id: string; seq: number }> {
  const r = (await visitor.get(`/api/v1/public/batches/${batchId}`)).json();
  const e = r.entries.find((x: { name: string }) => x.name === name);
  return { id: e.id, seq: e.seq };
}

describe('public portal pages', () => {
  it('home lists the latest batches with counts, downloads and the feed link', async () => {
    const res = await visitor.get('/public');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const body = res.body;
    expect(body).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(body).toContain('2026年第7批人工智能场景机会清单（门户测试）');
    expect(body).toContain(`href="/public/batches/${a.batchId}"`);
    expect(body).toContain(`href="/public/batches/${a.batchId}/download.xlsx"`);
    expect(body).toContain(`href="/public/batches/${a.batchId}/download.docx"`);
    expect(body).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="http:\/\/localhost(:\d+)?\/public\/feed\.atom"/);
    expect(body).toMatch(/<dt>场景机会<\/dt><dd><a href="\/public\/needs">28</);
    expect(body).toMatch(/<dt>场景能力<\/dt><dd><a href="\/public\/capabilities">1</);
    expect(body).toContain('<meta property="og:title"');
    expect(body).toContain('<a class="skip" href="#main">');
    expect(body).toContain('<main id="main"');
    expect(body).not.toContain('<script');
    // The trailing-slash form works too; HTML pages are not in the OpenAPI description.
    expect((await visitor.get('/public/')).statusCode).toBe(200);
    const openapi = (await visitor.get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths).some((p) => p.startsWith('/public'))).toBe(false);
  });

  it('filters narrow the list by sector, technology field, region, batch and keyword', async () => {
    const count = async (qs: string) => {
      const res = await visitor.get(`/public/needs${qs}`);
      expect(res.statusCode).toBe(200);
      return totalOf(res.body);
    };
    expect(await count('')).toBe(28);
    expect(await count('?sector=manufacturing')).toBe(1);
    expect(await count('?sector=finance')).toBe(12);
    expect(await count('?techField=computer_vision')).toBe(3);
    expect(await count('?regionCode=500112')).toBe(3);
    expect(await count(`?batchId=${b.batchId}`)).toBe(2);
    expect(await count(`?batchId=${a.batchId}&regionCode=500112`)).toBe(2);
    expect(await count(`?batchId=${a.batchId}&techField=computer_vision&regionCode=500112`)).toBe(1);
    expect(await count('?q=' + encodeURIComponent('无人机'))).toBe(1);
    expect(await count('?sector=healthcare&regionCode=500112')).toBe(0);
    // Unknown values are ignored rather than failing the page.
    expect(await count('?sector=nope&batchId=123&page=-4')).toBe(28);
    const caps = await visitor.get('/public/capabilities');
    expect(totalOf(caps.body)).toBe(1);
    expect(caps.body).toContain('政务大模型知识问答系统');
    expect(caps.body).not.toContain('三甲医院门诊智能导诊与分诊');

    const empty = await visitor.get('/public/needs?sector=healthcare&regionCode=500112');
    expect(empty.body).toContain('暂无符合条件的条目');
    // The form shows the filter state and labels every control.
    const page = (await visitor.get(`/public/needs?sector=city&batchId=${a.batchId}`)).body;
    expect(page).toContain('<option value="city" selected>城市管理</option>');
    expect(page).toMatch(new RegExp(`<option value="${a.batchId}" selected>`));
    for (const id of ['f-sector', 'f-tech', 'f-region', 'f-batch', 'f-q']) expect(page).toContain(`<label for="${id}">`);
    // Only batches of this list type are offered.
    expect(page).not.toContain(`<option value="${c.batchId}"`);
    expect(totalOf(page)).toBe(1);
  });

  it('paginates 20 per page and page links keep the filters', async () => {
    const first = await visitor.get(`/public/needs?batchId=${big.batchId}&sector=finance`);
    expect(totalOf(first.body)).toBe(12);
    expect(rowsOf(first.body)).toBe(12);
    expect(first.body).not.toContain('aria-label="分页"');

    const all = await visitor.get(`/public/needs?batchId=${big.batchId}`);
    expect(totalOf(all.body)).toBe(23);
    expect(rowsOf(all.body)).toBe(20);
    expect(all.body).toContain(`href="/public/needs?batchId=${big.batchId}&amp;page=2"`);
    const withQ = await visitor.get(`/public/needs?batchId=${big.batchId}&regionCode=500105&q=${encodeURIComponent('分页')}`);
    expect(totalOf(withQ.body)).toBe(23);
    const next = /href="([^"]*page=2)" rel="next"/.exec(withQ.body)![1]!.replaceAll('&amp;', '&');
    expect(next).toBe(`/public/needs?regionCode=500105&batchId=${big.batchId}&q=${encodeURIComponent('分页')}&page=2`);
    const second = await visitor.get(next);
    expect(rowsOf(second.body)).toBe(3);
    expect(second.body).toContain('第 2 / 2 页');
    expect(second.body).toMatch(/aria-current="page" aria-label="第2页，当前页">2</);
    const ids = new Set([...entryIdsOf(withQ.body), ...entryIdsOf(second.body)]);
    expect(ids.size).toBe(23);
    // Beyond the last page: an empty page, not an error.
    const beyond = await visitor.get(`/public/needs?batchId=${big.batchId}&page=9`);
    expect(beyond.statusCode).toBe(200);
    expect(beyond.body).toContain('暂无符合条件的条目');
  });

  it('shows the contact only when the owner made it public', async () => {
    const pub = await entryIdByName(a.batchId, SCRIPT_NAME);
    const priv = await entryIdByName(a.batchId, '三甲医院门诊智能导诊与分诊');
    const shown = (await visitor.get(`/public/entries/${pub.id}`)).body;
    expect(shown).toMatch(/<dt>联系方式<\/dt><dd>李工 023-63891234/);
    expect(shown).not.toContain('通过平台联系');
    const hidden = (await visitor.get(`/public/entries/${priv.id}`)).body;
    expect(hidden).toMatch(/<dt>联系方式<\/dt><dd>通过平台联系/);
    expect(hidden).not.toContain('023-63891234');
    expect(hidden).toContain('<dt>所属领域</dt><dd>医疗</dd>');
    expect(hidden).toContain('<dt>技术领域</dt><dd>自然语言处理</dd>');
    expect(hidden).toContain('<dt>所在地区</dt><dd>重庆市渝中区</dd>');
    expect(hidden).toContain('<dt>预算</dt><dd>50–200万元</dd>');
    expect(hidden).toContain(`href="/public/batches/${a.batchId}"`);
    expect(hidden).toContain('<meta property="og:type" content="article">');
    const cap = (await visitor.get(`/public/entries/${await entryIdOf(c.batchId, 1)}`)).body;
    expect(cap).toContain('<dt>技术成熟度</dt><dd>TRL 8（1–9级）</dd>');
    expect(cap).toContain('<dt>联系方式</dt><dd>周经理 18623001234</dd>');
  });

  it('shows the erratum note and date next to a corrected entry, with the earlier version', async () => {
    const { id: oldId, seq } = await entryIdByName(b.batchId, '柑橘园病虫害无人机巡检');
    const fixed = await operator.post(`/api/v1/batches/${b.batchId}/entries/${seq}/corrections`, {
      name: '柑橘园病虫害无人机巡检与精准施药',
      erratum: '补充施药内容，名称同步更正',
    });
    expect(fixed.statusCode).toBe(200);
    const newId = fixed.json().id as string;
    const fixedOn = formatChineseDate(fixed.json().correctedAt as string);
    const page = (await visitor.get(`/public/entries/${newId}`)).body;
    expect(page).toContain('<h1>柑橘园病虫害无人机巡检与精准施药<span class="badge">已勘误</span></h1>');
    expect(page).toMatch(
      new RegExp(
        `<div class="erratum"[^>]*><strong>勘误：</strong>补充施药内容，名称同步更正（第2版，<time datetime="[^"]+">${fixedOn}</time>更正）`,
      ),
    );
    expect(page).toContain('<h2 id="h-history">勘误记录</h2>');
    expect(page).toMatch(/<h3>第1版（发布于<time[^>]*>[^<]+<\/time>）<\/h3>/);
    expect(page).toContain('<dt>名称</dt><dd>柑橘园病虫害无人机巡检</dd>');
    // The old version's address shows the current version.
    const old = (await visitor.get(`/public/entries/${oldId}`)).body;
    expect(old).toContain('<h1>柑橘园病虫害无人机巡检与精准施药');
    expect(old).toMatch(new RegExp(`<link rel="canonical" href="http://localhost(:\\d+)?/public/entries/${newId}">`));
    // Batch page and list mark it.
    const batch = (await visitor.get(`/public/batches/${b.batchId}`)).body;
    expect(batch).toContain(`<a class="badge" href="#erratum-${seq}">已勘误</a>`);
    expect(batch).toContain('<h2 id="h-errata">勘误记录</h2>');
    expect(batch).toContain('更正前版本：第1版“柑橘园病虫害无人机巡检”');
    const list = (await visitor.get(`/public/needs?batchId=${b.batchId}`)).body;
    expect(list).toContain('柑橘园病虫害无人机巡检与精准施药</a><span class="badge">已勘误</span>');
    expect(totalOf(list)).toBe(2);
  });

  it('batch page shows the cover and numbered entries', async () => {
    const res = await visitor.get(`/public/batches/${a.batchId}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>2026年第7批人工智能场景机会清单（门户测试）</h1>');
    expect(body).toContain('<dt>批次</dt><dd>2026年第7批</dd>');
    expect(body).toContain('<dt>条目数</dt><dd>共3项</dd>');
    expect(body.match(/<td class="num">\d+<\/td>/g)).toEqual([
      '<td class="num">1</td>',
      '<td class="num">2</td>',
      '<td class="num">3</td>',
    ]);
    expect(body).toContain(`href="/public/batches/${a.batchId}/ocds.json"`);
    expect(body).toContain(`<link rel="alternate" type="application/json" href="/api/v1/public/batches/${a.batchId}">`);
  });

  it('escapes user content everywhere', async () => {
    const { id } = await entryIdByName(a.batchId, SCRIPT_NAME);
    for (const url of [
      `/public/entries/${id}`,
      `/public/batches/${a.batchId}`,
      `/public/needs?batchId=${a.batchId}`,
      '/public?x=<script>',
    ]) {
      const body = (await visitor.get(url)).body;
      expect(body, url).not.toContain('<script');
      if (!url.startsWith('/public?')) expect(body, url).toContain('焊点质量检测&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const q = (await visitor.get(`/public/needs?q=${encodeURIComponent('"><script>x</script>')}`)).body;
    expect(q).not.toContain('<script');
    expect(q).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect((await visitor.get(`/public/entries/${id}`)).headers['content-security-policy']).toMatch(
      /default-src 'none'; style-src 'sha256-/,
    );
  });

  it('answers unknown ids and paths with a 404 page in the layout', async () => {
    for (const url of [
      '/public/entries/00000000-0000-4000-8000-000000000000',
      '/public/entries/not-a-uuid',
      '/public/batches/00000000-0000-4000-8000-000000000000',
      '/public/batches/00000000-0000-4000-8000-000000000000/download.xlsx',
      '/public/batches/zzz/ocds.json',
      '/public/no-such-page',
    ]) {
      const res = await visitor.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<html lang="zh-CN">');
      expect(res.body, url).toMatch(/<h1>未找到该/);
      expect(res.body, url).toContain('<nav aria-label="主导航">');
    }
    expect((await visitor.get('/public/entries/00000000-0000-4000-8000-000000000000')).body).toContain('<h1>未找到该清单条目</h1>');
    // The JSON API keeps its JSON errors.
    expect((await visitor.get('/api/v1/public/batches/00000000-0000-4000-8000-000000000000')).json().error.code).toBe('NOT_FOUND');
  });

  it('benchmark cases appear on their own public list', async () => {
    const before = (await visitor.get('/public/benchmark-cases')).body;
    expect(before).toContain('暂无标杆案例');
    const idx = 1; // 三甲医院门诊智能导诊与分诊 is submitted second
    const batch = (await visitor.get(`/api/v1/public/batches/${a.batchId}`)).json();
    const sub = batch.entries.find((e: { name: string }) => e.name === '三甲医院门诊智能导诊与分诊').submissionId as string;
    expect(sub).toBe(a.submissionIds[idx]);
    await promoteThroughApi(operator, sub, '上线后门诊平均候诊时间缩短32%，分诊准确率达到95%。');
    const page = (await visitor.get('/public/benchmark-cases')).body;
    expect(page).toContain('<h1>标杆案例清单</h1>');
    expect(page).toContain('<h2>三甲医院门诊智能导诊与分诊</h2>');
    expect(page).toContain('上线后门诊平均候诊时间缩短32%');
    expect(page).toContain('<li>所属领域：医疗</li>');
    expect((await visitor.get('/public')).body).toMatch(/<dt>标杆案例<\/dt><dd><a href="\/public\/benchmark-cases">1</);
  });
});

describe('downloads, feed and open data', () => {
  it('XLSX opens with exceljs and holds the entries', async () => {
    const res = await visitor.get(`/public/batches/${a.batchId}/download.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="scenebridge-scenario_need-2026-7.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年第7批人工智能场景机会清单（门户测试）.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('清单')!;
    expect(ws.getCell('A1').value).toBe('2026年第7批人工智能场景机会清单（门户测试）');
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['序号', '名称', '发布单位', '所属领域', '描述', '联系方式']));
    const names = [4, 5, 6].map((r) => ws.getCell(`B${r}`).value);
    expect(names).toEqual(expect.arrayContaining([SCRIPT_NAME, '三甲医院门诊智能导诊与分诊', '山地城市桥梁结构健康监测']));
    expect([4, 5, 6].map((r) => ws.getCell(`A${r}`).value)).toEqual([1, 2, 3]);
    const contacts = [4, 5, 6].map((r) => ws.getCell(`H${r}`).value);
    expect(contacts.filter((x) => x === '通过平台联系')).toHaveLength(2);
  });

  it('DOCX unzips and contains the title and entry names', async () => {
    const res = await visitor.get(`/public/batches/${b.batchId}/download.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="scenebridge-scenario_need-2026-8\.docx"; filename\*=UTF-8''/,
    );
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const title = (await visitor.get(`/api/v1/public/batches/${b.batchId}`)).json().title as string;
    expect(xml).toContain(title);
    expect(xml).toContain('社区居家养老跌倒检测与呼叫');
    expect(xml).toContain('柑橘园病虫害无人机巡检与精准施药');
    expect(xml).toContain('补充施药内容，名称同步更正');
  });

  it('Atom feed is well-formed-looking and lists the batches', async () => {
    const res = await visitor.get('/public/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = res.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml.trim().endsWith('</feed>')).toBe(true);
    expect((xml.match(/<entry>/g) ?? []).length).toBe(4);
    expect((xml.match(/<entry>/g) ?? []).length).toBe((xml.match(/<\/entry>/g) ?? []).length);
    expect(xml).toContain(`<id>urn:uuid:${a.batchId}</id>`);
    expect(xml).toContain('<title>2026年第7批人工智能场景机会清单（门户测试）</title>');
    expect(xml).toMatch(new RegExp(`<link rel="alternate" type="text/html" href="http://localhost(:\\d+)?/public/batches/${a.batchId}"/>`));
    expect(xml).toMatch(/<link rel="self" type="application\/atom\+xml" href="http:\/\/localhost(:\d+)?\/public\/feed\.atom"\/>/);
    expect(xml).toContain('焊点质量检测&lt;script&gt;');
    expect(xml).not.toContain('<script');
  });

  it('OCDS JSON has one release per entry with the configured prefix', async () => {
    const res = await visitor.get(`/public/batches/${a.batchId}/ocds.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const pkg = res.json();
    expect(pkg.version).toBe('1.1');
    expect(pkg.releases).toHaveLength(3);
    const batchA = { year: 2026, number: 7, listType: 'scenario_need' as const };
    expect(pkg.releases.map((r: { ocid: string }) => r.ocid)).toEqual([1, 2, 3].map((seq) => entryOcid('ocds-scenebridge', batchA, seq)));
    expect(pkg.releases.every((r: { ocid: string }) => r.ocid.startsWith('ocds-scenebridge-'))).toBe(true);
    expect(pkg.uri).toMatch(new RegExp(`/public/batches/${a.batchId}/ocds\\.json$`));
    process.env.OCDS_PREFIX = 'ocds-test42';
    try {
      const again = (await visitor.get(`/public/batches/${b.batchId}/ocds.json`)).json();
      expect(again.releases).toHaveLength(2);
      expect(again.releases.map((r: { ocid: string }) => r.ocid)).toEqual(
        [1, 2].map((seq) => entryOcid('ocds-test42', { year: 2026, number: 8, listType: 'scenario_need' }, seq)),
      );
      expect(again.releases.every((r: { ocid: string }) => r.ocid.startsWith('ocds-test42-'))).toBe(true);
      expect(again.releases.filter((r: { tag: string[] }) => r.tag[0] === 'planningUpdate')).toHaveLength(1);
    } finally {
      delete process.env.OCDS_PREFIX;
    }
  });

  it('uses PUBLIC_BASE_URL for og:url, canonical and the feed', async () => {
    process.env.PUBLIC_BASE_URL = 'https://scene.example.cn/';
    try {
      const page = (await visitor.get(`/public/batches/${a.batchId}`)).body;
      expect(page).toContain(`<meta property="og:url" content="https://scene.example.cn/public/batches/${a.batchId}">`);
      expect(page).toContain(`<link rel="canonical" href="https://scene.example.cn/public/batches/${a.batchId}">`);
      const list = (await visitor.get(`/public/needs?sector=city&page=1`)).body;
      expect(list).toContain('<meta property="og:url" content="https://scene.example.cn/public/needs?sector=city">');
      expect((await visitor.get('/public/feed.atom')).body).toContain(
        '<link rel="self" type="application/atom+xml" href="https://scene.example.cn/public/feed.atom"/>',
      );
    } finally {
      delete process.env.PUBLIC_BASE_URL;
    }
  });
});
