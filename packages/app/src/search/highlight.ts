/**
 * Marks query terms in a title or a snippet. Returned as parts ({text, hit}) rather than HTML,
 * so no client ever has to trust markup built from user text.
 */
export interface TextPart {
  text: string;
  hit: boolean;
}

/** Terms longest first, lower-cased; single Latin letters and lone characters are left out. */
export function highlightTerms(terms: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    const v = t.trim().toLowerCase();
    if (v.length >= 2 || (/[\u3400-\u9fff]/.test(v) && v.length >= 2)) out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function hitRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const taken = new Uint8Array(text.length);
  const ranges: Array<[number, number]> = [];
  for (const t of terms) {
    let from = 0;
    for (;;) {
      const i = lower.indexOf(t, from);
      if (i < 0) break;
      let free = true;
      for (let k = i; k < i + t.length; k++)
        if (taken[k]) {
          free = false;
          break;
        }
      if (free) {
        ranges.push([i, i + t.length]);
        taken.fill(1, i, i + t.length);
      }
      from = i + 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

export function markTerms(text: string, terms: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const [s, e] of hitRanges(text, terms)) {
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/** The window of `length` characters holding the most hits, cut at sentence marks where it can. */
export function snippet(text: string, terms: readonly string[], length = 120): TextPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return markTerms(flat, terms);
  const ranges = hitRanges(flat, terms);
  let best = 0,
    bestCount = -1;
  for (const [s] of ranges) {
    const start = Math.max(0, s - 20);
    const count = ranges.filter(([a, b]) => a >= start && b <= start + length).length;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  const back = flat.lastIndexOf('。', best);
  const start = back >= 0 && best - back < 30 ? back + 1 : best;
  const body = flat.slice(start, start + length);
  const parts = markTerms(body, terms);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (start + length < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
