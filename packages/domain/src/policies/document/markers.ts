import { parseChineseNumber } from './chinese-numbers.js';

/**
 * The numbering styles of Chinese official documents (GB/T 9704: 一、 （一） 1. （1）), the legal
 * 第X章/节/条, the inline 一是…二是…, bullet-like ——lead paragraphs, the unnumbered headlines
 * of a newspaper page, and `lead`: an unnumbered paragraph that opens a list (在…方面，…提出，一是…).
 */
export const NUMBERING_STYLES = [
  'chapter',
  'section',
  'article',
  'cn',
  'cnParen',
  'arabic',
  'arabicParen',
  'circled',
  'shi',
  'dash',
  'news',
  'subheading',
  'lead',
] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export interface MarkerMatch {
  style: NumberingStyle;
  /** 1-based position in its list; absent for styles without numbers (——, headlines). */
  ordinal?: number;
  /** Where the segment starts: before any markdown `**` that wraps the marker. */
  start: number;
  markerStart: number;
  markerEnd: number;
}

const CN = '[一二三四五六七八九十百零〇]+';
const AR = '[0-9０-９]{1,3}';

const LINE_MARKERS: readonly { style: NumberingStyle; re: RegExp }[] = [
  { style: 'chapter', re: new RegExp(`^第(${CN}|${AR})章`) },
  { style: 'section', re: new RegExp(`^第(${CN}|${AR})节`) },
  { style: 'article', re: new RegExp(`^第(${CN}|${AR})条`) },
  { style: 'cn', re: new RegExp(`^(${CN})、`) },
  { style: 'cnParen', re: new RegExp(`^[（(](${CN})[）)]`) },
  { style: 'arabicParen', re: new RegExp(`^[（(](${AR})[）)]`) },
  // A digit run followed by another digit after the dot is a decimal (2.4%), not a marker.
  { style: 'arabic', re: new RegExp(`^(${AR})(?:[.．、](?![0-9０-９])|[)）])`) },
  { style: 'circled', re: /^([①-⑳])/ },
  { style: 'shi', re: /^([一二三四五六七八九十]{1,3})是(?![否指])/ },
  { style: 'dash', re: /^(?:——|--)(?=[^\s—-])/ },
];

function ordinalOf(style: NumberingStyle, digits: string | undefined): number | undefined {
  if (digits === undefined) return undefined;
  if (style === 'circled') return digits.charCodeAt(0) - 0x2460 + 1;
  return parseChineseNumber(digits);
}

/** The marker opening a line, if any; `offset` is where the line starts in the whole text. */
export function lineMarker(line: string, offset: number): MarkerMatch | undefined {
  const lead = /^[ \t\u3000]*(\*\*)?/.exec(line);
  const leadLength = lead?.[0].length ?? 0;
  const bold = lead?.[1] !== undefined;
  const rest = line.slice(leadLength);
  for (const { style, re } of LINE_MARKERS) {
    const m = re.exec(rest);
    if (m === null) continue;
    const ordinal = ordinalOf(style, m[1]);
    if (style !== 'dash' && (ordinal === undefined || ordinal === 0)) return undefined;
    const markerStart = offset + leadLength;
    const blankLead = /^[ \t\u3000]*/.exec(line)?.[0].length ?? 0;
    return { style, ordinal, start: bold ? offset + blankLead : markerStart, markerStart, markerEnd: markerStart + m[0].length };
  }
  return undefined;
}

/**
 * Inline enumerations inside a paragraph: 一是…二是… (also bold-wrapped **二是**) and （1）…（2）… or
 * ①…② after a colon or semicolon. Only after punctuation, so 统一是 or 之一是 never count.
 */
const INLINE = /(?<=[。；;：:，,！？])(\*\*)?(?:([一二三四五六七八九十]{1,3})是(?![否指])|[（(]([0-9０-９]{1,2})[）)]|([①-⑳]))/g;

export function inlineMarkers(line: string, offset: number, from: number): MarkerMatch[] {
  const found: MarkerMatch[] = [];
  for (const m of line.matchAll(INLINE)) {
    if (m.index < from) continue;
    const bold = m[1]?.length ?? 0;
    const style: NumberingStyle = m[2] !== undefined ? 'shi' : m[3] !== undefined ? 'arabicParen' : 'circled';
    if (style !== 'shi' && !/[：:；;。]/.test(line[m.index - 1] ?? '')) continue;
    const ordinal = ordinalOf(style, m[2] ?? m[3] ?? m[4]);
    if (ordinal === undefined || ordinal === 0) continue;
    const start = offset + m.index;
    found.push({ style, ordinal, start, markerStart: start + bold, markerEnd: start + m[0].length });
  }
  return found;
}

const TOPIC_LEAD = /^[ \t\u3000]*在[^，,。；;]{2,24}方面[，,]/;

/** An unnumbered paragraph that groups what follows: 在X方面，… or a lead-in ending in an inline 一是. */
export function leadParagraph(line: string, offset: number, inline: readonly MarkerMatch[]): MarkerMatch | undefined {
  const first = inline[0];
  const opensList =
    first !== undefined && first.style === 'shi' && first.ordinal === 1 && line.slice(0, first.start - offset).trim() !== '';
  if (!opensList && !TOPIC_LEAD.test(line)) return undefined;
  const start = offset + (/^[ \t\u3000]*/.exec(line)?.[0].length ?? 0);
  return { style: 'lead', start, markerStart: start, markerEnd: start };
}
