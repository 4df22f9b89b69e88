/**
 * Helpers for tests and benchmarks: build import workbooks in code.
 * Not used by the server at run time.
 */
import ExcelJS from 'exceljs';
import { creditCodeCheckChar, REGIONS, SECTORS, TECH_FIELDS } from '@scenebridge/domain';
import { columnsFor, type ListType } from './columns.js';

export type SheetRow = Record<string, ExcelJS.CellValue>;

export interface BuildWorkbookOptions {
  /** Header cells in order (default: every column header of the list type, template order). */
  headers?: readonly string[];
  /** Default 填报表. */
  sheetName?: string;
  /** Rows inserted above the header (e.g. a title line). */
  preamble?: readonly (readonly ExcelJS.CellValue[])[];
}

/** A workbook whose first sheet has a header row and one row per record (keys are headers). */
export async function buildWorkbook(listType: ListType, rows: readonly SheetRow[], options: BuildWorkbookOptions = {}): Promise<Buffer> {
  const headers = options.headers ?? columnsFor(listType).map((c) => c.header);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheetName ?? '填报表');
  for (const p of options.preamble ?? []) ws.addRow([...p]);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(headers.map((h) => (r[h] === undefined ? null : r[h])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The n-th valid 统一社会信用代码 of a deterministic family (企业, 重庆市). */
export function sampleCreditCode(n: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let v = n, i = 0; i < 6; i++, v = Math.floor(v / 31)) body = alphabet[v % 31]! + body;
  const first17 = `91500112MA${body}7`;
  return first17 + creditCodeCheckChar(first17);
}

const districts = REGIONS.filter((r) => r.parent === '500000');

/** A valid row (keys are headers) for benchmarks and tests; distinct titles for distinct i. */
export function sampleRow(listType: ListType, i: number, owners = 50): SheetRow {
  const sector = SECTORS[i % SECTORS.length]!;
  const tech = [TECH_FIELDS[i % TECH_FIELDS.length]!.name, TECH_FIELDS[(i * 7 + 3) % TECH_FIELDS.length]!.name];
  const region = districts[i % districts.length]!;
  const common = {
    机构统一社会信用代码: sampleCreditCode(i % owners),
    技术领域: [...new Set(tech)].join('、'),
    所在地区: i % 2 ? region.name : region.code,
    联系人: '王建国',
    联系电话: i % 3 ? `1380013${String(i % 10000).padStart(4, '0')}` : '023-63891234',
    联系邮箱: i % 4 ? `user${i}@example.com` : { text: `user${i}@example.com`, hyperlink: `mailto:user${i}@example.com` },
    公开联系方式: i % 5 ? '否' : '是',
  };
  if (listType === 'scenario_need')
    return {
      ...common,
      场景名称: `${sector.name}领域人工智能应用场景第${i + 1}号`,
      场景描述: `围绕${sector.name}领域的业务痛点，希望引入人工智能技术提升效率与质量，现有业务系统和数据基础较好，具备试点条件。编号${i}。`,
      所属领域: i % 2 ? sector.name : sector.code,
      '预算下限（万元）': 10 + (i % 50),
      '预算上限（万元）': 100 + (i % 500),
      数据开放: ['不开放', '按需开放', '开放'][i % 3]!,
      场地开放: ['开放', '按需开放', '不开放'][i % 3]!,
      预期成效: `试点应用后业务处理效率提升30%以上，形成可复制推广的解决方案（${i}）。`,
    };
  return {
    ...common,
    能力名称: `面向${sector.name}的智能解决方案第${i + 1}号`,
    能力描述: `提供面向${sector.name}领域的人工智能解决方案，支持私有化部署和云端服务，已在多个项目中落地验证。编号${i}。`,
    服务领域: [sector.name, SECTORS[(i + 5) % SECTORS.length]!.name].join('、'),
    '技术成熟度（TRL）': i % 2 ? 1 + (i % 9) : `TRL${1 + (i % 9)}`,
    参考案例: i % 3 ? `某${sector.name}单位试点项目：上线后人工成本下降20%，处理时效提升一倍以上` : null,
  };
}
