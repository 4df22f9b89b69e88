/** The page-level reading of a pasted notice: its lines, a table of contents, a colophon, headlines. */

export interface Line {
  index: number;
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\n|\r/g)) {
    lines.push({ index: lines.length, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

const isBlank = (line: Line): boolean => line.text.trim() === '';

/** A contents entry ends with its page number after a tab, a dot leader or a wide gap. */
const TOC_ENTRY = /(?:\t|\.{2,}|…+|·{2,}|[ \u3000]{2,})[ \t\u3000]*[0-9]{1,4}[ \t\u3000]*$/;

/** Lines of a table of contents: two or more entries in a row (blank lines between allowed). */
export function tableOfContents(lines: readonly Line[]): Set<number> {
  const toc = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= 2) for (const i of run) toc.add(i);
    run = [];
  };
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (TOC_ENTRY.test(line.text)) run.push(line.index);
    else flush();
  }
  flush();
  return toc;
}

/**
 * Back matter that belongs to no measure: a journal's credits ([责任编辑]), its distribution list
 * (报：/发：/抄送：) or a glossary. Searched only in the last part of the text, where it sits.
 */
const TRAILER = /^[ \t\u3000]*(?:\[[^\]\n]{1,10}\]|【[^】\n]{1,10}】|(?:报|发|送|抄送|抄报|主送)[:：]|名词解释[ \t\u3000]*$)/;

export function trailerStart(text: string, lines: readonly Line[]): number {
  const from = text.length * 0.6;
  const line = lines.find((l) => l.start >= from && TRAILER.test(l.text));
  return line?.start ?? text.length;
}

/** A news item starts under its headline with a dateline, a byline or a continuation note. */
const NEWS_LEAD = /^[ \t\u3000]*(?:本报讯|本报记者|本报通讯员|新华社|[（(]上接第|[（(]记者|据.{1,12}(?:报道|消息)|记者)/;
const NOT_A_HEADLINE = /^(?:图为|图：|本报|新华社|记者|[（(［【[]|问[:：]|答[:：])/;

function isHeadlineLike(line: Line): boolean {
  const t = line.text.trim();
  if (t.length < 4 || t.length > 40) return false;
  if (/[。！？；;：:，,、]/.test(t) || /[）)]$/.test(t)) return false;
  return !NOT_A_HEADLINE.test(t);
}

function surroundedByBlanks(lines: readonly Line[], i: number): boolean {
  const before = lines[i - 1];
  const after = lines[i + 1];
  return (before === undefined || isBlank(before)) && (after === undefined || isBlank(after));
}

export interface Headline {
  kind: 'news' | 'subheading';
  first: Line;
  last: Line;
}

function nextNonBlank(lines: readonly Line[], from: number, count: number): Line[] {
  const found: Line[] = [];
  for (let i = from; i < lines.length && found.length < count; i++) {
    const line = lines[i];
    if (line !== undefined && !isBlank(line)) found.push(line);
  }
  return found;
}

/**
 * Headlines of a newspaper page: a short standalone line without sentence punctuation; a news
 * item when a dateline or byline follows within three lines, else a subheading inside the item.
 * Headlines only count once a news item has been seen, so a notice's own title block stays body.
 */
export function headlines(lines: readonly Line[], excluded: ReadonlySet<number>, startsWithMarker: (line: Line) => boolean): Headline[] {
  const found: Headline[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined || excluded.has(i) || !isHeadlineLike(line) || !surroundedByBlanks(lines, i) || startsWithMarker(line)) {
      i++;
      continue;
    }
    let last = line;
    const following = nextNonBlank(lines, i + 1, 1)[0];
    if (
      following !== undefined &&
      isHeadlineLike(following) &&
      surroundedByBlanks(lines, following.index) &&
      !startsWithMarker(following)
    ) {
      last = following;
    }
    const lead = nextNonBlank(lines, last.index + 1, 3).some((l) => NEWS_LEAD.test(l.text));
    if (lead) found.push({ kind: 'news', first: line, last });
    else if (found.length > 0) found.push({ kind: 'subheading', first: line, last });
    i = last.index + 1;
  }
  return found;
}
