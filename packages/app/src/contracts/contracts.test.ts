/**
 * 技术合同登记 through its use cases, on a real database: the machine with the signed PDF and the
 * statutory clock, the amount rule in the form and in the database, registration numbers under
 * concurrency, versions (change / cancellation) and what counts as current, the need awarded
 * by registration, the policy, and the historical import.
 */
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { currentRegisteredContracts, currentRegisteredContractsWhere, findSubmission, insertTechContract, schema } from '@scenebridge/db';
import { contractInputSchema, DomainError, parseRegistrationNo } from '@scenebridge/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tinyPng, type AppTestContext } from '../testing.js';
import {
  addContractAttachment,
  CONTRACT_IMPORT_COLUMNS,
  createContract,
  getContract,
  importContracts,
  listContractQueue,
  listContracts,
  remindDueContracts,
  startContractVersion,
  transitionContract,
  updateContract,
} from './index.js';
import { contractColumns } from './content.js';
import { contractInput, makeContract, makeNeed, makeRegistrar, makeSeller, tinyPdf } from './testing.js';

let ctx: AppTestContext;
const START = new Date('2026-09-21T02:00:00Z'); // Mon 10:00 Shanghai
beforeAll(async () => {
  ctx = await createTestContext({ now: START });
});
afterAll(async () => ctx?.close());

const parse = (o: Parameters<typeof contractInput>[0] = {}) => contractInputSchema.parse(contractInput(o));
async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}
const auditActions = async (entityId: string) =>
  (
    await ctx.services.db.select({ a: schema.auditEvents.action }).from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId))
  ).map((r) => r.a);

describe('a registration from draft to registered', () => {
  it('needs the PDF, runs the clock on the working-day calendar, restarts it after 补正, and numbers the registration', async () => {
    ctx.setNow(START);
    const services = ctx.services;
    const seller = await makeSeller(services);
    const registrar = await makeRegistrar(services);
    const c = await createContract({ services, actor: seller, input: parse() });
    expect(c.status).toBe('draft');
    expect(c.allowedActions).toEqual(['discard']); // no PDF yet: no submit button

    expect((await rejects(transitionContract({ services, actor: seller, id: c.id, action: 'submit' }))).code).toBe('CONTRACT_PDF_REQUIRED');
    expect(
      (await rejects(addContractAttachment({ services, actor: seller, contractId: c.id, filename: 'x.png', content: tinyPng() }))).code,
    ).toBe('UNSUPPORTED_FILE_TYPE');
    const pdf = await addContractAttachment({ services, actor: seller, contractId: c.id, filename: '合同.pdf', content: tinyPdf() });
    expect(pdf.mediaType).toBe('application/pdf');
    // Registrars decide; they do not submit for the seller.
    expect((await rejects(transitionContract({ services, actor: registrar, id: c.id, action: 'submit' }))).code).toBe('FORBIDDEN');

    const submitted = await transitionContract({ services, actor: seller, id: c.id, action: 'submit' });
    expect(submitted.status).toBe('submitted');
    // 15 working days after Mon 2026-09-21, over 中秋 and 国庆 (and the 调休 Saturday 10-10): Mon 10-19.
    expect(submitted.deadline).toMatchObject({ dueOn: '2026-10-19', expertReview: false, overdue: false });
    expect(submitted.canEdit).toBe(false);
    expect(
      (await rejects(updateContract({ services, actor: seller, id: c.id, input: parse({ projectName: '改名' + 'x'.repeat(3) }) }))).code,
    ).toBe('CONTRACT_NOT_EDITABLE');

    await transitionContract({ services, actor: registrar, id: c.id, action: 'accept' });
    expect((await rejects(transitionContract({ services, actor: registrar, id: c.id, action: 'return_for_correction' }))).code).toBe(
      'REASON_REQUIRED',
    );
    const returned = await transitionContract({
      services,
      actor: registrar,
      id: c.id,
      action: 'return_for_correction',
      reason: '技术交易额核定有误',
    });
    expect(returned).toMatchObject({ status: 'returned', statusReason: '技术交易额核定有误', deadline: null });

    // The seller corrects it a week later; the clock starts again from the resubmission.
    ctx.setNow(new Date('2026-10-12T02:00:00Z')); // Mon
    const edited = await updateContract({
      services,
      actor: seller,
      id: c.id,
      input: parse({ technologyAmountFen: 90_000_000 }),
      expectedVersion: returned.version,
    });
    expect(edited.technologyAmountFen).toBe(90_000_000);
    const resubmitted = await transitionContract({ services, actor: seller, id: c.id, action: 'resubmit' });
    // 15 working days after Mon 10-12: Mon 11-02.
    expect(resubmitted.deadline?.dueOn).toBe('2026-11-02');
    expect(resubmitted.statusReason).toBeNull();

    await transitionContract({ services, actor: registrar, id: c.id, action: 'accept' });
    const registered = await transitionContract({ services, actor: registrar, id: c.id, action: 'register' });
    expect(registered.status).toBe('registered');
    expect(registered.current).toBe(true);
    expect(parseRegistrationNo(registered.registrationNo!)).toMatchObject({ year: 2026, regionCode: '500112' });
    expect(registered.registeredAt).toBe('2026-10-12T02:00:00.000Z');
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining([
        'contract.created',
        'contract.attachment_added',
        'contract.submit',
        'contract.accept',
        'contract.return_for_correction',
        'contract.updated',
        'contract.resubmit',
        'contract.register',
      ]),
    );
    const sellerNotes = await services.db.select().from(schema.notifications).where(eq(schema.notifications.userId, seller.userId));
    expect(sellerNotes.map((n) => n.kind).sort()).toEqual(['contract.registered', 'contract.returned']);
    const registrarNotes = await services.db.select().from(schema.notifications).where(eq(schema.notifications.userId, registrar.userId));
    expect(registrarNotes.map((n) => n.kind)).toEqual(expect.arrayContaining(['contract.submitted']));
  });

  it('uses 30 working days for a large contract (expert review)', async () => {
    ctx.setNow(START);
    const seller = await makeSeller(ctx.services);
    const c = await createContract({
      services: ctx.services,
      actor: seller,
      input: parse({ contractAmountFen: 2_000_000_000, technologyAmountFen: 1_000_000_000 }),
    });
    await addContractAttachment({ services: ctx.services, actor: seller, contractId: c.id, filename: 'c.pdf', content: tinyPdf() });
    const s = await transitionContract({ services: ctx.services, actor: seller, id: c.id, action: 'submit' });
    // 15 working days end Mon 10-19 (see above); 15 more: 10-20…23, 26…30, 11-02…06, 11-09.
    expect(s.deadline).toMatchObject({ expertReview: true, dueOn: '2026-11-09' });
  });
});

describe('技术交易额 ≤ 合同成交额', () => {
  it('is refused by the form and by the database, leaving nothing saved', async () => {
    const seller = await makeSeller(ctx.services);
    expect(contractInputSchema.safeParse(contractInput({ contractAmountFen: 100, technologyAmountFen: 101 })).success).toBe(false);
    const before = (await ctx.services.db.select({ n: count() }).from(schema.techContracts))[0]!.n;
    await expect(
      insertTechContract(ctx.services.db, {
        ...contractColumns(parse()),
        contractAmountFen: 100,
        technologyAmountFen: 101,
        id: crypto.randomUUID(),
        lineageId: crypto.randomUUID(),
        sellerOrganizationId: seller.organizationId,
        status: 'draft',
      }),
    ).rejects.toThrow();
    expect((await ctx.services.db.select({ n: count() }).from(schema.techContracts))[0]!.n).toBe(before);
  });
});

describe('registration numbers', () => {
  it('are drawn once each under concurrency, serials consecutive per year and region', async () => {
    ctx.setNow(START);
    const seller = await makeSeller(ctx.services);
    const registrar = await makeRegistrar(ctx.services);
    const region = '500156'; // 武隆区: nobody else here registers there
    const rows = await Promise.all(
      Array.from({ length: 8 }, () =>
        makeContract(ctx.services, seller.organizationId, {
          status: 'accepted',
          input: { seller: { ...contractInput().seller, regionCode: region } },
        }),
      ),
    );
    const done = await Promise.all(
      rows.map((r) => transitionContract({ services: ctx.services, actor: registrar, id: r.id, action: 'register' })),
    );
    const nos = done.map((d) => d.registrationNo!).sort();
    expect(new Set(nos).size).toBe(8);
    expect(nos).toEqual(Array.from({ length: 8 }, (_, i) => `2026${region}${String(i + 1).padStart(6, '0')}`));
  });
});

describe('change and cancellation (变更/注销)', () => {
  it('are new versions; registering one supersedes the version before; only the current version counts', async () => {
    ctx.setNow(START);
    const services = ctx.services;
    const seller = await makeSeller(services);
    const registrar = await makeRegistrar(services, ['operator']);
    const original = await makeContract(services, seller.organizationId, { status: 'accepted' });
    await transitionContract({ services, actor: registrar, id: original.id, action: 'register' });
    const lineage = (id: string) => and(currentRegisteredContractsWhere(), eq(schema.techContracts.lineageId, id));
    const currentOf = async () => (await currentRegisteredContracts(services.db).where(lineage(original.lineageId))).map((r) => r.id);
    expect(await currentOf()).toEqual([original.id]);

    const change = await startContractVersion({
      services,
      actor: seller,
      id: original.id,
      kind: 'change',
      input: parse({ contractAmountFen: 150_000_000 }),
    });
    expect(change).toMatchObject({
      kind: 'change',
      versionNo: 2,
      supersedesId: original.id,
      status: 'draft',
      lineageId: original.lineageId,
    });
    expect(
      (await rejects(startContractVersion({ services, actor: seller, id: original.id, kind: 'cancellation', reason: '双方解除合同' })))
        .code,
    ).toBe('CONTRACT_VERSION_PENDING');
    // The original is untouched and still the one that counts.
    expect(await currentOf()).toEqual([original.id]);

    await addContractAttachment({ services, actor: seller, contractId: change.id, filename: '变更协议.pdf', content: tinyPdf() });
    await transitionContract({ services, actor: seller, id: change.id, action: 'submit' });
    await transitionContract({ services, actor: registrar, id: change.id, action: 'accept' });
    const changed = await transitionContract({ services, actor: registrar, id: change.id, action: 'register' });
    expect(changed.current).toBe(true);
    expect(await currentOf()).toEqual([change.id]);
    const old = await getContract({ services, actor: seller, id: original.id });
    expect(old.supersededAt).toBe(changed.registeredAt);
    expect(old.current).toBe(false);
    expect(old.contractAmountFen).toBe(120_000_000); // never edited in place
    expect((await rejects(startContractVersion({ services, actor: seller, id: original.id, kind: 'change', input: parse() }))).code).toBe(
      'CONTRACT_NOT_CURRENT',
    );

    const cancel = await startContractVersion({ services, actor: seller, id: change.id, kind: 'cancellation', reason: '双方协商解除合同' });
    expect(cancel).toMatchObject({ kind: 'cancellation', versionNo: 3, contractAmountFen: 150_000_000, versionNote: '双方协商解除合同' });
    await addContractAttachment({ services, actor: seller, contractId: cancel.id, filename: '解除协议.pdf', content: tinyPdf() });
    await transitionContract({ services, actor: seller, id: cancel.id, action: 'submit' });
    // A 补正 has its own reason; the cancellation's reason outlives it.
    const returned = await transitionContract({
      services,
      actor: registrar,
      id: cancel.id,
      action: 'return_for_correction',
      reason: '请补充解除协议盖章页',
    });
    expect(returned).toMatchObject({ statusReason: '请补充解除协议盖章页', versionNote: '双方协商解除合同' });
    await transitionContract({ services, actor: seller, id: cancel.id, action: 'resubmit' });
    await transitionContract({ services, actor: registrar, id: cancel.id, action: 'accept' });
    const cancelled = await transitionContract({ services, actor: registrar, id: cancel.id, action: 'register' });
    expect(cancelled).toMatchObject({ statusReason: null, versionNote: '双方协商解除合同' });
    expect(cancelled.current).toBe(false);
    expect(await currentOf()).toEqual([]);
    expect(cancelled.versions.map((v) => [v.versionNo, v.kind, v.status, v.current])).toEqual([
      [1, 'original', 'registered', false],
      [2, 'change', 'registered', false],
      [3, 'cancellation', 'registered', false],
    ]);
    const mine = await listContracts({ services, actor: seller, query: { current: true, page: 1, pageSize: 50 } });
    expect(mine.items.filter((i) => i.lineageId === original.lineageId)).toEqual([]);
  });
});

describe('the need a contract concludes', () => {
  it('moves to awarded when the contract is registered (system, audited)', async () => {
    ctx.setNow(START);
    const services = ctx.services;
    const needId = await makeNeed(services, 'matching');
    const seller = await makeSeller(services);
    const registrar = await makeRegistrar(services);
    const c = await createContract({ services, actor: seller, input: parse({ needId }) });
    await addContractAttachment({ services, actor: seller, contractId: c.id, filename: 'c.pdf', content: tinyPdf() });
    await transitionContract({ services, actor: seller, id: c.id, action: 'submit' });
    await transitionContract({ services, actor: registrar, id: c.id, action: 'accept' });
    expect((await findSubmission(services.db, needId))!.submission.status).toBe('matching');
    await transitionContract({ services, actor: registrar, id: c.id, action: 'register' });
    expect((await findSubmission(services.db, needId))!.submission.status).toBe('awarded');
    const [audit] = await services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, needId));
    expect(audit).toMatchObject({ action: 'submission.award', fromState: 'matching', toState: 'awarded', actorLabel: 'system' });
  });

  it('refuses a link to a need that does not exist', async () => {
    const seller = await makeSeller(ctx.services);
    expect(
      (await rejects(createContract({ services: ctx.services, actor: seller, input: parse({ needId: crypto.randomUUID() }) }))).code,
    ).toBe('CONTRACT_LINK_INVALID');
  });
});

describe('who sees what', () => {
  it('the seller and the registrars see a registration; another organisation gets 404', async () => {
    const services = ctx.services;
    const seller = await makeSeller(services);
    const other = await makeSeller(services);
    const registrar = await makeRegistrar(services);
    const c = await createContract({ services, actor: seller, input: parse() });
    expect((await getContract({ services, actor: registrar, id: c.id })).id).toBe(c.id);
    expect((await rejects(getContract({ services, actor: other, id: c.id }))).status).toBe(404);
    expect((await rejects(transitionContract({ services, actor: other, id: c.id, action: 'discard' }))).status).toBe(404);
    expect((await listContracts({ services, actor: other, query: { page: 1, pageSize: 100 } })).items.map((i) => i.id)).not.toContain(c.id);
    expect((await rejects(listContractQueue({ services, actor: seller, query: { page: 1, pageSize: 20 } }))).code).toBe('FORBIDDEN');
    expect((await rejects(createContract({ services, actor: registrar, input: parse() }))).code).toBe('FORBIDDEN');
  });
});

describe('the registrar queue', () => {
  it('sorts by due date and flags due soon and overdue; the daily job reminds once a day', async () => {
    ctx.setNow(START);
    const services = ctx.services;
    const seller = await makeSeller(services);
    const registrar = await makeRegistrar(services);
    const early = await makeContract(services, seller.organizationId, {
      status: 'submitted',
      row: { dueOn: '2026-09-18', submittedAt: START },
    });
    const soon = await makeContract(services, seller.organizationId, {
      status: 'accepted',
      row: { dueOn: '2026-09-24', submittedAt: START },
    });
    const later = await makeContract(services, seller.organizationId, {
      status: 'submitted',
      row: { dueOn: '2026-10-19', submittedAt: START },
    });
    const q = await listContractQueue({ services, actor: registrar, query: { page: 1, pageSize: 100 } });
    const mine = q.items.filter((i) => [early.id, soon.id, later.id].includes(i.id));
    expect(mine.map((i) => i.id)).toEqual([early.id, soon.id, later.id]);
    expect(mine.map((i) => [i.deadline?.overdue, i.deadline?.dueSoon])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(q.overdueCount).toBeGreaterThanOrEqual(1);
    expect(q.dueSoonCount).toBeGreaterThanOrEqual(1);
    const overdueOnly = await listContractQueue({ services, actor: registrar, query: { overdue: true, page: 1, pageSize: 100 } });
    expect(overdueOnly.items.map((i) => i.id)).toContain(early.id);
    expect(overdueOnly.items.map((i) => i.id)).not.toContain(soon.id);

    await remindDueContracts({ services });
    await remindDueContracts({ services });
    const notes = await services.db.select().from(schema.notifications).where(eq(schema.notifications.userId, registrar.userId));
    const due = notes.filter((n) => n.kind === 'contract.due_soon').map((n) => (n.data as { contractId: string }).contractId);
    expect(due.filter((id) => id === early.id)).toHaveLength(1);
    expect(due).toContain(soon.id);
    expect(due).not.toContain(later.id);
  });
});

// ---------------------------------------------------------------- import

async function workbook(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报表');
  ws.addRow(CONTRACT_IMPORT_COLUMNS.map((c) => (c.required ? '*' : '') + c.header));
  for (const r of rows) ws.addRow(CONTRACT_IMPORT_COLUMNS.map((c) => r[c.header] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function row(i: number, overrides: Record<string, string> = {}): Record<string, string> {
  const input = contractInput();
  return {
    登记编号: `2025500112${String(900000 + i).padStart(6, '0')}`,
    登记日期: '2025-06-20',
    项目名称: `历史合同${i}号智能检测系统开发`,
    合同类型: '技术开发（委托）',
    卖方名称: input.seller.name,
    卖方统一社会信用代码: input.seller.creditCode!,
    卖方所在地区: '渝北区',
    卖方法人性质: '企业法人（私营企业）',
    买方名称: input.buyer.name,
    买方统一社会信用代码: input.buyer.creditCode!,
    买方所在地区: '500105',
    买方法人性质: '企业法人（国有企业）',
    签订日期: '2025-06-01',
    有效期起: '2025-06-01',
    有效期止: '2026-05-31',
    '合同成交额（元）': '1200000.50',
    '技术交易额（元）': '1000000',
    支付方式: '一次总算、一次总付',
    ...overrides,
  };
}

describe('the historical import', () => {
  it('reports row errors with row and column, imports nothing when any row is wrong, and is idempotent', async () => {
    ctx.setNow(START);
    const services = ctx.services;
    const registrar = await makeRegistrar(services);
    const bad = await workbook([
      row(1),
      row(2, { '技术交易额（元）': '1300000' }),
      row(3, { 涉及专利: 'ZL201510703489.4', 合同类型: '技术转让（专利权）' }),
      row(4, { 签订日期: '2025/13/01' }),
    ]);
    const dry = await importContracts({ services, actor: registrar, file: bad, mode: 'dry_run' });
    expect(dry).toMatchObject({ totalRows: 4, validRows: 1, committed: false, created: 0 });
    expect(dry.errors).toEqual([
      expect.objectContaining({ row: 3, column: '技术交易额（元）', code: 'CONTRACT_AMOUNT', message: '技术交易额不能超过合同成交额' }),
      expect.objectContaining({ row: 4, column: '涉及专利', message: expect.stringContaining('校验位') }),
      expect.objectContaining({ row: 5, column: '签订日期', code: 'INVALID_FORMAT' }),
    ]);
    const before = (await services.db.select({ n: count() }).from(schema.techContracts))[0]!.n;
    const e = await rejects(importContracts({ services, actor: registrar, file: bad, mode: 'commit' }));
    expect(e).toMatchObject({ code: 'IMPORT_HAS_ERRORS', status: 422 });
    expect((await services.db.select({ n: count() }).from(schema.techContracts))[0]!.n).toBe(before);

    const good = await workbook([
      row(1),
      row(2),
      row(3, {
        登记编号: '',
        涉及专利: 'ZL201510703489.3; CN201810336559.X',
        合同类型: '技术转让（专利权）',
        '预计新增产值（元）': '5000000',
      }),
    ]);
    const first = await importContracts({ services, actor: registrar, file: good, mode: 'commit' });
    expect(first).toMatchObject({ totalRows: 3, validRows: 3, created: 3, duplicates: 0, committed: true, errors: [] });
    const again = await importContracts({ services, actor: registrar, file: good, mode: 'commit' });
    expect(again).toMatchObject({ created: 0, duplicates: 3, committed: true });
    const imported = await services.db.select().from(schema.techContracts).where(eq(schema.techContracts.origin, 'import'));
    expect(imported).toHaveLength(3);
    const one = imported.find((r) => r.registrationNo === '2025500112900001')!;
    expect(one).toMatchObject({
      status: 'registered',
      contractAmountFen: 120_000_050,
      technologyAmountFen: 100_000_000,
      sellerRegionCode: '500112',
      buyerNatureCode: 'enterprise_state',
    });
    const patented = imported.find((r) => r.registrationNo === null)!;
    expect(patented.patents).toEqual([
      { number: '201510703489.3', kind: 'patent' },
      { number: '201810336559.X', kind: 'application' },
    ]);
    expect(await auditActions(imported[0]!.id)).toEqual([]); // one audit entry for the batch, not one per row
  });

  it('is only for registrars and operators', async () => {
    const seller = await makeSeller(ctx.services);
    expect(
      (await rejects(importContracts({ services: ctx.services, actor: seller, file: await workbook([row(9)]), mode: 'dry_run' }))).code,
    ).toBe('FORBIDDEN');
  });
});
