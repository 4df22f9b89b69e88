import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Capability, ScenarioNeed } from '@scenebridge/domain';
import {
  buildTemplate,
  columnsFor,
  EXAMPLE_CREDIT_CODE,
  EXAMPLE_MARKER,
  ImportFileError,
  importFingerprint,
  normaliseCell,
  parseTable,
  parseWorkbook,
  type ListType,
  type RowError,
} from './index.js';
import { buildWorkbook, sampleCreditCode, sampleRow, type SheetRow } from './testing.js';

const OWNER = sampleCreditCode(1);
const OTHER_OWNER = sampleCreditCode(2);

function need(overrides: SheetRow = {}): SheetRow {
  return {
    机构统一社会信用代码: OWNER,
    场景名称: '医院智能导诊与分诊',
    场景描述: '门诊高峰期挂号咨询排队时间长，患者不清楚应挂哪个科室，导诊台人工压力大，希望通过智能问答实现分诊引导。',
    所属领域: '医疗',
    技术领域: '自然语言处理、大模型与生成式AI',
    所在地区: '渝北区',
    '预算下限（万元）': 30,
    '预算上限（万元）': 80,
    数据开放: '按需开放',
    场地开放: '开放',
    预期成效: '分诊准确率达到90%以上，导诊台咨询量下降40%。',
    联系人: '刘芳',
    联系电话: '13912345678',
    联系邮箱: 'liufang@example.com',
    公开联系方式: '否',
    ...overrides,
  };
}

function capability(overrides: SheetRow = {}): SheetRow {
  return {
    机构统一社会信用代码: OWNER,
    能力名称: '城市道路病害智能巡检',
    能力描述: '基于车载摄像头和深度学习的道路病害识别系统，可自动识别裂缝、坑槽、井盖缺失等病害并定位上报。',
    技术领域: '计算机视觉',
    服务领域: '城市管理、交通治理',
    '技术成熟度（TRL）': 'TRL7',
    所在地区: '500112',
    参考案例: '某区道路巡检项目：覆盖城市道路300公里，病害发现时效从7天缩短到1天',
    联系人: '陈晨',
    联系电话: '023-63891234',
    联系邮箱: 'chen@example.com',
    公开联系方式: '是',
    ...overrides,
  };
}

const byRow = (errors: RowError[], row: number) => errors.filter((e) => e.row === row);
const pick = (e: RowError) => ({ row: e.row, column: e.column, code: e.code });

async function expectFileError(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  expect((err as ImportFileError).code).toBe(code);
  expect((err as ImportFileError).message).toMatch(/[\u4e00-\u9fff]/);
}

describe('template', () => {
  for (const listType of ['scenario_need', 'capability'] as const) {
    it(`${listType}: round-trips — the example row is recognised and skipped, no errors`, async () => {
      const buf = await buildTemplate(listType);
      const r = await parseWorkbook(buf, listType);
      expect(r.errors).toEqual([]);
      expect(r.rows).toEqual([]);
      expect(r.totalRows).toBe(0);
      expect(r.skippedExampleRows).toBe(1);
      expect(r.headerRow).toBe(1);
      expect(r.sheetName).toBe('填报表');
      expect(r.ignoredColumns).toEqual([]);
    });

    it(`${listType}: the example row itself is valid once the marker is removed`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildTemplate(listType)) as never);
      const ws = wb.getWorksheet('填报表')!;
      const title = ws.getCell('B2');
      expect(String(title.value).startsWith(EXAMPLE_MARKER)).toBe(true);
      title.value = String(title.value).slice(EXAMPLE_MARKER.length);
      const r = await parseWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), listType);
      expect(r.errors).toEqual([]);
      expect(r.rows).toHaveLength(1);
      expect(r.rows[0]!.row).toBe(2);
      expect(r.rows[0]!.ownerCreditCode).toBe(EXAMPLE_CREDIT_CODE);
    });

    it(`${listType}: has the form and help sheets, a styled frozen header, comments and dropdowns`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildTemplate(listType)) as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['填报表', '填写说明']);
      const ws = wb.getWorksheet('填报表')!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const columns = columnsFor(listType);
      columns.forEach((c, i) => {
        const cell = ws.getRow(1).getCell(i + 1);
        expect(cell.font?.bold).toBe(true);
        expect(cell.text).toBe(c.required ? `*${c.header}` : c.header);
        expect(cell.note).toBeTruthy();
        expect(ws.getColumn(i + 1).width).toBe(c.width);
      });
      const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
      const withOptions = columns.map((c, i) => [c, i] as const).filter(([c]) => c.options);
      expect(withOptions.length).toBeGreaterThanOrEqual(listType === 'scenario_need' ? 4 : 2);
      for (const [c, i] of withOptions) {
        const v = dv[`${String.fromCharCode(65 + i)}3`];
        expect(v?.type, c.header).toBe('list');
        expect(v?.formulae[0]).toContain(c.options![0]);
      }
      const help = wb.getWorksheet('填写说明')!;
      const text: string[] = [];
      help.eachRow((row) => row.eachCell((cell) => text.push(cell.text)));
      const all = text.join('\n');
      expect(all).toContain(EXAMPLE_MARKER);
      for (const c of columns) expect(all).toContain(c.header);
      expect(all).toContain('智慧社区');
      expect(all).toContain('计算机视觉');
      expect(all).toContain('500112');
    });
  }
});

describe('parseWorkbook: valid rows', () => {
  it('parses scenario needs into the domain schema output, with fingerprints', async () => {
    const buf = await buildWorkbook('scenario_need', [need(), need({ 场景名称: '社区养老服务智能监护', 所属领域: '养老' })]);
    const r = await parseWorkbook(buf, 'scenario_need');
    expect(r.errors).toEqual([]);
    expect(r.totalRows).toBe(2);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
    const d: ScenarioNeed = r.rows[0]!.data;
    expect(d).toMatchObject({
      title: '医院智能导诊与分诊',
      sector: 'healthcare',
      techFields: ['nlp', 'foundation_models'],
      regionCode: '500112',
      budgetMin: 30,
      budgetMax: 80,
      dataOpenness: 'on_request',
      siteOpenness: 'open',
      contact: { name: '刘芳', phone: '13912345678', email: 'liufang@example.com', public: false },
    });
    expect(r.rows[0]!.ownerCreditCode).toBe(OWNER);
    expect(r.rows[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.rows[0]!.fingerprint).toBe(importFingerprint('scenario_need', OWNER, '医院智能导诊与分诊'));
    expect(r.rows[1]!.data.sector).toBe('elderly_care');
  });

  it('parses capabilities: TRL as "TRL7" or 7, several sectors, reference cases', async () => {
    const buf = await buildWorkbook('capability', [
      capability(),
      capability({
        能力名称: '工业质检大模型',
        '技术成熟度（TRL）': 6,
        服务领域: 'manufacturing；logistics',
        参考案例: '甲公司质检：上线后漏检率下降到0.5%以下；产能提升15%\n乙公司试点：三个月完成两条产线改造并通过验收',
      }),
      capability({ 能力名称: '无案例的能力', 参考案例: null, 联系邮箱: null, 公开联系方式: null }),
    ]);
    const r = await parseWorkbook(buf, 'capability');
    expect(r.errors).toEqual([]);
    const [a, b, c] = r.rows.map((x) => x.data as Capability);
    expect(a).toMatchObject({ maturityTrl: 7, sectors: ['city', 'traffic'], techFields: ['computer_vision'], regionCode: '500112' });
    expect(a!.referenceCases).toEqual([{ title: '某区道路巡检项目', summary: '覆盖城市道路300公里，病害发现时效从7天缩短到1天' }]);
    expect(a!.contact.public).toBe(true);
    expect(b).toMatchObject({ maturityTrl: 6, sectors: ['manufacturing', 'logistics'] });
    // A segment without a colon continues the previous case.
    expect(b!.referenceCases).toEqual([
      { title: '甲公司质检', summary: '上线后漏检率下降到0.5%以下；产能提升15%' },
      { title: '乙公司试点', summary: '三个月完成两条产线改造并通过验收' },
    ]);
    expect(c!.referenceCases).toEqual([]);
    expect(c!.contact).toEqual({ name: '陈晨', phone: '023-63891234', public: false });
  });

  it('accepts Chinese names and codes for sector, tech field and region', async () => {
    const rows = [
      need({ 场景名称: '名称写法一', 所属领域: '制造', 技术领域: '计算机视觉', 所在地区: '渝北区' }),
      need({ 场景名称: '代码写法二', 所属领域: 'manufacturing', 技术领域: 'computer_vision', 所在地区: '500112' }),
      need({ 场景名称: '全称写法三', 所属领域: ' 制造 ', 技术领域: 'computer_vision,数字孪生', 所在地区: '重庆市渝北区' }),
      need({ 场景名称: '数字代码四', 所在地区: 500112, 技术领域: '计算机视觉；物联网与感知；计算机视觉' }),
    ];
    const r = await parseWorkbook(await buildWorkbook('scenario_need', rows), 'scenario_need');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.data.regionCode)).toEqual(['500112', '500112', '500112', '500112']);
    expect(r.rows.slice(0, 3).map((x) => x.data.sector)).toEqual(['manufacturing', 'manufacturing', 'manufacturing']);
    expect(r.rows.map((x) => x.data.techFields)).toEqual([
      ['computer_vision'],
      ['computer_vision'],
      ['computer_vision', 'digital_twin'],
      ['computer_vision', 'iot_sensing'],
    ]);
  });

  it('normalises rich text, formulas, hyperlinks, numbers and booleans; skips empty rows', async () => {
    const rows: SheetRow[] = [
      need({
        机构统一社会信用代码: ` ${OWNER.toLowerCase()} `,
        场景名称: { richText: [{ text: '智慧', font: { bold: true } }, { text: '  水务调度 ' }] },
        '预算下限（万元）': { formula: '10*3', result: 30 },
        '预算上限（万元）': '1,200万元',
        联系电话: 13912345678,
        联系邮箱: { text: 'Water@Example.com', hyperlink: 'mailto:Water@Example.com' },
        公开联系方式: true,
      }),
      {},
      { 场景名称: '   ' },
      need({ 场景名称: '第二个场景', 联系邮箱: { formula: 'LOWER("B@EXAMPLE.COM")', result: 'b@example.com' } }),
    ];
    const r = await parseWorkbook(await buildWorkbook('scenario_need', rows), 'scenario_need');
    expect(r.errors).toEqual([]);
    expect(r.totalRows).toBe(2);
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    const d = r.rows[0]!.data as ScenarioNeed;
    expect(r.rows[0]!.ownerCreditCode).toBe(OWNER);
    expect(d.title).toBe('智慧 水务调度');
    expect(d.budgetMin).toBe(30);
    expect(d.budgetMax).toBe(1200);
    expect(d.contact).toEqual({ name: '刘芳', phone: '13912345678', email: 'water@example.com', public: true });
    expect(r.rows[1]!.data.contact.email).toBe('b@example.com');
  });

  it('normaliseCell covers the exceljs value shapes', () => {
    expect(normaliseCell('  a  ')).toBe('a');
    expect(normaliseCell('   ')).toBeUndefined();
    expect(normaliseCell(null)).toBeUndefined();
    expect(normaliseCell(42)).toBe(42);
    expect(normaliseCell(false)).toBe(false);
    expect(normaliseCell(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(normaliseCell({ richText: [{ text: '甲' }, { text: '乙 ' }] })).toBe('甲乙');
    expect(normaliseCell({ text: '', hyperlink: 'mailto:only@example.com' })).toBe('only@example.com');
    expect(normaliseCell({ text: { richText: [{ text: 'x@y.cn' }] }, hyperlink: 'mailto:x@y.cn' })).toBe('x@y.cn');
    expect(normaliseCell({ sharedFormula: 'A1', result: ' 7 ' })).toBe('7');
    expect(normaliseCell({ formula: 'A1' })).toBeUndefined();
    expect(normaliseCell({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ cellError: '#DIV/0!' });
  });
});

describe('parseWorkbook: bad rows', () => {
  it('reports every bad cell with row number, column and code; good rows still parse', async () => {
    const rows = [
      need({ 场景名称: '第一条正常的场景' }), // 2
      need({ 场景名称: '信用代码错误', 机构统一社会信用代码: OWNER.slice(0, 17) + (OWNER[17] === '0' ? '1' : '0') }), // 3
      need({ 场景名称: '领域不存在', 所属领域: '航天' }), // 4
      need({ 场景名称: '预算倒挂', '预算下限（万元）': 500, '预算上限（万元）': 100 }), // 5
      need({ 场景名称: null }), // 6
      need({ 场景名称: '电话错误', 联系电话: '12345' }), // 7
      need({
        // 8: several bad cells in one row — all reported
        场景名称: '多处错误',
        所在地区: '火星',
        '预算下限（万元）': '五十',
        数据开放: '全部',
        技术领域: '计算机视觉、量子计算',
        联系邮箱: 'not-an-email',
        场景描述: '太短',
      }),
      need({ 场景名称: '最后一条正常的场景' }), // 9
    ];
    const r = await parseWorkbook(await buildWorkbook('scenario_need', rows), 'scenario_need');
    expect(r.totalRows).toBe(8);
    expect(r.rows.map((x) => x.row)).toEqual([2, 9]);
    expect(byRow(r.errors, 3).map(pick)).toEqual([{ row: 3, column: '机构统一社会信用代码', code: 'INVALID_CREDIT_CODE' }]);
    expect(byRow(r.errors, 3)[0]!.message).toContain('校验位');
    expect(byRow(r.errors, 4).map(pick)).toEqual([{ row: 4, column: '所属领域', code: 'INVALID_SECTOR' }]);
    expect(byRow(r.errors, 4)[0]!.message).toContain('航天');
    expect(byRow(r.errors, 5).map(pick)).toEqual([{ row: 5, column: '预算上限（万元）', code: 'INVALID_RANGE' }]);
    expect(byRow(r.errors, 5)[0]!.message).toBe('预算下限不能高于上限');
    expect(byRow(r.errors, 6).map(pick)).toEqual([{ row: 6, column: '场景名称', code: 'REQUIRED' }]);
    expect(byRow(r.errors, 7).map(pick)).toEqual([{ row: 7, column: '联系电话', code: 'INVALID_PHONE' }]);
    expect(byRow(r.errors, 8).map(pick)).toEqual([
      { row: 8, column: '场景描述', code: 'TOO_SHORT' },
      { row: 8, column: '技术领域', code: 'INVALID_TECH_FIELD' },
      { row: 8, column: '所在地区', code: 'INVALID_REGION' },
      { row: 8, column: '预算下限（万元）', code: 'INVALID_NUMBER' },
      { row: 8, column: '数据开放', code: 'INVALID_VALUE' },
      { row: 8, column: '联系邮箱', code: 'INVALID_EMAIL' },
    ]);
    expect(byRow(r.errors, 8)[1]!.message).toContain('量子计算');
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    // Ordered by row, then column.
    expect(r.errors.map((e) => e.row)).toEqual([...r.errors.map((e) => e.row)].sort((a, b) => a - b));
  });

  it('capability: TRL 12, an unknown service sector and a too-short case summary', async () => {
    const rows = [
      capability({ 能力名称: 'TRL超出范围', '技术成熟度（TRL）': 12 }), // 2
      capability({ 能力名称: 'TRL不是数字', '技术成熟度（TRL）': '很成熟' }), // 3
      capability({ 能力名称: '服务领域错误', 服务领域: '制造、外太空' }), // 4
      capability({ 能力名称: '案例太短', 参考案例: '甲案例：很好\n乙案例：部署后效率提升明显，获得客户好评' }), // 5
      capability({ 能力名称: '正常的能力' }), // 6
    ];
    const r = await parseWorkbook(await buildWorkbook('capability', rows), 'capability');
    expect(r.rows.map((x) => x.row)).toEqual([6]);
    expect(r.errors.map(pick)).toEqual([
      { row: 2, column: '技术成熟度（TRL）', code: 'OUT_OF_RANGE' },
      { row: 3, column: '技术成熟度（TRL）', code: 'INVALID_NUMBER' },
      { row: 4, column: '服务领域', code: 'INVALID_SECTOR' },
      { row: 5, column: '参考案例', code: 'TOO_SHORT' },
    ]);
    expect(r.errors[0]!.message).toBe('技术成熟度为1–9级');
    expect(r.errors[3]!.message).toBe('第1个案例：案例简介至少10个字');
  });

  it('reports every missing required cell of a sparse row, and formula errors', async () => {
    const rows = [
      { 机构统一社会信用代码: OWNER, 场景名称: '只填了名称', 联系电话: { formula: 'VLOOKUP(A1,B:C,2)', result: { error: '#N/A' } } },
    ];
    const r = await parseWorkbook(await buildWorkbook('scenario_need', rows as SheetRow[]), 'scenario_need');
    expect(r.rows).toEqual([]);
    const codes = Object.fromEntries(r.errors.map((e) => [e.column, e.code]));
    expect(codes).toEqual({
      场景描述: 'REQUIRED',
      所属领域: 'REQUIRED',
      技术领域: 'REQUIRED',
      所在地区: 'REQUIRED',
      数据开放: 'REQUIRED',
      场地开放: 'REQUIRED',
      预期成效: 'REQUIRED',
      联系人: 'REQUIRED',
      联系电话: 'CELL_ERROR',
    });
    expect(r.errors.every((e) => e.row === 2)).toBe(true);
  });

  it('flags the second of two rows with the same owner and title as DUPLICATE_IN_FILE', async () => {
    const rows = [
      need({ 场景名称: '智慧工地 安全帽识别' }), // 2
      need({ 场景名称: '别的场景' }), // 3
      need({ 场景名称: '智慧工地  安全帽识别 ', 场景描述: '同一个场景再填一次，描述略有不同，但名称和机构都一样。' }), // 4 (same after whitespace collapse)
      need({ 场景名称: '智慧工地 安全帽识别', 机构统一社会信用代码: OTHER_OWNER }), // 5: other owner, fine
      need({ 场景名称: '别的场景' }), // 6
    ];
    const r = await parseWorkbook(await buildWorkbook('scenario_need', rows), 'scenario_need');
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 5]);
    expect(r.errors.map(pick)).toEqual([
      { row: 4, column: '场景名称', code: 'DUPLICATE_IN_FILE' },
      { row: 6, column: '场景名称', code: 'DUPLICATE_IN_FILE' },
    ]);
    expect(r.errors[0]!.message).toContain('第2行');
    expect(r.errors[1]!.message).toContain('第3行');
    expect(r.rows[0]!.fingerprint).not.toBe(r.rows[2]!.fingerprint);
  });
});

describe('parseWorkbook: header handling', () => {
  it('tolerates reordered columns, * markers, spaces, full-width brackets, missing optional and extra columns, a title line', async () => {
    const headers = [
      ' 场景名称 ',
      '*机构统一社会信用代码',
      '联系电话',
      '联系人',
      '＊所属领域',
      '所在地区',
      '技术领域(可多选)',
      '场景描述',
      '预期成效',
      '场地开放',
      '数据开放',
      '预算上限(万元)',
      '备注',
    ];
    const keyOf = (h: string) =>
      ({
        ' 场景名称 ': '场景名称',
        '*机构统一社会信用代码': '机构统一社会信用代码',
        '＊所属领域': '所属领域',
        '技术领域(可多选)': '技术领域',
        '预算上限(万元)': '预算上限（万元）',
      })[h] ?? h;
    const rows = [need(), need({ 场景名称: '另一个场景名称' })].map((r) =>
      Object.fromEntries(headers.map((h) => [h, h === '备注' ? '内部备注' : r[keyOf(h)]])),
    );
    const buf = await buildWorkbook('scenario_need', rows, { headers, preamble: [['2026年第一批场景需求汇总表']] });
    const r = await parseWorkbook(buf, 'scenario_need');
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(2);
    expect(r.ignoredColumns).toEqual(['备注']);
    expect(r.rows.map((x) => x.row)).toEqual([3, 4]);
    expect(r.rows[0]!.data).toMatchObject({ title: '医院智能导诊与分诊', budgetMax: 80, sector: 'healthcare' });
    expect(r.rows[0]!.data.budgetMin).toBeUndefined();
    expect(r.rows[0]!.data.contact.email).toBeUndefined();
  });

  it('a missing required column is one MISSING_COLUMN error and no rows are parsed', async () => {
    const headers = columnsFor('scenario_need')
      .map((c) => c.header)
      .filter((h) => h !== '所属领域');
    const r = await parseWorkbook(
      await buildWorkbook('scenario_need', [need(), need({ 场景名称: '第二个' })], { headers }),
      'scenario_need',
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map(pick)).toEqual([{ row: 1, column: '所属领域', code: 'MISSING_COLUMN' }]);
    expect(r.totalRows).toBe(0);
  });

  it('a sheet without a recognisable header is one MISSING_COLUMN error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([
      ['姓名', '年龄'],
      ['张三', 30],
    ]);
    const r = await parseWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'scenario_need');
    expect(r.errors.map(pick)).toEqual([{ row: 1, column: '', code: 'MISSING_COLUMN' }]);
  });

  it('using the capability file for scenario needs reports the missing columns', async () => {
    const r = await parseWorkbook(await buildWorkbook('capability', [capability()]), 'scenario_need');
    expect(r.rows).toEqual([]);
    expect(r.errors.every((e) => e.code === 'MISSING_COLUMN' && e.row === 1)).toBe(true);
    expect(r.errors.map((e) => e.column)).toContain('场景名称');
  });

  it('two columns for the same field are refused', async () => {
    const headers = [...columnsFor('scenario_need').map((c) => c.header), '需求名称'];
    const r = await parseWorkbook(await buildWorkbook('scenario_need', [need()], { headers }), 'scenario_need');
    expect(r.errors.map(pick)).toEqual([{ row: 1, column: '需求名称', code: 'DUPLICATE_COLUMN' }]);
  });
});

describe('parseWorkbook: file problems', () => {
  it('not a zip → INVALID_WORKBOOK', async () => {
    await expectFileError(parseWorkbook(Buffer.from('机构统一社会信用代码,场景名称\n1,2\n'), 'scenario_need'), 'INVALID_WORKBOOK');
    await expectFileError(parseWorkbook(Buffer.alloc(0), 'scenario_need'), 'INVALID_WORKBOOK');
    const xls = Buffer.alloc(512);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    await expectFileError(parseWorkbook(xls, 'capability'), 'INVALID_WORKBOOK');
  });

  it('a zip that is not a workbook, or a truncated xlsx → INVALID_WORKBOOK', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', '你好');
    await expectFileError(parseWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'scenario_need'), 'INVALID_WORKBOOK');
    const good = await buildWorkbook('scenario_need', [need()]);
    await expectFileError(parseWorkbook(good.subarray(0, Math.floor(good.length / 2)), 'scenario_need'), 'INVALID_WORKBOOK');
  });

  it('more than 20,000 data rows → TOO_MANY_ROWS', async () => {
    const headers = columnsFor('scenario_need').map((c) => c.header);
    const rows = Array.from({ length: 20_001 }, () => ({ 机构统一社会信用代码: OWNER }));
    await expectFileError(parseWorkbook(await buildWorkbook('scenario_need', rows, { headers }), 'scenario_need'), 'TOO_MANY_ROWS');
  });

  it('parseTable (used by CSV/JSON importers) enforces the same limit', () => {
    const header = columnsFor('scenario_need').map((c) => c.header);
    const rows = Array.from({ length: 20_001 }, (_, i) => ({ row: i + 2, values: [OWNER, `标题${i}`] }));
    expect(() => parseTable('scenario_need', { headerRow: 1, header, rows })).toThrow(ImportFileError);
  });
});

describe('fingerprint', () => {
  it('is stable across whitespace and full-width forms, and depends on list type and owner', () => {
    const a = importFingerprint('scenario_need', OWNER, 'ＡＩ 智慧  园区');
    expect(importFingerprint('scenario_need', OWNER.toLowerCase(), ' AI 智慧 园区 ')).toBe(a);
    expect(importFingerprint('capability', OWNER, 'AI 智慧 园区')).not.toBe(a);
    expect(importFingerprint('scenario_need', OTHER_OWNER, 'AI 智慧 园区')).not.toBe(a);
    expect(importFingerprint('scenario_need', OWNER, 'AI智慧园区')).not.toBe(a);
  });
});

// Speed is measured by `npm run bench -- --only import`; here only the behaviour at scale.
describe('many rows', () => {
  for (const listType of ['scenario_need', 'capability'] as const satisfies readonly ListType[]) {
    it(`${listType}: 2,000 generated rows all parse, each with its own fingerprint`, async () => {
      const buf = await buildWorkbook(
        listType,
        Array.from({ length: 2_000 }, (_, i) => sampleRow(listType, i)),
      );
      const r = await parseWorkbook(buf, listType);
      expect(r.errors).toEqual([]);
      expect(r.rows).toHaveLength(2_000);
      expect(new Set(r.rows.map((x) => x.fingerprint)).size).toBe(2_000);
    });
  }
});
