import { describe, expect, it } from 'vitest';
import { measureTexts } from './measure-text.js';

const TEXT = '一、支持研发。对研发投入给予补助。（一）对首次认定的给予奖励。（二）对复审通过的给予奖励。二、2026年起，支持人才引进。';
const at = (s: string) => TEXT.indexOf(s);
const measures = [
  { path: '1', marker: '一、', heading: '支持研发', spanStart: at('一、'), spanEnd: at('二、') },
  { path: '1.1', marker: '（一）', heading: '对首次认定的给予奖励', spanStart: at('（一）'), spanEnd: at('（二）') },
  { path: '1.2', marker: '（二）', heading: null, spanStart: at('（二）'), spanEnd: at('二、') },
  { path: '2', marker: '二、', heading: '支持人才引进', spanStart: at('二、'), spanEnd: TEXT.length },
];

describe('measureTexts', () => {
  const [one, oneOne, oneTwo, two] = measureTexts(TEXT, measures);

  it("ends a parent's own text at its first child and a leaf at its span end", () => {
    expect(TEXT.slice(one!.own.start, one!.own.end)).toBe('一、支持研发。对研发投入给予补助。');
    expect(TEXT.slice(oneTwo!.own.start, oneTwo!.own.end)).toBe('（二）对复审通过的给予奖励。');
  });

  it('starts the body after the marker and a leading heading with its closing mark', () => {
    expect(one!.headingLeads).toBe(true);
    expect(TEXT.slice(one!.headingStart, one!.headingStart + 4)).toBe('支持研发');
    expect(TEXT.slice(one!.bodyStart, one!.own.end)).toBe('对研发投入给予补助。');
    expect(TEXT.slice(oneOne!.bodyStart, oneOne!.own.end)).toBe('');
    expect(TEXT.slice(oneTwo!.bodyStart, oneTwo!.own.end)).toBe('对复审通过的给予奖励。');
  });

  it('keeps a heading that does not follow the marker inside the body', () => {
    expect(two!.headingLeads).toBe(false);
    expect(TEXT.slice(two!.bodyStart, two!.own.end)).toBe('2026年起，支持人才引进。');
  });
});
