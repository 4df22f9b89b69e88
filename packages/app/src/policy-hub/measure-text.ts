/**
 * Where a stored measure's own words are in its policy's source text: a measure's span runs to
 * the end of its last child, its own text stops at its first child (as in the domain's
 * `ownSpan`), and the body is that text without the leading marker and, when the heading follows
 * the marker directly, the heading and the mark that closes it.
 */
export interface StoredMeasureSpan {
  path: string;
  marker: string;
  heading: string | null;
  spanStart: number;
  spanEnd: number;
}

export interface MeasureText {
  /** [start, end) of the measure's own text (marker included). */
  own: { start: number; end: number };
  /** Where the words after the marker (and the heading when it leads) begin. */
  bodyStart: number;
  /** Whether the heading is the first thing after the marker (then the body leaves it out). */
  headingLeads: boolean;
  /** Where the heading begins when it leads (else where the body begins). */
  headingStart: number;
}

const HEADING_CLOSE = /^[。．.：:；;]/;

/** Measures in document order (as listed by seq); answers one MeasureText per measure, same order. */
export function measureTexts(source: string, measures: readonly StoredMeasureSpan[]): MeasureText[] {
  return measures.map((m, i) => {
    const next = measures[i + 1];
    const end = next && next.path.startsWith(`${m.path}.`) ? next.spanStart : m.spanEnd;
    const own = { start: m.spanStart, end: Math.max(m.spanStart, Math.min(end, source.length)) };
    let at = own.start;
    if (source.startsWith(m.marker, at)) at += m.marker.length;
    while (at < own.end && /\s/.test(source[at]!)) at++;
    const headingStart = Math.min(at, own.end);
    const headingLeads = !!m.heading && source.startsWith(m.heading, at);
    if (headingLeads) {
      at += m.heading!.length;
      if (HEADING_CLOSE.test(source.slice(at, at + 1))) at++;
    }
    return { own, bodyStart: Math.min(at, own.end), headingLeads, headingStart };
  });
}
