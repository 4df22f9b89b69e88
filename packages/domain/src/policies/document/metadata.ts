import { findChineseDates, type FoundDate } from './chinese-numbers.js';
import { splitLines, tableOfContents, type Line } from './layout.js';
import type { TextSpan } from './segment.js';
import { detectValidity, type PolicyValidity } from './validity.js';

export interface PolicyMetadata {
  title?: string;
  issuer?: string;
  /** ISO date (YYYY-MM-DD). */
  issuedOn?: string;
  /** Normalised to 〔〕 brackets: 渝府办发〔2024〕12号. */
  documentNumber?: string;
  validity?: PolicyValidity;
  spans: { title?: TextSpan; issuer?: TextSpan; issuedOn?: TextSpan; documentNumber?: TextSpan };
}

interface Found {
  value: string;
  span: TextSpan;
}

/** How far into the text the head of a notice (title, number, issuer) is looked for. */
const HEAD_LINES = 30;
const DOC_TYPES = '通知|意见|办法|措施|方案|规划|计划|决定|条例|细则|规定|指南|公告|通告|纲要|政策|要点|规则';
const ORG_SUFFIX =
  '人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管委会|管理委员会|研究所|研究院|学院|大学|中心|局|厅|部|委|署|院|会';
const ORG_LINE = new RegExp(`^[\\u4e00-\\u9fa5（）()]{2,40}(?:${ORG_SUFFIX})$`);

const DOC_NUMBER = /([\u4e00-\u9fa5]{1,8})[ \t]*[〔［[【（(][ \t]*((?:19|20)\d{2})[ \t]*[〕］\]】）)][ \t]*(\d{1,4})[ \t]*号/g;

function documentNumber(text: string, lines: readonly Line[]): Found | undefined {
  const headEnd = lines[Math.min(lines.length, HEAD_LINES) - 1]?.end ?? text.length;
  for (const m of text.matchAll(DOC_NUMBER)) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    // A number cited after a title, 《…》（涪陵委发〔2021〕15号）, is another document's.
    if (/[》][（(]?$/.test(before) || /[（(]$/.test(before)) continue;
    const ownLine = lines.find((l) => l.start <= m.index && m.index < l.end + 1);
    const standalone = ownLine !== undefined && ownLine.text.trim() === m[0];
    if (!standalone && m.index > headEnd) continue;
    return { value: `${m[1]}〔${m[2]}〕${m[3]}号`, span: { start: m.index, end: m.index + m[0].length } };
  }
  return undefined;
}

function lineFound(line: Line): Found {
  const lead = line.text.length - line.text.trimStart().length;
  const value = line.text.trim();
  return { value, span: { start: line.start + lead, end: line.start + lead + value.length } };
}

/** 《X》已经区政府同意，现印发给你们 names the notice it transmits. */
const TRANSMITTED = /《([^《》\n]{4,80})》(?:已经|经)[^。\n]{0,30}(?:同意|通过)|现将《([^《》\n]{4,80})》印发给你们/;
const TITLE_LINE = new RegExp(`^[^。：:，,\\n]{4,60}(?:${DOC_TYPES})(?:[（(][^）)\\n]{4,20}[）)])?$`);

function title(text: string, lines: readonly Line[], skip: ReadonlySet<number>): Found | undefined {
  const head = lines.slice(0, HEAD_LINES).filter((l) => !skip.has(l.index) && l.text.trim() !== '');
  const top = head[0];
  if (top !== undefined && TITLE_LINE.test(top.text.trim())) return lineFound(top);
  const transmitted = TRANSMITTED.exec(text.slice(0, lines[HEAD_LINES]?.start ?? text.length));
  if (transmitted !== null) {
    const value = transmitted[1] ?? transmitted[2] ?? '';
    const start = transmitted.index + transmitted[0].indexOf(value);
    return { value, span: { start, end: start + value.length } };
  }
  const standalone = head.find((l) => TITLE_LINE.test(l.text.trim()));
  if (standalone !== undefined) return lineFound(standalone);
  const first = head.find((l) => isPlainTitle(l.text.trim()));
  return first === undefined ? undefined : lineFound(first);
}

function isPlainTitle(t: string): boolean {
  return t.length >= 4 && t.length <= 40 && !/[。：:，,；;]/.test(t) && !ORG_LINE.test(t) && findChineseDates(t).length === 0;
}

interface Signature {
  issuer?: Found;
  date?: FoundDate;
}

/** An organisation alone on its line with a date on the next non-blank line: the signature block. */
function signature(lines: readonly Line[], skip: ReadonlySet<number>): Signature {
  const filled = lines.filter((l) => l.text.trim() !== '' && !skip.has(l.index));
  for (let i = 0; i < filled.length - 1; i++) {
    const org = filled[i] as Line;
    const next = filled[i + 1] as Line;
    if (!ORG_LINE.test(org.text.trim())) continue;
    const date = findChineseDates(next.text)[0];
    if (date !== undefined && next.text.trim().length <= date.end - date.start + 2) {
      return { issuer: lineFound(org), date: { ...date, start: date.start + next.start, end: date.end + next.start } };
    }
  }
  return {};
}

const ISSUING = new RegExp(
  `([\\u4e00-\\u9fa5]{2,30}?(?:人民政府办公厅|人民政府|办公厅|委员会|局|部|厅))(?:日前|近日|近期|今日|正式)?(?:联合)?印发`,
);

function issuerInProse(text: string): Found | undefined {
  const m = ISSUING.exec(text.slice(0, 600));
  if (m?.[1] === undefined) return undefined;
  return { value: m[1], span: { start: m.index, end: m.index + m[1].length } };
}

/** A date alone on a line near the head (a bulletin's issue date). */
function standaloneDate(lines: readonly Line[]): FoundDate | undefined {
  for (const line of lines.slice(0, HEAD_LINES)) {
    const date = findChineseDates(line.text)[0];
    if (date !== undefined && line.text.trim().length <= date.end - date.start + 2) {
      return { ...date, start: date.start + line.start, end: date.end + line.start };
    }
  }
  return undefined;
}

/**
 * Reads a pasted notice's head and signature: title, issuing body, issue date, document number
 * (文号) and validity (有效期). Every value comes with where it was read.
 */
export function detectMetadata(text: string): PolicyMetadata {
  const lines = splitLines(text);
  const toc = tableOfContents(lines);
  const spans: PolicyMetadata['spans'] = {};
  const result: PolicyMetadata = { spans };
  const put = (key: 'title' | 'issuer' | 'documentNumber', found: Found | undefined): void => {
    if (found === undefined) return;
    result[key] = found.value;
    spans[key] = found.span;
  };
  put('title', title(text, lines, toc));
  put('documentNumber', documentNumber(text, lines));
  const signed = signature(lines, toc);
  put('issuer', signed.issuer ?? issuerInProse(text));
  const issued = signed.date ?? standaloneDate(lines);
  if (issued !== undefined) {
    result.issuedOn = issued.iso;
    spans.issuedOn = { start: issued.start, end: issued.end };
  }
  const validity = detectValidity(text, result.issuedOn);
  if (validity !== undefined) result.validity = validity;
  return result;
}
