/**
 * Pure XLSX → validated records. No database: the caller resolves owners by credit code,
 * checks permissions, looks fingerprints up for idempotent re-import and writes.
 *
 * Every bad row yields one error per bad cell, with the Excel row number and the Chinese
 * column header; a row with any error is left out of `rows`.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { capabilitySchema, DomainError, scenarioNeedSchema, type Capability, type ErrorCode, type ScenarioNeed } from '@scenebridge/domain';
import {
  columnsFor,
  EXAMPLE_MARKER,
  IMPORT_ERROR_CODES,
  MAX_DATA_ROWS,
  normaliseHeader,
  type Cell,
  type ColumnDef,
  type ImportErrorCode,
  type ListType,
} from './columns.js';
import { checkCounts, countXml, type XmlCounts } from './sheet-limits.js';
import { verifyZip, ZipRejectedError } from '../../uploads/index.js';
import { parseInWorker } from './parse-in-worker.js';

export interface RowError {
  /** 1-based Excel row number. */
  row: number;
  /** The Chinese header of the column ('' when the error concerns the whole row or file). */
  column: string;
  /** One of IMPORT_ERROR_CODES; callers may add their own (e.g. UNKNOWN_ORGANIZATION). */
  code: ImportErrorCode | (string & {});
  /** Chinese, for people. */
  message: string;
}

export interface ParsedRow<D = ScenarioNeed | Capability> {
  /** 1-based Excel row number. */
  row: number;
  /** Normalised (upper-case, checked) 统一社会信用代码 of the owner organisation. */
  ownerCreditCode: string;
  /** Output of `scenarioNeedSchema` / `capabilitySchema`. */
  data: D;
  /** See `importFingerprint`. */
  fingerprint: string;
}

export interface ParseResult<D = ScenarioNeed | Capability> {
  /** Non-empty data rows, example rows excluded. `totalRows - rows.length` rows have errors. */
  totalRows: number;
  rows: ParsedRow<D>[];
  /** Ordered by row, then column. */
  errors: RowError[];
  /** Rows whose title starts with `EXAMPLE_MARKER` (the template's example), skipped. */
  skippedExampleRows: number;
  /** Headers present in the file that match no column (their content is not imported). */
  ignoredColumns: string[];
  /** Excel row number of the header row (0 if none was found). */
  headerRow: number;
  /** Worksheet the rows were read from. */
  sheetName: string;
}

export type ImportFileErrorCode = 'INVALID_WORKBOOK' | 'TOO_MANY_ROWS';

/** The file as a whole cannot be imported (thrown, unlike row errors which are returned). */
export class ImportFileError extends DomainError {
  constructor(
    override readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(code, message, 400);
    this.name = 'ImportFileError';
  }
}

/**
 * Stable identity of an imported record: sha256 hex of list type, owner credit code and the
 * title normalised with NFKC and collapsed whitespace. Re-importing the same row yields the
 * same fingerprint; the caller stores it to count duplicates instead of creating them.
 */
export function importFingerprint(listType: ListType, ownerCreditCode: string, title: string): string {
  const t = title.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(JSON.stringify([listType, ownerCreditCode.trim().toUpperCase(), t]))
    .digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Cells

type CellError = { cellError: string };
type Normalised = Cell | CellError | undefined;

function isCellError(v: Normalised): v is CellError {
  return typeof v === 'object' && v !== null;
}

/**
 * exceljs cell value → trimmed string / number / boolean, `undefined` when empty.
 * Rich text is concatenated, formulas give their cached result, hyperlinks their text
 * (or the address without `mailto:`), dates `YYYY-MM-DD`, error values a CellError.
 */
export function normaliseCell(v: unknown, depth = 0): Normalised {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'object' && depth < 3) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return normaliseCell((o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''), depth + 1);
    if ('error' in o && typeof o.error === 'string') return { cellError: o.error };
    if ('formula' in o || 'sharedFormula' in o) return normaliseCell(o.result, depth + 1);
    if ('hyperlink' in o || 'text' in o) {
      const t = normaliseCell(o.text, depth + 1);
      if (t !== undefined) return t;
      return typeof o.hyperlink === 'string' ? normaliseCell(o.hyperlink.replace(/^mailto:/i, ''), depth + 1) : undefined;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Table (independent of exceljs, so CSV/JSON importers can reuse it)

export interface TableInput {
  /** Excel row number of the header row. */
  headerRow: number;
  /** Header cells; `values[i]` of a data row belongs to the column whose header is `header[i]`. */
  header: readonly unknown[];
  rows: Iterable<{ row: number; values: readonly unknown[] }>;
  sheetName?: string;
}

interface ColumnMatch {
  byIndex: Map<number, ColumnDef>;
  missing: ColumnDef[];
  duplicates: { header: string; def: ColumnDef }[];
  ignored: string[];
  matches: number;
}

function lookupFor(columns: readonly ColumnDef[]): Map<string, ColumnDef> {
  const m = new Map<string, ColumnDef>();
  for (const c of columns) for (const h of [c.header, ...c.aliases]) m.set(normaliseHeader(h), c);
  return m;
}

function matchHeader(columns: readonly ColumnDef[], header: readonly unknown[]): ColumnMatch {
  const lookup = lookupFor(columns);
  const byIndex = new Map<number, ColumnDef>();
  const seen = new Set<ColumnDef>();
  const duplicates: ColumnMatch['duplicates'] = [];
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const v = normaliseCell(raw);
    if (v === undefined || isCellError(v)) return;
    const def = lookup.get(normaliseHeader(String(v)));
    if (!def) ignored.push(String(v));
    else if (seen.has(def)) duplicates.push({ header: String(v), def });
    else {
      seen.add(def);
      byIndex.set(i, def);
    }
  });
  return { byIndex, missing: columns.filter((c) => !seen.has(c)), duplicates, ignored, matches: seen.size };
}

type Schema = typeof scenarioNeedSchema | typeof capabilitySchema;

function setPath(target: Record<string, unknown>, key: string, value: unknown) {
  const dot = key.indexOf('.');
  if (dot < 0) {
    target[key] = value;
    return;
  }
  const head = key.slice(0, dot);
  const child = (target[head] ??= {}) as Record<string, unknown>;
  setPath(child, key.slice(dot + 1), value);
}

const CJK = /[\u4e00-\u9fff]/;

/** zod issue → stable code, with a Chinese fallback message for zod's English defaults. */
function mapIssue(
  issue: { code: string; path: PropertyKey[]; message: string; origin?: string; params?: Record<string, unknown> },
  def: ColumnDef | undefined,
): { code: ImportErrorCode; message: string } {
  let code: ImportErrorCode;
  const paramCode = issue.params?.code;
  if (typeof paramCode === 'string' && paramCode in IMPORT_ERROR_CODES) code = paramCode as ImportErrorCode;
  else if (issue.code === 'too_small' || issue.code === 'too_big') {
    if (issue.origin === 'number') code = 'OUT_OF_RANGE';
    else if (issue.origin === 'array') code = issue.code === 'too_big' ? 'TOO_MANY_VALUES' : 'REQUIRED';
    else code = issue.code === 'too_big' ? 'TOO_LONG' : 'TOO_SHORT';
  } else if (issue.code === 'invalid_format') {
    code = def?.key === 'contact.phone' ? 'INVALID_PHONE' : def?.key === 'contact.email' ? 'INVALID_EMAIL' : 'INVALID_FORMAT';
  } else if (issue.code === 'custom') code = def?.key === 'budgetMax' || def?.key === 'budgetMin' ? 'INVALID_RANGE' : 'INVALID_VALUE';
  else if (issue.code === 'invalid_value' || issue.code === 'invalid_type') code = 'INVALID_VALUE';
  else code = 'SCHEMA';
  let message = CJK.test(issue.message) ? issue.message : IMPORT_ERROR_CODES[code];
  // Which reference case ("referenceCases", 1, "summary") → 第2个案例
  if (def?.key === 'referenceCases' && typeof issue.path[1] === 'number') message = `第${issue.path[1] + 1}个案例：${message}`;
  return { code, message };
}

/** Longest column key that prefixes the issue path (`contact.phone`, `referenceCases`). */
function columnForPath(path: PropertyKey[], byKey: Map<string, ColumnDef>): ColumnDef | undefined {
  for (let n = path.length; n > 0; n--) {
    const def = byKey.get(path.slice(0, n).map(String).join('.'));
    if (def) return def;
  }
  return undefined;
}

export function parseTable(listType: 'scenario_need', table: TableInput): ParseResult<ScenarioNeed>;
export function parseTable(listType: 'capability', table: TableInput): ParseResult<Capability>;
export function parseTable(listType: ListType, table: TableInput): ParseResult;
export function parseTable(listType: ListType, table: TableInput): ParseResult {
  const columns = columnsFor(listType);
  const schema: Schema = listType === 'scenario_need' ? scenarioNeedSchema : capabilitySchema;
  const match = matchHeader(columns, table.header);
  const result: ParseResult = {
    totalRows: 0,
    rows: [],
    errors: [],
    skippedExampleRows: 0,
    ignoredColumns: match.ignored,
    headerRow: table.headerRow,
    sheetName: table.sheetName ?? '',
  };
  const fatal: RowError[] = [];
  for (const def of match.missing)
    if (def.required)
      fatal.push({
        row: table.headerRow,
        column: def.header,
        code: 'MISSING_COLUMN',
        message: `缺少必填列“${def.header}”，请使用平台下载的模板`,
      });
  for (const d of match.duplicates)
    fatal.push({
      row: table.headerRow,
      column: d.header,
      code: 'DUPLICATE_COLUMN',
      message: `“${d.header}”与另一列都对应“${d.def.header}”，请删除多余的一列`,
    });
  if (fatal.length > 0) {
    result.errors = fatal;
    return result;
  }

  const order = new Map(columns.map((c, i) => [c, i]));
  // [index in values, def]; optional columns absent from the file are treated as empty.
  const present = [...match.byIndex.entries()];
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const titleDef = byKey.get('title')!;
  const seen = new Map<string, number>();

  for (const { row, values } of table.rows) {
    const cells = new Map<ColumnDef, Normalised>();
    let empty = true;
    for (const [i, def] of present) {
      const v = normaliseCell(values[i]);
      if (v !== undefined) empty = false;
      cells.set(def, v);
    }
    if (empty) continue;
    const title = cells.get(titleDef);
    if (typeof title === 'string' && title.startsWith(EXAMPLE_MARKER)) {
      result.skippedExampleRows++;
      continue;
    }
    if (++result.totalRows > MAX_DATA_ROWS) throw tooManyRows();

    const rowErrors: { def: ColumnDef; code: ImportErrorCode; message: string }[] = [];
    const failed = new Set<ColumnDef>();
    // Nested objects exist even when all their cells failed, so zod reports the cells, not the object.
    const data: Record<string, unknown> = { contact: {} };
    let owner: string | undefined;
    let titleText: string | undefined;
    for (const def of columns) {
      const v = cells.get(def);
      if (v === undefined) {
        if (def.required) {
          rowErrors.push({ def, code: 'REQUIRED', message: `请填写“${def.header}”` });
          failed.add(def);
        }
        continue;
      }
      if (isCellError(v)) {
        rowErrors.push({ def, code: 'CELL_ERROR', message: `单元格为错误值 ${v.cellError}，请检查公式或改为直接填写` });
        failed.add(def);
        continue;
      }
      const p = def.parse(v);
      if (!p.ok) {
        rowErrors.push({ def, code: p.code, message: p.message });
        failed.add(def);
        continue;
      }
      if (def.key === 'ownerCreditCode') owner = p.value as string;
      else setPath(data, def.key, p.value);
      if (def === titleDef) titleText = p.value as string;
    }

    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const byColumn = new Map<ColumnDef | undefined, { code: ImportErrorCode; messages: string[] }>();
      for (const issue of parsed.error.issues) {
        const def = columnForPath(issue.path, byKey);
        if (def && failed.has(def)) continue; // already reported from the cell
        const m = mapIssue(issue as Parameters<typeof mapIssue>[0], def);
        const entry = byColumn.get(def);
        if (entry) {
          if (!entry.messages.includes(m.message)) entry.messages.push(m.message);
        } else byColumn.set(def, { code: m.code, messages: [m.message] });
      }
      for (const [def, e] of byColumn) {
        if (def) {
          rowErrors.push({ def, code: e.code, message: e.messages.join('；') });
          failed.add(def);
        } else result.errors.push({ row, column: '', code: e.code, message: e.messages.join('；') });
      }
    }

    let fingerprint: string | undefined;
    if (owner !== undefined && titleText) {
      fingerprint = importFingerprint(listType, owner, titleText);
      const first = seen.get(fingerprint);
      if (first !== undefined)
        rowErrors.push({
          def: titleDef,
          code: 'DUPLICATE_IN_FILE',
          message: `与第${first}行重复（同一机构的${titleDef.header}相同），同一条只需填写一次`,
        });
      else seen.set(fingerprint, row);
    }

    if (rowErrors.length === 0 && parsed.success && owner !== undefined && fingerprint !== undefined) {
      result.rows.push({ row, ownerCreditCode: owner, data: parsed.data, fingerprint });
    } else {
      rowErrors.sort((a, b) => order.get(a.def)! - order.get(b.def)!);
      for (const e of rowErrors) result.errors.push({ row, column: e.def.header, code: e.code, message: e.message });
    }
  }
  result.errors.sort((a, b) => a.row - b.row); // stable: keeps column order within a row
  return result;
}

const tooManyRows = () => new ImportFileError('TOO_MANY_ROWS', `一次最多导入${MAX_DATA_ROWS.toLocaleString('en-US')}行，请拆分为多个文件`);

// ---------------------------------------------------------------------------------------------
// Workbook

const FORM_SHEET = '填报表';
const HELP_SHEET = '填写说明';
const HEADER_SCAN_ROWS = 10;
/**
 * Memory guard while reading: <row> elements per sheet, including rows that only carry
 * formatting. The 20,000 data-row limit is checked after reading.
 */
const MAX_SHEET_ROWS = 100_000;
const LOAD_OPTIONS = {
  maxRows: MAX_SHEET_ROWS,
  // Whole-column dropdowns (A2:A1048576) would be expanded cell by cell; none of these matter here.
  ignoreNodes: [
    'dataValidations',
    'conditionalFormatting',
    'extLst',
    'autoFilter',
    'pageSetup',
    'pageMargins',
    'headerFooter',
    'printOptions',
    'rowBreaks',
    'picture',
    'drawing',
    'tableParts',
    'sheetProtection',
  ],
};

function toBuffer(input: Buffer | Uint8Array | ArrayBuffer): Buffer {
  if (Buffer.isBuffer(input)) return input;
  if (input instanceof ArrayBuffer) return Buffer.from(input);
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

function findHeader(ws: ExcelJS.Worksheet, columns: readonly ColumnDef[]): { row: number; values: unknown[]; matches: number } {
  let best = { row: 0, values: [] as unknown[], matches: 0 };
  const last = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const values = ws.getRow(r).values as unknown[];
    if (!Array.isArray(values) || values.length === 0) continue;
    const m = matchHeader(columns, values).matches;
    if (m > best.matches) best = { row: r, values, matches: m };
  }
  return best;
}

const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * Before exceljs sees the file (it inflates every part without a cap and builds an object per
 * element): the zip guard checks declared sizes and inflates each part capped at its declared
 * size, and the XML parts' elements and cells are counted. Throws ARCHIVE_TOO_LARGE,
 * FILE_TOO_COMPLEX, or INVALID_WORKBOOK for a broken or unsupported archive.
 */
function guardWorkbook(buffer: Buffer): void {
  const counts: XmlCounts = { elements: 0, cells: 0, maxRowCells: 0 };
  try {
    verifyZip(buffer, undefined, (entry, data) => {
      if (!XML_PART.test(entry.name)) return;
      countXml(data, counts);
      checkCounts(counts);
    });
  } catch (e) {
    if (e instanceof ZipRejectedError && e.code === 'INVALID_ARCHIVE')
      throw new ImportFileError('INVALID_WORKBOOK', '无法读取该Excel文件（文件可能已损坏、加密或不是.xlsx格式），请重新保存后上传');
    throw e;
  }
}

/**
 * Reads the sheet named 填报表 (else the first sheet whose header matches), finds the header
 * row among the first 10 rows, and validates every data row — in a worker thread with memory
 * and time limits, at most a few at a time (parse-in-worker.ts). Throws ImportFileError for a
 * file that is not a readable xlsx (INVALID_WORKBOOK) or has more than 20,000 data rows
 * (TOO_MANY_ROWS); a DomainError for a file too large or complex to read (ARCHIVE_TOO_LARGE,
 * FILE_TOO_COMPLEX, IMPORT_TIMEOUT: 413) or when too many imports are waiting (IMPORT_BUSY, 503).
 */
export async function parseWorkbook(
  buffer: Buffer | Uint8Array | ArrayBuffer,
  listType: 'scenario_need',
): Promise<ParseResult<ScenarioNeed>>;
export async function parseWorkbook(buffer: Buffer | Uint8Array | ArrayBuffer, listType: 'capability'): Promise<ParseResult<Capability>>;
export async function parseWorkbook(buffer: Buffer | Uint8Array | ArrayBuffer, listType: ListType): Promise<ParseResult>;
export async function parseWorkbook(input: Buffer | Uint8Array | ArrayBuffer, listType: ListType): Promise<ParseResult> {
  const buffer = toBuffer(input);
  // Cheap refusals stay here: no worker for a file that is not even a zip.
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0)
    throw new ImportFileError(
      'INVALID_WORKBOOK',
      '这是旧版Excel（.xls）文件或设有打开密码，请在Excel中“另存为”.xlsx格式并取消密码后再导入',
    );
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304)
    throw new ImportFileError('INVALID_WORKBOOK', '文件不是有效的Excel（.xlsx）文件，请使用平台下载的模板填写后上传');
  const reply = await parseInWorker<ParseResult>(buffer, listType);
  if (reply.ok) return reply.result;
  if ('unexpected' in reply) throw new Error(`XLSX parse worker: ${reply.unexpected}`);
  const e = reply.error;
  if (e.name === 'ImportFileError') throw new ImportFileError(e.code as ImportFileErrorCode, e.message);
  throw new DomainError(e.code as ErrorCode, e.message, e.status, e.details);
}

/**
 * `parseWorkbook` in the calling thread, after its checks of the first bytes: the zip and sheet
 * guards, exceljs, then `parseTable`. Run by the parse worker; not for the server's event loop.
 */
export async function readWorkbook(buffer: Buffer, listType: ListType): Promise<ParseResult> {
  guardWorkbook(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0], LOAD_OPTIONS as unknown as ExcelJS.XlsxReadOptions);
  } catch (e) {
    if (e instanceof Error && /^Max row count/.test(e.message))
      throw new ImportFileError(
        'TOO_MANY_ROWS',
        `文件行数过多（超过${MAX_SHEET_ROWS.toLocaleString('en-US')}行，含设置了格式的空行），请删除多余的行或拆分为多个文件`,
      );
    throw new ImportFileError('INVALID_WORKBOOK', '无法读取该Excel文件（文件可能已损坏或不是.xlsx格式），请重新保存后上传');
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden');
  if (sheets.length === 0) throw new ImportFileError('INVALID_WORKBOOK', '文件中没有工作表，请使用平台下载的模板填写后上传');

  const columns = columnsFor(listType);
  const named = sheets.find((ws) => ws.name.trim() === FORM_SHEET);
  const candidates = named ? [named] : sheets.filter((ws) => ws.name.trim() !== HELP_SHEET);
  let chosen: { ws: ExcelJS.Worksheet; header: ReturnType<typeof findHeader> } | undefined;
  for (const ws of candidates) {
    const header = findHeader(ws, columns);
    if (header.matches >= 2 && (!chosen || header.matches > chosen.header.matches)) chosen = { ws, header };
    if (chosen && chosen.header.matches === columns.length) break;
  }
  if (!chosen) {
    const first = columns
      .filter((c) => c.required)
      .slice(0, 2)
      .map((c) => `“${c.header}”`)
      .join('');
    return {
      totalRows: 0,
      rows: [],
      errors: [{ row: 1, column: '', code: 'MISSING_COLUMN', message: `未找到表头行（应含${first}等列名），请使用平台下载的模板` }],
      skippedExampleRows: 0,
      ignoredColumns: [],
      headerRow: 0,
      sheetName: (named ?? sheets[0]!).name,
    };
  }

  const { ws, header } = chosen;
  // Cheap guard before validating anything: rows that hold any value below the header.
  if (ws.rowCount - header.row > MAX_DATA_ROWS) {
    let n = 0;
    ws.eachRow((_, r) => {
      if (r > header.row) n++;
    });
    if (n > MAX_DATA_ROWS) throw tooManyRows();
  }

  function* dataRows() {
    const rows: { row: number; values: unknown[] }[] = [];
    ws.eachRow((row, r) => {
      if (r > header.row) rows.push({ row: r, values: row.values as unknown[] });
    });
    yield* rows;
  }
  return parseTable(listType, { headerRow: header.row, header: header.values, rows: dataRows(), sheetName: ws.name });
}

// ---------------------------------------------------------------------------------------------
// Raw tables: another feature's import (技术合同登记 history) with its own columns and rules.

/** A sheet's header and data rows, each cell normalised (normaliseCell), nothing validated. */
export interface RawTable {
  sheetName: string;
  /** Excel row number of the header row; 0 when no header was found. */
  headerRow: number;
  /** The header cells as read (normalised). */
  header: Normalised[];
  rows: { row: number; values: Normalised[] }[];
}

/**
 * `parseWorkbook`'s guards and worker for a table whose columns the caller knows: the sheet
 * named 填报表 (else the one whose header row, among the first 10, names most of `headers`),
 * every data row normalised. The caller validates. Same errors as parseWorkbook.
 */
export async function parseRawWorkbook(input: Buffer | Uint8Array | ArrayBuffer, headers: readonly string[]): Promise<RawTable> {
  const buffer = toBuffer(input);
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0)
    throw new ImportFileError(
      'INVALID_WORKBOOK',
      '这是旧版Excel（.xls）文件或设有打开密码，请在Excel中“另存为”.xlsx格式并取消密码后再导入',
    );
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304)
    throw new ImportFileError('INVALID_WORKBOOK', '文件不是有效的Excel（.xlsx）文件，请使用平台下载的模板填写后上传');
  const reply = await parseInWorker<RawTable>(buffer, 'raw', headers);
  if (reply.ok) return reply.result;
  if ('unexpected' in reply) throw new Error(`XLSX parse worker: ${reply.unexpected}`);
  const e = reply.error;
  if (e.name === 'ImportFileError') throw new ImportFileError(e.code as ImportFileErrorCode, e.message);
  throw new DomainError(e.code as ErrorCode, e.message, e.status, e.details);
}

/** `parseRawWorkbook` in the calling thread (run by the parse worker). */
export async function readRawWorkbook(buffer: Buffer, headers: readonly string[]): Promise<RawTable> {
  guardWorkbook(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0], LOAD_OPTIONS as unknown as ExcelJS.XlsxReadOptions);
  } catch (e) {
    if (e instanceof Error && /^Max row count/.test(e.message))
      throw new ImportFileError(
        'TOO_MANY_ROWS',
        `文件行数过多（超过${MAX_SHEET_ROWS.toLocaleString('en-US')}行，含设置了格式的空行），请删除多余的行或拆分为多个文件`,
      );
    throw new ImportFileError('INVALID_WORKBOOK', '无法读取该Excel文件（文件可能已损坏或不是.xlsx格式），请重新保存后上传');
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden');
  if (sheets.length === 0) throw new ImportFileError('INVALID_WORKBOOK', '文件中没有工作表，请使用平台下载的模板填写后上传');
  const wanted = new Set(headers.map(normaliseHeader));
  const named = sheets.find((ws) => ws.name.trim() === FORM_SHEET);
  const candidates = named ? [named] : sheets.filter((ws) => ws.name.trim() !== HELP_SHEET);
  let best: { ws: ExcelJS.Worksheet; row: number; values: unknown[]; matches: number } | undefined;
  for (const ws of candidates) {
    const last = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
    for (let r = 1; r <= last; r++) {
      const values = ws.getRow(r).values as unknown[];
      if (!Array.isArray(values) || values.length === 0) continue;
      let matches = 0;
      for (const v of values) {
        const n = normaliseCell(v);
        if (typeof n === 'string' && wanted.has(normaliseHeader(n))) matches++;
      }
      if (matches >= 2 && (!best || matches > best.matches)) best = { ws, row: r, values, matches };
    }
  }
  if (!best) return { sheetName: (named ?? sheets[0]!).name, headerRow: 0, header: [], rows: [] };
  const { ws, row: headerRow } = best;
  const rows: RawTable['rows'] = [];
  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    const values = (row.values as unknown[]).map((v) => normaliseCell(v));
    if (values.every((v) => v === undefined)) return;
    rows.push({ row: r, values });
  });
  if (rows.length > MAX_DATA_ROWS) throw tooManyRows();
  return { sheetName: ws.name, headerRow, header: (best.values as unknown[]).map((v) => normaliseCell(v)), rows };
}
