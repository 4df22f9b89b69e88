/**
 * The text layer of a PDF with pdf.js (legacy build, the one meant for Node). No worker thread
 * of its own (pdf.js runs its "fake worker" in this thread), no eval, no font loading, and the
 * CMaps that Chinese PDFs need (UniGB-UCS2-H…) are read from the package on disk: nothing is
 * fetched.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { invalidDocument, noTextLayer, textTooLong } from './errors.js';
import { dropSpacesBetweenChinese, isPageNumber, joinBrokenLines, type PdfLine } from './normalise.js';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A scanned page may still carry a stamped page number or a few OCR'd words; a text page has hundreds. */
const MIN_CHARS_PER_PAGE = 10;
/** Line pitch in Chinese official documents is about 1.75× the font size; a blank line is well above. */
const PARAGRAPH_GAP = 2.5;
const SIZE_CHANGE = 1.25;
/** In font sizes: how far right of the left margin a line counts as indented, how far from the right one as short. */
const INDENT = 1.5;
const SHORT = 6;
/** Widths in font sizes, near enough to tell whether a word would have fitted. */
const CJK_WIDTH = 1;
const LATIN_WIDTH = 0.6;

interface RawLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

type TextPiece = Pick<TextItem, 'str' | 'transform' | 'height' | 'width' | 'hasEOL'>;

function pageLines(items: readonly TextPiece[]): RawLine[] {
  const lines: RawLine[] = [];
  let line: RawLine | null = null;
  let text = '';
  const flush = () => {
    const clean = dropSpacesBetweenChinese(text.replace(/\s+/g, ' ').trim());
    if (line && clean !== '' && !isPageNumber(clean)) lines.push({ ...line, text: clean });
    line = null;
    text = '';
  };
  for (const item of items) {
    text += item.str;
    if (item.str.trim() !== '') {
      const x = Number(item.transform[4] ?? 0);
      line ??= { text: '', x, right: x, y: Number(item.transform[5] ?? 0), size: 0 };
      line.right = Math.max(line.right, x + item.width);
      line.size = Math.max(line.size, item.height);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Whether the layout puts a paragraph break between two lines of one page. */
function layoutBreak(prev: RawLine, next: RawLine): boolean {
  const size = Math.max(prev.size, next.size, 1);
  const gap = prev.y - next.y;
  const ratio = size / Math.max(Math.min(prev.size, next.size), 0.1);
  return gap < 0 || gap > PARAGRAPH_GAP * size || ratio > SIZE_CHANGE;
}

/** The first word of a line: a run of Latin letters and digits or one Chinese character, with the marks that may not start a line. */
const FIRST_WORD = /^(?:[A-Za-z0-9\u00c0-\u024f'’.,%-]+|.)\p{P}*/u;

/** How wide the line's first word is, in points. */
function firstWordWidth(line: RawLine): number {
  const word = FIRST_WORD.exec(line.text)?.[0] ?? '';
  return [...word].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? LATIN_WIDTH : CJK_WIDTH) * line.size, 0);
}

function reach(line: RawLine, next: RawLine | undefined, right: number): PdfLine['reach'] {
  const size = Math.max(line.size, 1);
  const shortfall = right - line.right;
  if (next !== undefined && shortfall < firstWordWidth(next) + 0.5 * size) return 'margin';
  return shortfall < SHORT * size ? 'near' : 'short';
}

/**
 * Margins from the whole document: one short page says little on its own. A line reaches the
 * margin when the next line's first word would not have fitted after it.
 */
function withLayout(pages: readonly RawLine[][]): PdfLine[] {
  const all = pages.flatMap((lines, page) => lines.map((line) => ({ ...line, page })));
  // reduce, not Math.min(...): a long document has more lines than a call has arguments
  const left = all.reduce((m, l) => Math.min(m, l.x), Infinity);
  const right = all.reduce((m, l) => Math.max(m, l.right), -Infinity);
  return all.map((line, i) => {
    const prev = all[i - 1];
    return {
      text: line.text,
      breakBefore: prev?.page === line.page && layoutBreak(prev, line),
      reach: reach(line, all[i + 1], right),
      indented: line.x - left > INDENT * Math.max(line.size, 1),
    };
  });
}

function openError(e: unknown) {
  const name = (e as { name?: string }).name;
  return name === 'PasswordException'
    ? invalidDocument('PDF文件已加密，请去除密码后重新上传')
    : invalidDocument('PDF文件已损坏或格式异常，无法读取，请重新导出后上传');
}

export async function readPdf(bytes: Uint8Array, maxChars: number): Promise<{ text: string; pages: number }> {
  const task = getDocument({
    data: new Uint8Array(bytes), // a plain copy: pdf.js refuses Buffers and may detach what it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    verbosity: 0,
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  });
  try {
    const doc = await task.promise.catch((e: unknown) => Promise.reject(openError(e)));
    const pages: RawLine[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = pageLines(content.items.filter((i): i is TextItem => 'str' in i));
      page.cleanup();
      pages.push(lines);
      chars += lines.reduce((sum, l) => sum + l.text.replace(/\s/g, '').length, 0);
      if (chars > maxChars) throw textTooLong(maxChars);
    }
    if (chars < MIN_CHARS_PER_PAGE * doc.numPages) throw noTextLayer('pdf');
    return { text: joinBrokenLines(withLayout(pages)).join('\n'), pages: doc.numPages };
  } finally {
    await task.destroy();
  }
}
