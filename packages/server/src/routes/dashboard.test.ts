/**
 * The dashboard over HTTP: who may read and set, bad input refused with 400 and nothing changed,
 * the chart workbook and the statistical report read back, and the portal's entry page counting
 * a listing view without waiting for it.
 */
import { listingViewTotals, schema } from '@scenebridge/db';
import { addContract, addDeal, dashboardWorld, makeNeedBatch, publishNeed, type DashboardWorld } from '@scenebridge/app/dashboard/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';
import { put } from './authorization.testing.js';

let ctx: TestContext;
let w: DashboardWorld;
let operator: Client;
let broker: Client;
let registrar: Client;
let member: Client;
let entryId: string;
let needId: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-12-20T04:00:00Z') });
  w = await dashboardWorld(ctx.services);
  operator = (await platformUser(ctx, ['operator'])).client;
  broker = (await platformUser(ctx, ['broker'])).client;
  registrar = (await platformUser(ctx, ['registrar'])).client;
  member = (await orgUser(ctx)).client;
  const batch = await makeNeedBatch(ctx.services, w, new Date('2026-03-02T02:00:00Z'));
  needId = await publishNeed(ctx.services, w, { batchId: batch, publishedAt: new Date('2026-03-02T02:00:00Z'), seq: 1 });
  const [entry] = await ctx.handle.db.select().from(schema.batchEntries);
  entryId = entry!.id;
  const deal = await addDeal(ctx.services, w, { needId, status: 'signed', signedAt: new Date('2026-05-01T02:00:00Z') });
  // Two types × two regions; an amount whose 万元 rounds, and a formula-like type never reaches a cell as a formula.
  await addContract(ctx.services, w, {
    dealId: deal,
    signedOn: '2026-05-01',
    contractType: 'development_commissioned',
    sellerRegionCode: '500112',
    contractAmountFen: 123_456_789,
    technologyAmountFen: 100_000_000,
  });
  await addContract(ctx.services, w, {
    signedOn: '2026-06-01',
    contractType: 'license_patent',
    sellerRegionCode: '500103',
    contractAmountFen: 1_005_000,
    technologyAmountFen: 5_000,
  });
  await addContract(ctx.services, w, {
    signedOn: '2025-06-01',
    contractType: 'license_patent',
    sellerRegionCode: '500103',
    contractAmountFen: 7,
    technologyAmountFen: 7,
  });
});
afterAll(() => ctx.close());

describe('GET /dashboard', () => {
  it('answers operators, registrars and brokers; refuses organisation users and anonymous callers', async () => {
    for (const c of [operator, registrar, broker]) {
      const res = await c.get('/api/v1/dashboard?year=2026');
      expect(res.statusCode).toBe(200);
      const d = res.json();
      expect(d.period).toEqual({ from: '2026-01-01', to: '2026-12-31', year: 2026 });
      expect(d.turnover.total).toEqual({ count: 2, contractAmountFen: 124_461_789, technologyAmountFen: 100_005_000 });
      expect(d.turnover.previousTotal.contractAmountFen).toBe(7);
      expect(d.funnel.stages.map((s: { count: number }) => s.count)).toEqual([1, 0, 0, 1, 1, 1, 1]);
    }
    expect((await member.get('/api/v1/dashboard')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/v1/dashboard')).statusCode).toBe(401);
  });

  it('refuses a bad period with 400', async () => {
    for (const q of [
      'year=1800',
      'year=abc',
      'from=2026-05-01&to=2026-04-01',
      'from=2026-05-01',
      'from=2026-13-01&to=2026-12-01',
      'staleDays=0',
      'batchId=x',
    ]) {
      const res = await operator.get(`/api/v1/dashboard?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers a from/to period and a funnel of its own', async () => {
    const res = await broker.get('/api/v1/dashboard/funnel?from=2026-03-01&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().stages[0]).toMatchObject({ stage: 'published', count: 1 });
  });
});

describe('targets', () => {
  const rows = async () => (await ctx.handle.db.select().from(schema.annualTargets)).map((r) => `${r.year}:${r.metric}:${r.target}`).sort();

  it('the operator sets them; bad input and other roles change nothing', async () => {
    const before = await rows();
    const bad = [
      ['year=1800', { targets: { deals_signed: 3 } }],
      ['year=2026', { targets: { deals_signed: -1 } }],
      ['year=2026', { targets: { deals_signed: 1.5 } }],
      ['year=2026', { targets: { no_such_metric: 3 } }],
      ['', { targets: { deals_signed: 3 } }],
    ] as const;
    for (const [q, body] of bad) {
      const res = await put(ctx, operator, `/api/v1/dashboard/targets?${q}`, body);
      expect(res.statusCode, `${q} ${JSON.stringify(body)}`).toBe(400);
    }
    for (const c of [broker, registrar, member])
      expect((await put(ctx, c, '/api/v1/dashboard/targets?year=2026', { targets: { deals_signed: 3 } })).statusCode).toBe(403);
    expect((await put(ctx, anonymous(ctx.app), '/api/v1/dashboard/targets?year=2026', { targets: { deals_signed: 3 } })).statusCode).toBe(
      401,
    );
    expect(await rows()).toEqual(before);

    const ok = await put(ctx, operator, '/api/v1/dashboard/targets?year=2026', {
      targets: { contract_turnover_fen: 2_000_000_000_00, deals_signed: 2 },
    });
    expect(ok.statusCode).toBe(200);
    expect(await rows()).toEqual(['2026:contract_turnover_fen:200000000000', '2026:deals_signed:2']);
    const read = await registrar.get('/api/v1/dashboard/targets?year=2026');
    expect(read.json().items.find((i: { metric: string }) => i.metric === 'deals_signed')).toMatchObject({
      value: 1,
      target: 2,
      ratio: 0.5,
    });
    // The dashboard shows the amount against the target at once (the cache heard the change).
    const d = (await operator.get('/api/v1/dashboard?year=2026')).json();
    expect(d.targets[0]).toMatchObject({ metric: 'contract_turnover_fen', value: 124_461_789, target: 200_000_000_000 });
  });
});

describe('exports', () => {
  it('writes every chart to a sheet of one workbook', async () => {
    const x = await readExport(await operator.get('/api/v1/dashboard/export.xlsx?year=2026'));
    expect(Object.keys(x.sheets)).toEqual([
      '目标完成情况',
      '转化漏斗',
      '成交额按合同类型',
      '成交额按技术领域',
      '成交额按地区',
      '成交额按卖方性质',
      '成交额按月',
      '评审吞吐',
      '各环节用时',
      '长期无进展清单',
      '休眠对接项目',
    ]);
    expect(x.sheets['成交额按合同类型']!.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['development_commissioned', '1', '123.46'],
      ['license_patent', '1', '1.01'],
    ]);
    expect(x.sheets['成交额按月']!.rows).toHaveLength(12);
    expect(x.info['筛选条件']).toContain('2026-01-01 至 2026-12-31');
    expect((await member.get('/api/v1/dashboard/export.xlsx')).statusCode).toBe(403);
  });

  it('writes one chart on its own when asked (chart=…), and refuses a chart it does not know', async () => {
    const x = await readExport(await operator.get('/api/v1/dashboard/export.xlsx?year=2026&chart=turnover-type'));
    expect(Object.keys(x.sheets)).toEqual(['成交额按合同类型']);
    expect(x.sheets['成交额按合同类型']!.rows.map((r) => r[1])).toContain('development_commissioned');
    const bad = await operator.get('/api/v1/dashboard/export.xlsx?year=2026&chart=pie-of-everything');
    expect(bad.statusCode).toBe(400);
  });

  it('lays out the statistical report by contract type and region in exact 万元 with totals', async () => {
    const res = await registrar.get('/api/v1/dashboard/report.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('技术合同登记统计表');
    expect(String(ws.getCell(2, 1).value)).toContain('2026-01-01 至 2026-12-31');
    expect(String(ws.getCell(3, 1).value)).toContain('万元');
    // Regions ranked by turnover: 500112 first, then 500103, then 合计.
    expect(String(ws.getCell(4, 2).value)).toContain('500112');
    expect(String(ws.getCell(4, 5).value)).toContain('500103');
    expect(ws.getCell(4, 8).value).toBe('合计');
    const last = ws.actualRowCount;
    expect(ws.getCell(last, 1).value).toBe('合计');
    expect([ws.getCell(last, 8).value, ws.getCell(last, 9).value, ws.getCell(last, 10).value]).toEqual([2, 124.46, 100.01]);
    expect(ws.getCell(last, 9).numFmt).toBe('#,##0.00');
    const rowOf = (label: string) => {
      for (let r = 6; r < last; r++) if (String(ws.getCell(r, 1).value).includes(label)) return r;
      throw new Error(label);
    };
    const license = rowOf('专利实施许可');
    expect([ws.getCell(license, 5).value, ws.getCell(license, 6).value, ws.getCell(license, 7).value]).toEqual([1, 1.01, 0.01]);
    // Each category's subtotal sits above its sub-types, as the statistics office lays it out.
    const licenseSubtotal = rowOf('技术许可小计');
    expect(licenseSubtotal).toBeLessThan(license);
    expect([ws.getCell(licenseSubtotal, 8).value, ws.getCell(licenseSubtotal, 9).value]).toEqual([1, 1.01]);
    const development = rowOf('技术开发小计');
    expect([ws.getCell(development, 8).value, ws.getCell(development, 9).value, ws.getCell(development, 10).value]).toEqual([
      1, 123.46, 100,
    ]);
    expect((await member.get('/api/v1/dashboard/report.xlsx')).statusCode).toBe(403);
  });
});

describe('portal listing views', () => {
  it('counts a view of the public entry page once per visitor per day, without holding the page', async () => {
    const get = (ua: string) => ctx.app.inject({ method: 'GET', url: `/public/entries/${entryId}`, headers: { 'user-agent': ua } });
    expect((await get('A')).statusCode).toBe(200);
    expect((await get('A')).statusCode).toBe(200);
    expect((await get('B')).statusCode).toBe(200);
    // Fire and forget: wait for the counts to land.
    for (let i = 0; i < 100 && (await listingViewTotals(ctx.handle.db, needId)).visitorKeys < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    expect(await listingViewTotals(ctx.handle.db, needId)).toMatchObject({ views: 2, visitorKeys: 2 });
  });
});
