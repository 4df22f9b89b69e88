/**
 * Whitespace rules shared by every format: one paragraph per line, no blank lines, runs of
 * spaces (including the ideographic space used for first-line indents) collapsed to one.
 */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\v\f]+/g;

export function normaliseText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(SPACES, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2018-\\u201d';
/**
 * PDF text of justified Chinese lines comes out with spaces between the characters; a space
 * between two Chinese characters or marks never means anything, so it goes.
 */
const SPACE_IN_CJK = new RegExp(`(?<=[${HAN}${CJK_PUNCT}]) +(?=[${HAN}${CJK_PUNCT}])`, 'gu');

export function dropSpacesBetweenChinese(line: string): string {
  return line.replace(SPACE_IN_CJK, '');
}

/** A line of a PDF as read, with what its layout says. */
export interface PdfLine {
  text: string;
  /** A wide gap, a change of font size or a jump back up the page: a new paragraph whatever the text. */
  breakBefore: boolean;
  /**
   * How far it reaches: to the `margin` (the next line's first word would not have fitted),
   * `near` it (a few characters short, as line-breaking rules for quotes and closing marks
   * leave lines), or `short` of it (a heading, a paragraph's last line).
   */
  reach: 'margin' | 'near' | 'short';
  /** It starts right of the left margin (the first-line indent of Chinese official documents). */
  indented: boolean;
}

const SENTENCE_END = /[。；：！？;!?][”’」』）)]?$/u;
/**
 * 一、 （一） (1) 1. 1、 第三条 — numbering that starts paragraphs. Not 一是…二是: those run inside a
 * paragraph, and one that happens to start a line continues it.
 */
const NUMBERING =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[)）]|\d+[.．、](?!\d)|第[一二三四五六七八九十百千\d]+[章节条款])/u;
/** "— 3 —", "-12-", "第 3 页": page numbers between the lines of a paragraph. */
const PAGE_NUMBER = /^(?:[-—–－ ]*\d{1,4}[-—–－ ]*|第 ?\d+ ?页(?: ?共 ?\d+ ?页)?)$/u;
const CJK_CHAR = new RegExp(`[${HAN}${CJK_PUNCT}\\uff00-\\uffef]`, 'u');

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line);
}

function startsParagraph(prev: PdfLine, next: PdfLine): boolean {
  if (next.breakBefore || prev.reach === 'short' || NUMBERING.test(next.text)) return true;
  const sentenceEnd = SENTENCE_END.test(prev.text);
  // An indent starts a paragraph (continuation lines are not indented), unless the line before
  // ran to the margin mid-sentence; a sentence that ends right at the margin need not end one.
  if (next.indented) return sentenceEnd || prev.reach === 'near';
  return sentenceEnd && prev.reach === 'near';
}

/**
 * A PDF breaks lines where the page is full, not where the paragraph ends: a line is joined to
 * the next unless it ends a sentence or clause (。；：！？), the next starts with a numbering
 * marker, or the layout puts a paragraph break between them. The layout refines the rule: a
 * line well short of the margin ends its paragraph whatever its last character, one that
 * reaches the margin goes on after a full stop unless the next line is indented, and an
 * indented line after one that stops short of the margin starts a paragraph.
 */
export function joinBrokenLines(lines: readonly PdfLine[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let prev: PdfLine | undefined;
  for (const line of lines) {
    if (prev === undefined || current === '') current = line.text;
    else if (startsParagraph({ ...prev, text: current }, line)) {
      paragraphs.push(current);
      current = line.text;
    } else {
      const latinJoin = !CJK_CHAR.test(current.at(-1) ?? '') && !CJK_CHAR.test(line.text[0] ?? '');
      current += (latinJoin ? ' ' : '') + line.text;
    }
    prev = line;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}
