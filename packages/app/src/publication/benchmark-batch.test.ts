import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSubmissions, schema } from '@scenebridge/db';
import type { Actor } from '../context.js';
import { makeAward } from '../awards/testing.js';
import { createTestContext, makeCall, makeOrganization, makeUser, scenarioNeedData, type AppTestContext } from '../testing.js';
import { batchesToAtom, batchToDocx, batchToXlsx, XLSX_FIRST_ENTRY_ROW, XLSX_HEADER_ROW } from './documents/index.js';
import {
  benchmarkBatch,
  correctBenchmarkEntry,
  previewBenchmarkBatch,
  promoteToBenchmark,
  publishBenchmarkBatch,
  toBenchmarkDocument,
} from './index.js';

let ctx: AppTestContext;
let operator: Actor;
let callId: string;
let orgId: string;

const RESULTS = '上线后检测准确率达到98.5%，替代人工目检八成工作量。';

async function items(n: number, status = 'accepted', data: Record<string, unknown> = {}) {
  const rows = await insertSubmissions(
    ctx.services.db,
    Array.from({ length: n }, (_, i) => ({
      callId,
      organizationId: orgId,
      listType: 'scenario_need',
      status,
      title: `标杆场景${i}-${Math.random().toString(36).slice(2, 7)}`,
      data: scenarioNeedData(data),
      submittedAt: new Date(),
    })),
  );
  return rows.map((r) => r.id);
}

const statuses = async (ids: string[]) =>
  (await ctx.handle.db.select().from(schema.submissions).where(inArray(schema.submissions.id, ids))).map((s) => s.status);
const auditOf = async (id: string) =>
  (await ctx.handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, id))).map((e) => e.action);
const batchCount = async () => (await ctx.handle.db.select().from(schema.benchmarkBatches)).length;
const pick = (ids: string[]) => ids.map((submissionId) => ({ submissionId, resultsText: RESULTS }));

beforeAll(async () => {
  ctx = await createTestContext();
  const opOrg = await makeOrganization(ctx.services, { operator: true, name: '场景促进中心' });
  const user = await makeUser(ctx.services, opOrg.id, ['operator']);
  operator = {
    userId: user.id,
    email: user.email,
    displayName: '运营',
    roles: ['operator'],
    organizationId: opOrg.id,
    organizationName: opOrg.name,
    organizationStatus: 'approved',
    organizationKind: opOrg.kind,
    sessionId: 's',
    csrfToken: 'c',
  };
  orgId = (await makeOrganization(ctx.services, { name: '重庆长鸿汽车零部件有限公司' })).id;
  callId = (await makeCall(ctx.services, { status: 'results_published' })).id;
});
afterAll(() => ctx.close());

describe('publishBenchmarkBatch', () => {
  it('moves exactly the chosen accepted items, with an audit event each, and numbers batches in sequence', async () => {
    const [a, b, c] = await items(3);
    const first = await publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick([a!, b!]) });
    expect(first.replayed).toBe(false);
    expect(await statuses([a!, b!])).toEqual(['benchmark_case', 'benchmark_case']);
    expect(await statuses([c!])).toEqual(['accepted']);
    expect(await auditOf(a!)).toContain('submission.promote_benchmark');
    expect(await auditOf(first.batch.id)).toEqual(['benchmark_batch.published']);
    const second = await publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick([c!]) });
    expect(second.batch.number).toBe(first.batch.number + 1);
    expect(second.batch.title).toBe(`${second.batch.year}年第${second.batch.number}批人工智能场景标杆案例清单`);
    const got = await benchmarkBatch({ services: ctx.services, id: first.batch.id });
    expect(got.current.map((e) => [e.seq, e.submissionId, e.resultsText])).toEqual([
      [1, a, RESULTS],
      [2, b, RESULTS],
    ]);
  });

  it('refuses a batch with an item that is not accepted (409), and changes nothing', async () => {
    const [ok] = await items(1);
    const [late] = await items(1, 'in_delivery');
    const before = await batchCount();
    await expect(publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick([ok!, late!]) })).rejects.toMatchObject({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
      details: { submissionIds: [late] },
    });
    expect(await statuses([ok!, late!])).toEqual(['accepted', 'in_delivery']);
    expect(await batchCount()).toBe(before);
    expect(await auditOf(ok!)).toEqual([]);
  });

  it('answers the same batch to a retry and publishes nothing twice', async () => {
    const ids = await items(2);
    const first = await publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick(ids) });
    const before = await batchCount();
    const again = await publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick(ids) });
    expect(again).toMatchObject({ replayed: true, batch: { id: first.batch.id } });
    expect(await batchCount()).toBe(before);
    expect((await auditOf(ids[0]!)).filter((a) => a === 'submission.promote_benchmark')).toHaveLength(1);
  });

  it('publishes one batch when the same request arrives twice at once', async () => {
    const ids = await items(2);
    const before = await batchCount();
    const [x, y] = await Promise.all(
      [0, 1].map(() => publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick(ids) })),
    );
    expect(x!.batch.id).toBe(y!.batch.id);
    expect([x!.replayed, y!.replayed].sort()).toEqual([false, true]);
    expect(await batchCount()).toBe(before + 1);
  });

  it('refuses bad input (400) and a non-operator (403) before anything is written', async () => {
    const [id] = await items(1);
    await expect(
      publishBenchmarkBatch({ services: ctx.services, actor: operator, items: [{ submissionId: id!, resultsText: '太短' }] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(publishBenchmarkBatch({ services: ctx.services, actor: null, items: pick([id!]) })).rejects.toMatchObject({ status: 403 });
    expect(await statuses([id!])).toEqual(['accepted']);
  });

  it('keeps the single-item promote: a batch of one, refused once the item is a benchmark case', async () => {
    const [id] = await items(1);
    const c = await promoteToBenchmark({ services: ctx.services, actor: operator, submissionId: id!, resultsText: RESULTS });
    expect(c).toMatchObject({ submissionId: id, resultsText: RESULTS });
    expect(await statuses([id!])).toEqual(['benchmark_case']);
    await expect(
      promoteToBenchmark({ services: ctx.services, actor: operator, submissionId: id!, resultsText: RESULTS }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('carries the acceptance report and winner of the completed award on the need, and corrects an entry as a new version', async () => {
    const [id] = await items(1, 'accepted');
    const winner = await makeOrganization(ctx.services, { name: `重庆智视科技有限公司${Math.random().toString(36).slice(2, 6)}` });
    const award = await makeAward(ctx.services, { lead: { organizationId: winner.id, userId: operator.userId } });
    await ctx.handle.db.update(schema.challenges).set({ sourceNeedId: id! }).where(eq(schema.challenges.id, award.challengeId));
    await ctx.handle.db
      .update(schema.challengeAwards)
      .set({ status: 'completed', acceptanceReport: '验收通过，指标全部达成' })
      .where(eq(schema.challengeAwards.id, award.awardId));
    const { batch } = await publishBenchmarkBatch({ services: ctx.services, actor: operator, items: pick([id!]) });
    const corrected = await correctBenchmarkEntry({
      services: ctx.services,
      actor: operator,
      batchId: batch.id,
      seq: 1,
      correction: { resultsText: '更正后的成效说明：准确率99%，年节约成本300万元。', erratum: '成效数据更正' },
    });
    expect(corrected).toMatchObject({ version: 2, acceptanceReport: '验收通过，指标全部达成', winner: winner.name });
    const got = await benchmarkBatch({ services: ctx.services, id: batch.id });
    expect(got.current.map((e) => e.version)).toEqual([2]);
    expect(got.history.map((e) => e.version)).toEqual([1]);
  });

  it('previews without writing', async () => {
    const [id] = await items(1);
    const before = await batchCount();
    const doc = await previewBenchmarkBatch({ services: ctx.services, actor: operator, items: pick([id!]) });
    expect(doc.entries.map((e) => e.submissionId)).toEqual([id]);
    expect(await batchCount()).toBe(before);
    expect(await statuses([id!])).toEqual(['accepted']);
  });
});

describe('benchmark documents', () => {
  const doc = toBenchmarkDocument(
    {
      id: '0b9a4c1e-8a8e-4d6a-9d51-6c0b7e0b2f11',
      title: '2026年第1批人工智能场景标杆案例清单',
      number: 1,
      year: 2026,
      issuer: '场景促进中心',
      publishedAt: new Date('2026-12-01T02:00:00Z'),
    },
    [
      {
        seq: 1,
        submissionId: 's1',
        name: '焊点质量智能检测',
        issuer: '长鸿汽车',
        sector: 'manufacturing',
        regionCode: '500112',
        resultsText: '漏检率下降90%',
        acceptanceReport: '验收通过',
        winner: '智视科技',
      },
      {
        seq: 2,
        submissionId: 's2',
        name: '=HYPERLINK("http://x","点我")',
        issuer: '+cmd',
        sector: 'healthcare',
        regionCode: null,
        resultsText: '@SUM(1)',
        acceptanceReport: null,
        winner: null,
      },
    ],
  );

  it('XLSX lists the cases with the benchmark columns and neutralises formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await batchToXlsx(doc)) as never);
    const ws = wb.getWorksheet('清单')!;
    const header = (ws.getRow(XLSX_HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '案例名称',
      '发布单位',
      '揭榜（中标）单位',
      '所属领域',
      '所在地区',
      '成效说明',
      '验收结论',
      '勘误说明',
    ]);
    const row = (n: number) => (ws.getRow(XLSX_FIRST_ENTRY_ROW + n).values as unknown[]).slice(1);
    expect(row(0).slice(0, 4)).toEqual([1, '焊点质量智能检测', '长鸿汽车', '智视科技']);
    expect(row(0)[6]).toBe('漏检率下降90%');
    for (const v of row(1).slice(1)) expect(typeof v === 'string' ? v : '').not.toMatch(/^[=+\-@]/);
    ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));
    const info = (wb.getWorksheet('批次信息')!.getColumn(1).values as unknown[]).filter(Boolean);
    expect(info).toContain('清单类型');
    expect(info).not.toContain('征集活动');
  });

  it('DOCX prints each case with its results, winner and acceptance report', async () => {
    const zip = await JSZip.loadAsync(await batchToDocx(doc));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of [
      '1. 焊点质量智能检测',
      '成效说明：',
      '漏检率下降90%',
      '揭榜（中标）单位：',
      '智视科技',
      '验收结论：',
      '验收通过',
      '标杆案例清单',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('征集活动');
  });

  it('Atom links each batch under /public/benchmark-batches', async () => {
    const xml = batchesToAtom([doc], {
      baseUrl: 'https://scene.example.cn',
      feedTitle: '标杆案例清单',
      listPath: '/public/benchmark-batches',
    });
    expect(xml).toContain('<id>https://scene.example.cn/public/benchmark-batches</id>');
    expect(xml).toContain(`href="https://scene.example.cn/public/benchmark-batches/${doc.id}"`);
    expect(xml).toContain('<title>2026年第1批人工智能场景标杆案例清单</title>');
    expect(xml).toContain('label="标杆案例清单"');
  });
});
