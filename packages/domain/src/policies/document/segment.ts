import { headingOf, isNoticeHeading, type Heading } from './heading.js';
import { headlines, splitLines, tableOfContents, trailerStart, type Headline, type Line } from './layout.js';
import { inlineMarkers, leadParagraph, lineMarker, type MarkerMatch, type NumberingStyle } from './markers.js';

/** [start, end) in UTF-16 code units of the original text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * notice: a whole notice inside a digest; news: one item of a newspaper page; section: a titled
 * part whose content is its children; measure: anything else (a measure, possibly with sub-items).
 */
export type SegmentKind = 'notice' | 'news' | 'section' | 'measure';

export interface PolicySegment {
  /** Position in the tree, stable for the same text: '2', '2.3', '2.3.1'. */
  id: string;
  parentId?: string;
  /** 1 for top level. */
  depth: number;
  kind: SegmentKind;
  style: NumberingStyle;
  /** The marker as written ('一、', '（一）', '1.', '二是', '第三条', '——'); '' for headlines and leads. */
  marker: string;
  heading?: string;
  headingSpan?: TextSpan;
  /** The whole segment including its children: text.slice(start, end) reproduces it exactly. */
  span: TextSpan;
  /** The segment after its marker, children included. */
  bodySpan: TextSpan;
}

interface Candidate extends MarkerMatch {
  line: Line;
  heading?: Heading;
}

interface Open {
  style: NumberingStyle;
  ordinal?: number;
  segment: Draft;
}

interface Draft {
  candidate: Candidate;
  depth: number;
  id: string;
  parent?: Draft;
  children: number;
}

/** Styles that always restart: an inline 一是 list belongs to the paragraph that opens it. */
const RESTARTING: ReadonlySet<NumberingStyle> = new Set(['shi', 'arabicParen', 'circled']);
const LEGAL_RANK: Partial<Record<NumberingStyle, number>> = { chapter: 1, section: 2, article: 3 };

function continues(open: Open, candidate: Candidate): boolean {
  if (candidate.ordinal === undefined) return true;
  if (open.ordinal !== undefined && candidate.ordinal === open.ordinal + 1) return true;
  return candidate.ordinal === 1 && RESTARTING.has(candidate.style);
}

/**
 * Where a marker goes in the open stack, or undefined when it is body text: a sibling only when it
 * continues its level's sequence (一 → 二), a new level only when it starts at 1.
 */
function placement(stack: readonly Open[], candidate: Candidate, lastArticle: number): number | undefined {
  const { style } = candidate;
  if (style === 'news') return 0;
  if (style === 'subheading') {
    const news = stack.findIndex((o) => o.style === 'news');
    return news + 1;
  }
  if (style === 'lead') return leadPlacement(stack);
  const same = stack.findIndex((o) => o.style === style);
  if (same >= 0) return continues(stack[same] as Open, candidate) ? same : undefined;
  // Articles run on through the whole text (第三条 under 第二章), every other list starts at 1.
  const startsList = candidate.ordinal === 1 || (style === 'article' && candidate.ordinal === lastArticle + 1);
  if (candidate.ordinal !== undefined && !startsList) return undefined;
  const rank = LEGAL_RANK[style];
  if (rank !== undefined) {
    const deeper = stack.findIndex((o) => (LEGAL_RANK[o.style] ?? 99) > rank);
    return deeper >= 0 ? deeper : stack.length;
  }
  return stack.length;
}

/** A lead paragraph replaces the list it follows, so successive 在…方面 groups stay siblings. */
function leadPlacement(stack: readonly Open[]): number {
  const lead = stack.findIndex((o) => o.style === 'lead');
  if (lead >= 0) return lead;
  const list = stack.findIndex((o) => o.style === 'shi');
  return list >= 0 ? list : stack.length;
}

function collectCandidates(text: string): { candidates: Candidate[]; limit: number } {
  const lines = splitLines(text);
  const limit = trailerStart(text, lines);
  const toc = tableOfContents(lines);
  const marked = (line: Line): boolean => lineMarker(line.text, line.start) !== undefined;
  const heads = new Map<number, Headline>(headlines(lines, toc, marked).map((h) => [h.first.index, h]));
  const candidates: Candidate[] = [];
  for (const line of lines) {
    if (line.start >= limit) break;
    if (toc.has(line.index)) continue;
    const head = heads.get(line.index);
    if (head !== undefined) {
      const span = {
        text: text.slice(head.first.start, head.last.end).replace(/\s+/g, ' ').trim(),
        start: head.first.start,
        end: head.last.end,
      };
      const at = head.first.start;
      candidates.push({ style: head.kind, start: at, markerStart: at, markerEnd: at, line, heading: span });
      continue;
    }
    const opening = lineMarker(line.text, line.start);
    const inline = inlineMarkers(line.text, line.start, opening === undefined ? 0 : opening.markerEnd - line.start);
    const lead = opening ?? leadParagraph(line.text, line.start, inline);
    if (lead !== undefined) candidates.push({ ...lead, line });
    for (const match of inline) candidates.push({ ...match, line });
  }
  return { candidates, limit };
}

function addHeadings(text: string, candidates: Candidate[], limit: number): void {
  candidates.forEach((c, i) => {
    if (c.heading !== undefined) return;
    const next = candidates[i + 1]?.start ?? limit;
    const heading = headingOf(text, c.style, c.markerEnd, c.line.end, next);
    if (heading !== undefined) c.heading = heading;
  });
}

function buildDrafts(candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  let stack: Open[] = [];
  let topCount = 0;
  let lastArticle = 0;
  for (const candidate of candidates) {
    const at = placement(stack, candidate, lastArticle);
    if (at === undefined) continue;
    if (candidate.style === 'article') lastArticle = candidate.ordinal ?? lastArticle;
    stack = stack.slice(0, at);
    const parent = stack[at - 1]?.segment;
    const position = parent === undefined ? ++topCount : ++parent.children;
    const id = parent === undefined ? String(position) : `${parent.id}.${position}`;
    const draft: Draft = { candidate, depth: at + 1, id, children: 0, ...(parent && { parent }) };
    drafts.push(draft);
    stack.push({ style: candidate.style, ordinal: candidate.ordinal, segment: draft });
  }
  return drafts;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

function kindOf(text: string, draft: Draft, hasChildren: boolean, firstChildStart: number): SegmentKind {
  const { candidate } = draft;
  if (candidate.style === 'news') return 'news';
  if (candidate.style === 'subheading') return 'section';
  if (draft.depth === 1 && isNoticeHeading(candidate.heading)) return 'notice';
  const own = text.slice(candidate.markerEnd, firstChildStart);
  return hasChildren && !/[。；;]/.test(own) ? 'section' : 'measure';
}

/** Where each draft's text stops: at the next draft of the same or a shallower depth. */
function rawEnds(drafts: readonly Draft[], limit: number): number[] {
  const ends = drafts.map(() => limit);
  const open: number[] = [];
  drafts.forEach((draft, i) => {
    while (open.length > 0 && (drafts[open[open.length - 1] as number] as Draft).depth >= draft.depth) {
      ends[open.pop() as number] = draft.candidate.start;
    }
    open.push(i);
  });
  return ends;
}

function finish(text: string, drafts: readonly Draft[], limit: number): PolicySegment[] {
  const ends = rawEnds(drafts, limit);
  return drafts.map((draft, i) => {
    const { candidate } = draft;
    const end = trimEnd(text, candidate.start, ends[i] ?? limit);
    const next = drafts[i + 1];
    const firstChild = next?.parent === draft ? next : undefined;
    const bodyStart = Math.min(candidate.markerEnd, end);
    const segment: PolicySegment = {
      id: draft.id,
      depth: draft.depth,
      kind: kindOf(text, draft, firstChild !== undefined, firstChild?.candidate.start ?? end),
      style: candidate.style,
      marker: text.slice(candidate.markerStart, candidate.markerEnd),
      span: { start: candidate.start, end },
      bodySpan: { start: bodyStart, end },
    };
    if (draft.parent !== undefined) segment.parentId = draft.parent.id;
    if (candidate.heading !== undefined && candidate.heading.end <= end) {
      segment.heading = candidate.heading.text;
      segment.headingSpan = { start: candidate.heading.start, end: candidate.heading.end };
    }
    return segment;
  });
}

/**
 * Splits a pasted notice into its measures along its own numbering, as a flat list in text order
 * with parent ids and depths. Contents pages and back matter yield nothing; numbering restarts
 * under each parent; a marker that breaks its level's sequence is read as body text.
 */
export function segmentPolicy(text: string): PolicySegment[] {
  const { candidates, limit } = collectCandidates(text);
  const drafts = buildDrafts(candidates);
  addHeadings(
    text,
    drafts.map((d) => d.candidate),
    limit,
  );
  return finish(text, drafts, limit);
}

/** The segment's own text before its first child, for field extraction per measure. */
export function ownSpan(segments: readonly PolicySegment[], segment: PolicySegment): TextSpan {
  const child = segments.find((s) => s.parentId === segment.id);
  return { start: segment.span.start, end: child === undefined ? segment.span.end : child.span.start };
}
