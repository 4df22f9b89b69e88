/**
 * Cheap counts over a workbook's (bounded, already inflated) XML parts, taken before exceljs
 * builds an object per cell, string and style: a sheet of a few dozen columns and at most
 * 20,000 data rows has no business holding millions of elements.
 */
import { DomainError } from '@scenebridge/domain';
import { MAX_DATA_ROWS } from './columns.js';

/** The template has about 15 columns; room for notes columns people add. */
export const MAX_SHEET_COLUMNS = 200;
/** Cells of all sheets: every data row with 50 filled columns, plus the help sheet and spare rows. */
export const MAX_SHEET_CELLS = (MAX_DATA_ROWS + 1000) * 50;
/**
 * Start tags across all XML parts (cells, their values, shared strings, styles, drawings…).
 * A 20,000-row file made from the template has about 0.8 million.
 */
export const MAX_XML_ELEMENTS = 6_000_000;

export interface XmlCounts {
  /** Start tags (including self-closing). */
  elements: number;
  /** `<c>` elements (cells). */
  cells: number;
  /** Most `<c>` elements between two `<row>` start tags. */
  maxRowCells: number;
}

const LT = 0x3c;
const isNameEnd = (b: number | undefined) =>
  b === undefined || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f;

/** Counts start tags and cells by scanning bytes; namespace prefixes (`<x:c>`) are allowed. */
export function countXml(data: Uint8Array, into: XmlCounts = { elements: 0, cells: 0, maxRowCells: 0 }): XmlCounts {
  let rowCells = 0;
  for (let i = data.indexOf(LT); i >= 0; i = data.indexOf(LT, i + 1)) {
    const first = data[i + 1];
    if (first === 0x2f || first === 0x3f || first === 0x21) continue; // </…, <?…, <!…
    into.elements++;
    // Local name: after the last ':' before the name ends.
    let j = i + 1;
    let start = j;
    while (j < data.length && !isNameEnd(data[j])) {
      if (data[j] === 0x3a) start = j + 1;
      j++;
    }
    const len = j - start;
    if (len === 1 && data[start] === 0x63) {
      into.cells++;
      if (++rowCells > into.maxRowCells) into.maxRowCells = rowCells;
    } else if (len === 3 && data[start] === 0x72 && data[start + 1] === 0x6f && data[start + 2] === 0x77) rowCells = 0;
    i = j - 1;
  }
  return into;
}

export class SheetTooComplexError extends DomainError {
  constructor(counts: XmlCounts) {
    super(
      'FILE_TOO_COMPLEX',
      `表格内容过多（每行最多${MAX_SHEET_COLUMNS}列，单元格总数最多${MAX_SHEET_CELLS.toLocaleString('en-US')}个），请删除多余的行列或拆分文件后重新上传`,
      413,
      { cells: counts.cells, maxRowCells: counts.maxRowCells, elements: counts.elements },
    );
    this.name = 'SheetTooComplexError';
  }
}

/** Throws FILE_TOO_COMPLEX once the running counts pass a limit. */
export function checkCounts(counts: XmlCounts): void {
  if (counts.maxRowCells > MAX_SHEET_COLUMNS || counts.cells > MAX_SHEET_CELLS || counts.elements > MAX_XML_ELEMENTS)
    throw new SheetTooComplexError(counts);
}
