import { useEffect, useMemo, useRef } from 'react';
import { selectionSpan, splitBySpans, type Mark } from './spans';

/** Background per mark kind; a run with several takes the last listed (the most specific). */
const COLORS: Array<[string, string]> = [
  ['measure', '#dbeafe'],
  ['term', '#ffe7ba'],
  ['step', '#b7eb8f'],
  ['picked', '#d3adf7'],
];

function background(kinds: string[]): string | undefined {
  let out: string | undefined;
  for (const [kind, color] of COLORS) if (kinds.includes(kind)) out = color;
  return out;
}

interface Props {
  text: string;
  marks: Mark[];
  /** Scrolled into view whenever it changes (the selected measure or step). */
  focus: { start: number; end: number } | null;
  /** Set while text may be picked (the correction drawer is open): called with the selected span. */
  onPick?: (span: { start: number; end: number }) => void;
  maxHeight?: number | string;
}

function segmentPoint(node: Node | null, offset: number): { segmentStart: number; offset: number } | null {
  const el = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
  const seg = el?.closest<HTMLElement>('[data-start]');
  if (!seg) return null;
  return { segmentStart: Number(seg.dataset.start), offset: node?.nodeType === Node.TEXT_NODE ? offset : 0 };
}

/** The verbatim source text, with the selected measure, its terms and a calculation step highlighted. */
export function SourcePane({ text, marks, focus, onPick, maxHeight }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => splitBySpans(text, marks), [text, marks]);

  useEffect(() => {
    if (!focus || !box.current) return;
    const target = [...box.current.querySelectorAll<HTMLElement>('[data-start]')].find(
      (el) => Number(el.dataset.start) <= focus.start && Number(el.dataset.end) > focus.start,
    );
    if (!target) return;
    if (box.current.scrollHeight > box.current.clientHeight) {
      // The pane scrolls by itself (desktop): move only it, so the measure list stays put.
      box.current.scrollTo({ top: Math.max(0, target.offsetTop - 24), behavior: 'smooth' });
    } else target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focus]);

  const pick = () => {
    const sel = window.getSelection();
    if (!onPick || !sel || sel.rangeCount === 0 || !box.current?.contains(sel.anchorNode)) return;
    const a = segmentPoint(sel.anchorNode, sel.anchorOffset);
    const b = segmentPoint(sel.focusNode, sel.focusOffset);
    const span = a && b ? selectionSpan(a, b) : null;
    if (span) onPick(span);
  };

  return (
    <div
      ref={box}
      onMouseUp={pick}
      onTouchEnd={pick}
      data-testid="policy-source"
      style={{
        position: 'relative',
        whiteSpace: 'pre-wrap',
        lineHeight: 1.9,
        fontSize: 15,
        maxHeight,
        overflowY: maxHeight ? 'auto' : undefined,
        padding: '4px 8px',
        cursor: onPick ? 'text' : undefined,
      }}
      tabIndex={0}
      role="region"
      aria-label="政策原文"
    >
      {segments.map((s) => {
        const bg = background(s.kinds);
        return (
          <span
            key={s.start}
            data-start={s.start}
            data-end={s.end}
            data-kinds={s.kinds.join(' ') || undefined}
            style={bg ? { background: bg, borderRadius: 2 } : undefined}
          >
            {s.text}
          </span>
        );
      })}
    </div>
  );
}
