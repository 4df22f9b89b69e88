import { describe, expect, it } from 'vitest';
import { clauseAround, selectionSpan, sentenceOffset, splitBySpans } from './spans';

// A sentence of seed 000 (重庆市财政科研经费管理若干措施).
const TEXT = '其中，200万元(含)以下部分，间接费用比例为不超过40%，200万至500万元(含)以下的部分为不超过30%';

describe('splitBySpans', () => {
  it('returns the whole text as one plain run when nothing is marked', () => {
    expect(splitBySpans(TEXT, [])).toEqual([{ start: 0, end: TEXT.length, text: TEXT, kinds: [] }]);
  });

  it('covers the text exactly, in order, whatever the marks', () => {
    const t = TEXT.indexOf('40%');
    const segs = splitBySpans(TEXT, [
      { start: 3, end: 20, kind: 'measure' },
      { start: t, end: t + 3, kind: 'term' },
      { start: 10, end: 12, kind: 'step' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
  });

  it('gives overlapping marks to the runs they share', () => {
    const term = TEXT.indexOf('不超过40%');
    const segs = splitBySpans(TEXT, [
      { start: 0, end: term + 3, kind: 'measure' },
      { start: term, end: term + 6, kind: 'term' },
    ]);
    const both = segs.find((s) => s.kinds.length === 2);
    expect(both?.text).toBe('不超过');
    expect(segs.find((s) => s.text === '40%')?.kinds).toEqual(['term']);
    expect(segs.at(-1)?.kinds).toEqual([]);
  });

  it('ignores empty and reversed spans and clamps spans past the end', () => {
    const segs = splitBySpans('abcdef', [
      { start: 2, end: 2, kind: 'term' },
      { start: 4, end: 1, kind: 'term' },
      { start: 4, end: 99, kind: 'measure' },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 4, text: 'abcd', kinds: [] },
      { start: 4, end: 6, text: 'ef', kinds: ['measure'] },
    ]);
  });

  it('merges neighbouring runs that carry the same marks', () => {
    const segs = splitBySpans('abcdef', [
      { start: 0, end: 3, kind: 'term' },
      { start: 3, end: 6, kind: 'term' },
    ]);
    expect(segs).toEqual([{ start: 0, end: 6, text: 'abcdef', kinds: ['term'] }]);
  });

  it('counts in UTF-16 code units as the server does', () => {
    const text = '𠀀额度50万元';
    const at = text.indexOf('50');
    const segs = splitBySpans(text, [{ start: at, end: at + 4, kind: 'term' }]);
    expect(segs.find((s) => s.kinds.includes('term'))?.text).toBe('50万元');
  });
});

describe('sentenceOffset', () => {
  it('finds the calculator sentence at or after the measure start', () => {
    const text = '甲。间接费用比例为不超过40%。间接费用比例为不超过40%。';
    expect(sentenceOffset(text, '间接费用比例为不超过40%', 10)).toBe(text.lastIndexOf('间接费用'));
    expect(sentenceOffset(text, '没有这句', 0)).toBeNull();
    expect(sentenceOffset(text, undefined, 7)).toBe(7);
  });
});

describe('selectionSpan', () => {
  it('orders a selection made backwards', () => {
    expect(selectionSpan({ segmentStart: 10, offset: 4 }, { segmentStart: 2, offset: 1 })).toEqual({ start: 3, end: 14 });
    expect(selectionSpan({ segmentStart: 5, offset: 0 }, { segmentStart: 0, offset: 5 })).toBeNull();
  });
});

describe('clauseAround', () => {
  it('widens a rate to the clause that states it', () => {
    const at = TEXT.indexOf('30%');
    const c = clauseAround(TEXT, { start: at, end: at + 3 });
    expect(TEXT.slice(c.start, c.end)).toBe('200万至500万元(含)以下的部分为不超过30%');
  });

  it('stops at the text ends and at the length limit', () => {
    expect(clauseAround('abc', { start: 1, end: 2 })).toEqual({ start: 0, end: 3 });
    const long = 'x'.repeat(50) + 'Y' + 'x'.repeat(50);
    expect(clauseAround(long, { start: 50, end: 51 }, 10)).toEqual({ start: 40, end: 61 });
  });
});
