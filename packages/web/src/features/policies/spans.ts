/**
 * Cutting a policy's source text into runs for highlighting. Spans are UTF-16 offsets into the
 * text (docs/policies.md), so `slice` cuts them with no conversion; marks may overlap (a term
 * inside the selected measure), and each run carries every mark that covers it.
 */
export interface Mark {
  start: number;
  end: number;
  /** What the mark stands for, e.g. 'measure', 'term', 'step'. */
  kind: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  kinds: string[];
}

const clamp = (n: number, max: number) => Math.min(Math.max(0, n), max);

/** The text as consecutive runs that together are the whole text; empty and reversed marks are ignored. */
export function splitBySpans(text: string, marks: readonly Mark[]): Segment[] {
  const usable = marks
    .map((m) => ({ ...m, start: clamp(m.start, text.length), end: clamp(m.end, text.length) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of usable) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const kinds = [...new Set(usable.filter((m) => m.start <= start && m.end >= end).map((m) => m.kind))];
    const last = out.at(-1);
    if (last && sameKinds(last.kinds, kinds)) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else out.push({ start, end, text: text.slice(start, end), kinds });
  }
  return out;
}

const sameKinds = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * The absolute offset of a calculator's `sentence` in the source text, searched from the
 * measure's start (the sentence is the measure's own text unless the operator wrote another).
 */
export function sentenceOffset(sourceText: string, sentence: string | undefined, from: number): number | null {
  if (!sentence) return from;
  const at = sourceText.indexOf(sentence, from);
  return at >= 0 ? at : null;
}

/** A selection in the source pane, as offsets into the text, from the DOM offsets of its runs. */
export function selectionSpan(
  anchor: { segmentStart: number; offset: number },
  focus: { segmentStart: number; offset: number },
): { start: number; end: number } | null {
  const a = anchor.segmentStart + anchor.offset;
  const b = focus.segmentStart + focus.offset;
  if (a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

const CLAUSE_END = /[，,；;。！？\n]/;

/** The clause a short span sits in (between punctuation marks), so "30%" is shown with what it is the rate of. */
export function clauseAround(text: string, span: { start: number; end: number }, max = 80): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && span.start - start < max && !CLAUSE_END.test(text[start - 1]!)) start--;
  let end = span.end;
  while (end < text.length && end - span.end < max && !CLAUSE_END.test(text[end]!)) end++;
  return { start, end };
}
