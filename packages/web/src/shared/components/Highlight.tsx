import type { TextPart } from '../types';

const MARK_STYLE = { background: '#ffe58f', padding: '0 1px', borderRadius: 2 } as const;

/** Text with the matched parts in <mark> (never as HTML: the parts are plain text). */
export function Highlight({ parts, fallback = '' }: { parts: TextPart[]; fallback?: string }) {
  if (parts.length === 0) return <>{fallback}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} style={MARK_STYLE} data-testid="hit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
