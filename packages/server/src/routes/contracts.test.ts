/**
 * 技术合同登记 over HTTP: bad input changes nothing (技术交易额 above 合同成交额 answers 400 naming
 * the field), the journey from the seller's draft to the registrar's registration (the need is
 * awarded), the answers match the contract schemas, the lists export to XLSX, and the historical
 * import through its template.
 */
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { schema } from '@scenebridge/db';
import { contractInput, makeNeed, tinyPdf } from '@scenebridge/app/contracts/testing';
import { contractDetail, contractImportReport, contractPage, contractQueuePage } from '@scenebridge/contract/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgUser, platformUser, uploadFile, type Client, type TestContext } from '../testing.js';
import { readExport } from '../xlsx-download.testing.js';

let ctx: TestContext;
let seller: Client;
let registrar: Client;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-09-21T02:00:00Z') });
  seller = (await orgUser(ctx)).client;
  registrar = (await platformUser(ctx, ['registrar'])).client;
});
afterAll(async () => ctx?.close());

const contractCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.techContracts))[0]!.n;

describe('bad input', () => {
  it('技术交易额 above 合同成交额 is refused naming the field, and nothing is saved', async () => {
    const before = await contractCount();
    const res = await seller.post('/api/v1/contracts', contractInput({ contractAmountFen: 1_000_000, technologyAmountFen: 1_000_001 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '技术交易额不能超过合同成交额' });
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'technologyAmountFen' })]));
    expect(await contractCount()).toBe(before);
  });

  it('a wrong patent check digit, an unknown type or a future signing date change nothing', async () => {
    const before = await contractCount();
    for (const body of [
      contractInput({ contractType: 'transfer_patent', patents: [{ number: 'ZL201510703489.4', kind: 'patent' }] }),
      { ...contractInput(), contractType: 'made_up' },
      contractInput({ signedOn: '2026-09-22', validFrom: '2026-09-22' }),
    ]) {
      const res = await seller.post('/api/v1/contracts', body);
      expect(res.statusCode).toBe(400);
    }
    expect(await contractCount()).toBe(before);
  });
});

describe('the journey', () => {
  it('draft → PDF → submit → accept → register, the need awarded; lists and exports agree', async () => {
    const needId = await makeNeed(ctx.services, 'published');
    const created = await seller.post('/api/v1/contracts', contractInput({ needId }));
    expect(created.statusCode).toBe(201);
    const c = contractDetail.parse(created.json());
    const upload = await uploadFile(seller, `/api/v1/contracts/${c.id}/attachments`, tinyPdf(), '技术开发合同.pdf');
    expect(upload.statusCode).toBe(201);
    const notPdf = await uploadFile(seller, `/api/v1/contracts/${c.id}/attachments`, Buffer.from('hello'), 'x.pdf');
    expect(notPdf.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');

    const submitted = await seller.post(`/api/v1/contracts/${c.id}/transitions`, { action: 'submit' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', deadline: { dueOn: '2026-10-19', dueSoon: false, overdue: false } });
    const queue = contractQueuePage.parse((await registrar.get('/api/v1/contracts/queue')).json());
    expect(queue.items.find((i) => i.id === c.id)!.handlingActions).toEqual(['accept', 'return_for_correction', 'refuse']);
    // The seller's own list offers none of the registrar's moves.
    const own = contractPage.parse((await seller.get('/api/v1/contracts')).json());
    expect(own.items.find((i) => i.id === c.id)!.handlingActions).toEqual([]);
    expect((await registrar.post(`/api/v1/contracts/${c.id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
    const registered = await registrar.post(`/api/v1/contracts/${c.id}/transitions`, { action: 'register' });
    expect(registered.statusCode).toBe(200);
    const r = contractDetail.parse(registered.json());
    expect(r.registrationNo).toMatch(/^2026500112\d{6}$/);
    expect(r.decidedByName).toBeTruthy();
    const [need] = await ctx.handle.db.select().from(schema.submissions).where(eq(schema.submissions.id, needId));
    expect(need!.status).toBe('awarded');

    const mine = contractPage.parse((await seller.get('/api/v1/contracts?current=true')).json());
    expect(mine.items.map((i) => i.id)).toEqual([c.id]);
    const exported = await readExport(await seller.get('/api/v1/contracts/export.xlsx?current=true'));
    expect(exported.header).toContain('登记编号');
    expect(exported.rows).toHaveLength(1);
    expect(exported.rows[0]![0]).toBe(r.registrationNo);
    expect(exported.rows[0]).toContain('120.00'); // 合同成交额（万元）
    const pdf = await seller.get(`/api/v1/contracts/${c.id}/attachments/${upload.json().id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the historical import over HTTP', () => {
  it('downloads the template, refuses a file with errors (422, nothing saved) and commits a good one', async () => {
    const template = await registrar.get('/api/v1/contracts/import/template.xlsx');
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('填报表')!;
    // Fill the template's example row as a real one, then a second row whose amounts break the rule.
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace('*', ''));
    const col = (name: string) => header.indexOf(name);
    const width = header.length - 1;
    for (let i = 1; i <= width; i++) ws.getRow(3).getCell(i).value = ws.getRow(2).getCell(i).value;
    ws.getRow(2).getCell(col('项目名称')).value = '历史合同：智能检测系统开发';
    ws.getRow(3).getCell(col('项目名称')).value = '历史合同：数据平台开发';
    ws.getRow(3).getCell(col('登记编号')).value = '2025500112000002';
    ws.getRow(3).getCell(col('技术交易额（元）')).value = '9999999';
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await contractCount();
    const refused = await uploadFile(registrar, '/api/v1/contracts/import?mode=commit', file, '历史合同.xlsx');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(contractImportReport.parse(refused.json().error.details).errors).toEqual([
      expect.objectContaining({ row: 3, column: '技术交易额（元）', code: 'CONTRACT_AMOUNT' }),
    ]);
    expect(await contractCount()).toBe(before);

    ws.spliceRows(3, 1);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await uploadFile(registrar, '/api/v1/contracts/import?mode=commit', good, '历史合同.xlsx');
    expect(ok.statusCode).toBe(200);
    expect(contractImportReport.parse(ok.json())).toMatchObject({ created: 1, committed: true });
    const again = await uploadFile(registrar, '/api/v1/contracts/import?mode=commit', good, '历史合同.xlsx');
    expect(again.json()).toMatchObject({ created: 0, duplicates: 1 });
  });
});
