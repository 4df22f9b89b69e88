/**
 * "导出 Excel" of an on-screen list: one sheet with the rows the viewer sees (Chinese headers,
 * header frozen, auto-filter) and a sheet 导出说明 saying what was exported, by whom, when and
 * with which filters. Rows are written as they are read, page by page, through exceljs's
 * streaming writer, so a large export never holds the whole list in memory.
 */
import type { Writable } from 'node:stream';
import { spreadsheetCell } from '@scenebridge/domain';
import ExcelJS from 'exceljs';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const EXPORT_INFO_SHEET = '导出说明';
/** Rows read per query while exporting. */
export const EXPORT_PAGE_SIZE = 500;

export type CellValue = string | number | Date | null | undefined;

export interface ListColumn<T> {
  header: string;
  /** Width in Excel character units (a CJK character counts two). */
  width?: number;
  value: (row: T) => CellValue;
}

export interface ExportFilter {
  label: string;
  value: string;
}

export interface DataSheet<T> {
  /** The sheet's name (Excel keeps 31 characters). */
  name: string;
  columns: readonly ListColumn<T>[];
  /** Pages of rows, in the list's order. */
  pages: AsyncIterable<readonly T[]>;
}

export interface ListExport<T> {
  /** The data sheet's name and the file's base name, e.g. 填报记录. */
  sheetName: string;
  columns: readonly ListColumn<T>[];
  /** Pages of rows, in the list's order. */
  pages: AsyncIterable<readonly T[]>;
  /**
   * More data sheets after the first, for a list with a second view (评分明细 after 评审排名).
   * Typed loosely because each has its own row type; build each with `dataSheet()`.
   */
  moreSheets?: readonly DataSheet<never>[];
  /** The filters in force, as the user set them ("全部" is implied for any not listed). */
  filters: readonly ExportFilter[];
  exportedBy: string;
  exportedAt: Date;
}

/** A prepared export: authorised and validated; writing it cannot be refused any more. */
export interface PreparedExport {
  fileName: string;
  write(output: Writable): Promise<{ rows: number }>;
}

/** Excel's limit per cell. */
const MAX_CELL_CHARS = 32_767;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const clip = (v: string) => (v.length > MAX_CELL_CHARS ? `${v.slice(0, MAX_CELL_CHARS - 1)}…` : v);

function cell(value: CellValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return clip(spreadsheetCell(value));
  return value;
}

/** yyyy-mm-dd HH:mm in Asia/Shanghai, the time every user of the platform reads. */
export function shanghaiDateTime(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** A time cell: Shanghai date and minute, empty when there is no time. */
export const timeCell = (d: Date | null): string | null => (d ? shanghaiDateTime(d) : null);

/** Who exported, as 导出说明 names them: the person and their organisation. */
export const exporterName = (who: { displayName: string; organizationName: string }): string =>
  `${who.displayName}（${who.organizationName}）`;

/** The file name offered for download: 填报记录_20261207-1305.xlsx (Shanghai time). */
export function exportFileName(base: string, at: Date): string {
  const s = shanghaiDateTime(at).replace(/-/g, '').replace(' ', '-').replace(':', '');
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}_${s}.xlsx`;
}

/** Pages of a list read with limit/offset until a short page, EXPORT_PAGE_SIZE rows at a time. */
export async function* pagesOf<T>(read: (limit: number, offset: number) => Promise<readonly T[]>, size = EXPORT_PAGE_SIZE) {
  for (let offset = 0; ; offset += size) {
    const page = await read(size, offset);
    if (page.length > 0) yield page;
    if (page.length < size) return;
  }
}

/** A data sheet with its own row type, to pass in `moreSheets`. */
export const dataSheet = <T>(sheet: DataSheet<T>) => sheet as unknown as DataSheet<never>;

async function writeDataSheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: DataSheet<T>): Promise<number> {
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c, i) => ({ key: String(i), width: c.width ?? 16 }));
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  header.commit();

  let rows = 0;
  for await (const page of spec.pages) {
    for (const item of page) {
      const row = sheet.addRow(spec.columns.map((c) => cell(c.value(item))));
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
      rows++;
    }
  }
  if (spec.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: spec.columns.length } };
  if (rows === 0) sheet.addRow(['（没有符合条件的记录）']).commit();
  sheet.commit();
  return rows;
}

/** Writes the workbook; `rows` counts the first sheet's rows (the list's own). */
export async function writeListWorkbook<T>(spec: ListExport<T>, output: Writable): Promise<{ rows: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'SceneBridge 场景桥';
  workbook.created = spec.exportedAt;

  const rows = await writeDataSheet(workbook, { name: spec.sheetName, columns: spec.columns, pages: spec.pages });
  for (const more of spec.moreSheets ?? []) await writeDataSheet(workbook, more);

  const info = workbook.addWorksheet(EXPORT_INFO_SHEET);
  info.columns = [{ width: 14 }, { width: 60 }];
  const lines: [string, string | number][] = [
    ['导出内容', spec.sheetName],
    ['导出时间', shanghaiDateTime(spec.exportedAt)],
    ['导出人', spec.exportedBy],
    ['条目数', rows],
    ['筛选条件', spec.filters.length === 0 ? '无（全部可见记录）' : spec.filters.map((f) => `${f.label}：${f.value}`).join('；')],
    ['说明', '仅包含导出人有权查看的记录；时间为北京时间。'],
  ];
  for (const [label, value] of lines) {
    const row = info.addRow([label, cell(value)]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  info.commit();
  await workbook.commit();
  return { rows };
}
