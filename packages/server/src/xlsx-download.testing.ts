import ExcelJS from 'exceljs';
import { EXPORT_INFO_SHEET, XLSX_MEDIA_TYPE } from '@scenebridge/app/shared';

export interface ReadExport {
  /** The data sheet's name. */
  sheet: string;
  header: string[];
  /** Data rows as display text (empty cells ''), in file order. */
  rows: string[][];
  /** 导出说明 as label → value. */
  info: Record<string, string>;
  fileName: string;
  /** Every data sheet (the first one included) by name. */
  sheets: Record<string, { header: string[]; rows: string[][] }>;
}

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));

/** Opens an "导出 Excel" answer the way Excel would and reads it back. Throws if it is not one. */
export async function readExport(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }): Promise<ReadExport> {
  if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}: ${res.rawPayload.toString('utf8').slice(0, 300)}`);
  if (res.headers['content-type'] !== XLSX_MEDIA_TYPE) throw new Error(`not an XLSX: ${String(res.headers['content-type'])}`);
  const disposition = String(res.headers['content-disposition']);
  const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const info = wb.worksheets.at(-1);
  if (wb.worksheets.length < 2 || info?.name !== EXPORT_INFO_SHEET)
    throw new Error(`unexpected sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const sheets: ReadExport['sheets'] = {};
  for (const ws of wb.worksheets.slice(0, -1)) sheets[ws.name] = readSheet(ws);
  const pairs: Record<string, string> = {};
  info.eachRow((r) => {
    pairs[text(r.getCell(1).value)] = text(r.getCell(2).value);
  });
  const first = wb.worksheets[0]!;
  return { sheet: first.name, ...sheets[first.name]!, info: pairs, fileName, sheets };
}

function readSheet(ws: ExcelJS.Worksheet) {
  const values = (r: ExcelJS.Row) => Array.from({ length: ws.columnCount }, (_, i) => text(r.getCell(i + 1).value));
  const all: string[][] = [];
  ws.eachRow((r) => all.push(values(r)));
  const [header = [], ...rows] = all;
  const empty = rows.length === 1 && rows[0]![0] === '（没有符合条件的记录）';
  return { header, rows: empty ? [] : rows };
}
