/**
 * The XLSX download of a published batch.
 * Sheet 清单: row 1 the batch title, row 2 发布单位/发布日期/条目数, row 3 the header, then one row
 * per entry in seq order. Header frozen and repeated on every printed page; A4 landscape, fit to
 * width. Sheet 批次信息: the batch's metadata (call, window, list type).
 */
import { spreadsheetCell } from '@scenebridge/domain';
import ExcelJS from 'exceljs';
import {
  batchUpdatedAt,
  callWindowText,
  displayContact,
  displayErratum,
  displayOptional,
  displayRegion,
  displaySector,
  displayTechFields,
  formatChineseDate,
  isBenchmarkList,
  LIST_TYPE_LABEL,
  orderedEntries,
} from './format.js';
import type { PublishedBatch, PublishedEntry } from './types.js';

export const PUBLICATION_SHEET = '清单';
export const PUBLICATION_INFO_SHEET = '批次信息';
/** Row numbers of the 清单 sheet. */
export const XLSX_TITLE_ROW = 1;
export const XLSX_SUBTITLE_ROW = 2;
export const XLSX_HEADER_ROW = 3;
export const XLSX_FIRST_ENTRY_ROW = 4;

type Column = {
  header: string;
  width: number;
  value: (e: PublishedEntry) => string | number;
  center?: boolean;
};

export const XLSX_COLUMNS: ReadonlyArray<Column> = [
  { header: '序号', width: 6, value: (e) => e.seq, center: true },
  { header: '名称', width: 28, value: (e) => e.name },
  { header: '发布单位', width: 24, value: (e) => e.issuer },
  { header: '所属领域', width: 11, value: (e) => displaySector(e.sector), center: true },
  { header: '技术领域', width: 20, value: (e) => displayTechFields(e.techFields) },
  { header: '所在地区', width: 14, value: (e) => displayRegion(e.regionCode) },
  { header: '描述', width: 60, value: (e) => e.description },
  { header: '联系方式', width: 20, value: (e) => displayContact(e.contact) },
  { header: '勘误说明', width: 28, value: (e) => displayErratum(e) },
];

/** The 标杆案例清单's columns; 勘误说明 stays last (its cells are styled as errata). */
export const BENCHMARK_XLSX_COLUMNS: ReadonlyArray<Column> = [
  { header: '序号', width: 6, value: (e) => e.seq, center: true },
  { header: '案例名称', width: 28, value: (e) => e.name },
  { header: '发布单位', width: 24, value: (e) => e.issuer },
  { header: '揭榜（中标）单位', width: 24, value: (e) => displayOptional(e.winner) },
  { header: '所属领域', width: 11, value: (e) => displaySector(e.sector), center: true },
  { header: '所在地区', width: 14, value: (e) => displayRegion(e.regionCode) },
  { header: '成效说明', width: 60, value: (e) => e.resultsText ?? e.description },
  { header: '验收结论', width: 36, value: (e) => displayOptional(e.acceptanceReport) },
  { header: '勘误说明', width: 28, value: (e) => displayErratum(e) },
];

export const xlsxColumnsOf = (batch: Pick<PublishedBatch, 'listType'>) => (isBenchmarkList(batch) ? BENCHMARK_XLSX_COLUMNS : XLSX_COLUMNS);

/** Excel's limit per cell. */
const MAX_CELL_CHARS = 32_767;
/** Excel's maximum row height (points). */
const MAX_ROW_HEIGHT = 409;
const LINE_HEIGHT = 15;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN_SIDE: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const THIN: Partial<ExcelJS.Borders> = { top: THIN_SIDE, bottom: THIN_SIDE, left: THIN_SIDE, right: THIN_SIDE };
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const ERRATUM_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, color: { argb: 'FFC00000' } };

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const clip = (v: string) => (v.length > MAX_CELL_CHARS ? `${v.slice(0, MAX_CELL_CHARS - 1)}…` : v);

/** Display width in Excel character units: CJK and full-width characters count as two. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)
      ? 2
      : 1;
  return w;
}

/** Wrapped line count of a value in a column of the given width (Excel does not auto-fit rows it did not lay out). */
function wrappedLines(value: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of value.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return lines;
}

export async function batchToXlsx(batch: PublishedBatch): Promise<Buffer> {
  const entries = orderedEntries(batch);
  const COLUMNS = xlsxColumnsOf(batch);
  const lastCol = colLetter(COLUMNS.length);
  const publishedOn = formatChineseDate(batch.publishedAt);

  const wb = new ExcelJS.Workbook();
  wb.creator = '场景桥 SceneBridge';
  wb.title = batch.title;
  // Deterministic: the file's dates are the batch's, not the time of the download.
  wb.created = new Date(batch.publishedAt);
  wb.modified = new Date(batchUpdatedAt(batch));

  const ws = wb.addWorksheet(PUBLICATION_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW, activeCell: `A${XLSX_FIRST_ENTRY_ROW}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  // One shared style object per column: exceljs caches style ids by object identity, so 9,000
  // cells cost 10 style look-ups instead of 9,000 serialisations. Never mutate these per cell.
  const bodyStyles: Partial<ExcelJS.Style>[] = COLUMNS.map((c) => ({
    font: BODY_FONT,
    border: THIN,
    alignment: { vertical: 'top', horizontal: c.center ? 'center' : 'left', wrapText: true },
  }));
  const erratumStyle: Partial<ExcelJS.Style> = { ...bodyStyles[bodyStyles.length - 1]!, font: ERRATUM_FONT };

  const title = ws.getRow(XLSX_TITLE_ROW);
  title.getCell(1).value = spreadsheetCell(batch.title);
  title.getCell(1).font = { name: '黑体', size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 32;
  ws.mergeCells(`A${XLSX_TITLE_ROW}:${lastCol}${XLSX_TITLE_ROW}`);

  const subtitle = ws.getRow(XLSX_SUBTITLE_ROW);
  subtitle.getCell(1).value = spreadsheetCell(`发布单位：${batch.issuer}　　发布日期：${publishedOn}　　共${entries.length}项`);
  subtitle.getCell(1).font = { ...BODY_FONT, color: { argb: 'FF404040' } };
  subtitle.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  subtitle.height = 22;
  ws.mergeCells(`A${XLSX_SUBTITLE_ROW}:${lastCol}${XLSX_SUBTITLE_ROW}`);

  const header = ws.getRow(XLSX_HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...BODY_FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 24;

  entries.forEach((e, idx) => {
    const row = ws.getRow(XLSX_FIRST_ENTRY_ROW + idx);
    let lines = 1;
    COLUMNS.forEach((c, i) => {
      const raw = c.value(e);
      const value = typeof raw === 'string' ? clip(raw) : raw;
      const cell = row.getCell(i + 1);
      cell.value = value === '' ? null : spreadsheetCell(value);
      cell.style = i === COLUMNS.length - 1 && value !== '' ? erratumStyle : bodyStyles[i]!;
      if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, c.width));
    });
    row.height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);
  });

  if (entries.length > 0)
    ws.autoFilter = {
      from: { row: XLSX_HEADER_ROW, column: 1 },
      to: { row: XLSX_HEADER_ROW + entries.length, column: COLUMNS.length },
    };

  // ---- 批次信息 ------------------------------------------------------------------------------
  const info = wb.addWorksheet(PUBLICATION_INFO_SHEET);
  info.columns = [{ width: 16 }, { width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const facts: Array<[string, string | number]> = [
    ['清单名称', batch.title],
    ['清单类型', LIST_TYPE_LABEL[batch.listType]],
    ['批次', `${batch.year}年第${batch.number}批`],
    ['发布单位', batch.issuer],
    ['发布日期', publishedOn],
    ...(isBenchmarkList(batch)
      ? []
      : ([
          ['征集活动', batch.callTitle],
          ['征集时间', callWindowText(batch)],
        ] as Array<[string, string]>)),
    ['条目数', entries.length],
    ['勘误条目数', entries.filter((e) => e.version > 1).length],
    ['批次编号', batch.id],
  ];
  for (const [k, v] of facts) {
    const r = info.addRow([k, spreadsheetCell(v)]);
    r.getCell(1).font = { bold: true };
    r.eachCell((cell) => (cell.border = THIN));
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
