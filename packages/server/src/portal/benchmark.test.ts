import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, makeOrganization, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';
import { publicityOfCall, selectedThroughApi } from '../routes/publicity.testing.js';
import { publishThroughApi } from './testing.js';

let ctx: TestContext;
let operator: Client;
let visitor: Client;
const RESULTS = '上线后检测准确率达到98.5%，替代人工目检八成工作量。';

const docxText = async (payload: Buffer) =>
  (await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
const entryTitles = (xml: string) => [...xml.matchAll(/<entry>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]);

async function accepted(titles: string[]) {
  const p = await publishThroughApi(ctx, operator, { items: titles.map((title) => ({ title })) });
  for (const id of p.submissionIds)
    for (const action of ['award', 'start_delivery', 'accept'])
      expect((await operator.post(`/api/v1/submissions/${id}/transitions`, { action })).statusCode).toBe(200);
  return p.submissionIds;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-11-02T02:00:00Z') });
  operator = (await platformUser(ctx)).client;
  visitor = anonymous(ctx.app);
});
afterAll(async () => {
  await ctx?.close();
});

describe('标杆案例清单 batches', () => {
  let batchId: string;
  let chosen: string;
  let notChosen: string;

  beforeAll(async () => {
    const ids = await accepted(['标杆门户焊点检测案例', '未列入的已验收案例']);
    chosen = ids[0]!;
    notChosen = ids[1]!;
    const res = await operator.post('/api/v1/benchmark-batches', { items: [{ submissionId: chosen, resultsText: RESULTS }] });
    expect(res.statusCode).toBe(201);
    batchId = res.json().id;
    expect(res.json()).toMatchObject({ year: 2026, number: 1, title: '2026年第1批人工智能场景标杆案例清单', entryCount: 1 });
  });

  it('answers a retry with the same batch (200) and refuses a non-accepted item (409) without change', async () => {
    const again = await operator.post('/api/v1/benchmark-batches', { items: [{ submissionId: chosen, resultsText: RESULTS }] });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(batchId);
    const [published] = (await publishThroughApi(ctx, operator, { items: [{ title: '仅已发布的场景' }] })).submissionIds;
    const refused = await operator.post('/api/v1/benchmark-batches', {
      items: [
        { submissionId: notChosen, resultsText: RESULTS },
        { submissionId: published, resultsText: RESULTS },
      ],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { submissionIds: [published] } });
    expect((await operator.get(`/api/v1/submissions/${notChosen}`)).json().status).toBe('accepted');
    expect((await visitor.get('/api/v1/public/benchmark-batches')).json().total).toBe(1);
    const bad = await operator.post('/api/v1/benchmark-batches', { items: [{ submissionId: notChosen, resultsText: '短' }] });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the published batch without login, and never an item not published in it', async () => {
    const list = await visitor.get('/public/benchmark-batches');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2026年第1批人工智能场景标杆案例清单');
    const page = await visitor.get(`/public/benchmark-batches/${batchId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('标杆门户焊点检测案例');
    expect(page.body).toContain(RESULTS);
    expect(page.body).not.toContain('未列入的已验收案例');
    expect(page.body).not.toContain('<script');
    expect((await visitor.get('/public/benchmark-batches/not-an-id')).statusCode).toBe(404);
    expect((await visitor.get('/public/benchmark-batches/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const api = (await visitor.get(`/api/v1/public/benchmark-batches/${batchId}`)).json();
    expect(api.entries.map((e: { submissionId: string }) => e.submissionId)).toEqual([chosen]);
  });

  it('downloads the batch as XLSX and DOCX and lists it in the Atom feed', async () => {
    const xlsx = await visitor.get(`/public/benchmark-batches/${batchId}/download.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const names = (wb.getWorksheet('清单')!.getColumn(2).values as unknown[]).filter(Boolean);
    expect(names).toEqual(['2026年第1批人工智能场景标杆案例清单', expect.stringContaining('发布单位'), '案例名称', '标杆门户焊点检测案例']);
    const docx = await visitor.get(`/public/benchmark-batches/${batchId}/download.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('1. 标杆门户焊点检测案例');
    expect(text).toContain(RESULTS);
    expect(text).not.toContain('未列入的已验收案例');
    const feed = await visitor.get('/public/benchmark-batches.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(entryTitles(feed.body)).toEqual(['2026年第1批人工智能场景标杆案例清单']);
    expect(feed.body).toContain(`<id>urn:uuid:${batchId}</id>`);
  });
});

describe('downloads of the open challenges and the 公示 lists', () => {
  it('exports the open challenges with reward, Shanghai deadline and eligibility, formulas neutralised, and only open ones', async () => {
    const org = await makeOrganization(ctx.services, { name: '=HYPERLINK("http://evil","发榜单位")' });
    await makeChallenge(ctx.services, org.id, {
      status: 'open',
      input: { title: '=1+1 门户导出榜单', rewardFen: 123_450_000, applicationDeadline: '2030-03-11T10:00:00+08:00' },
    });
    await makeChallenge(ctx.services, org.id, { status: 'draft', input: { title: '草稿不导出的榜单' } });
    const x = await readExport(await visitor.get('/public/challenges/export.xlsx'));
    expect(x.header).toEqual(['榜单名称', '发榜单位', '榜单金额', '申报截止（北京时间）', '申报条件']);
    expect(x.rows).toHaveLength(1);
    const [row] = x.rows;
    expect(row![0]).toBe("'=1+1 门户导出榜单");
    expect(row![1]!.startsWith("'=")).toBe(true);
    expect(row![2]).toBe('123.45万元');
    expect(row![3]).toContain('2030/03/11 10:00');
    expect(row![4]).toContain('无失信记录');
    const docx = await visitor.get('/public/challenges/download.docx');
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('=1+1 门户导出榜单');
    expect(text).not.toContain('草稿不导出的榜单');
    const feed = (await visitor.get('/public/challenges.atom')).body;
    expect(entryTitles(feed)).toEqual(['=1+1 门户导出榜单']);
    expect(feed).toContain('/public/challenges/');
    expect((await visitor.get('/public/challenges')).body).toContain('href="/public/challenges/export.xlsx"');
  });

  it('exports the running 公示 with its items, never a draft 公示, without login', async () => {
    const running = await selectedThroughApi(ctx, operator, ['公示导出条目甲']);
    await publicityOfCall(operator, running.callId);
    const draft = await selectedThroughApi(ctx, operator, ['未开始公示的条目']);
    await publicityOfCall(operator, draft.callId, { start: false });
    const x = await readExport(await visitor.get('/public/publicity/export.xlsx'));
    expect(x.header).toContain('公示期（北京时间）');
    expect(x.rows.map((r) => r[5])).toEqual(['公示导出条目甲']);
    expect(x.rows[0]).toContain('有效');
    const text = await docxText((await visitor.get('/public/publicity/download.docx')).rawPayload);
    expect(text).toContain('公示导出条目甲');
    expect(text).not.toContain('未开始公示的条目');
    const feed = await visitor.get('/public/publicity.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(entryTitles(feed.body)).toHaveLength(1);
    expect(feed.body).toContain('/public/publicity/');
    expect((await visitor.get('/public/publicity')).body).toContain('href="/public/publicity.atom"');
  });
});
