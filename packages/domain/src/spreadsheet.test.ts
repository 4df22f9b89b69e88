import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, spreadsheetCell, toCsv } from './spreadsheet.js';

describe('formula neutralisation', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://evil.example","点击")', '\'=HYPERLINK("http://evil.example","点击")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('%j becomes text', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('leaves ordinary text, numbers and dates alone', () => {
    expect(neutraliseFormula('智能制造视觉质检')).toBe('智能制造视觉质检');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(spreadsheetCell(-5)).toBe(-5);
    const d = new Date(0);
    expect(spreadsheetCell(d)).toBe(d);
    expect(spreadsheetCell(null)).toBe(null);
  });

  it('no neutralised text starts a formula, and nothing else changes', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseFormula(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });

  it('CSV fields are neutralised inside their quotes, numbers are not', () => {
    expect(csvField('=1+2,3')).toBe('"\'=1+2,3"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(['=a', 'b'])).toBe("'=a、b");
    expect(toCsv(['标题'], [['=HYPERLINK("x")']])).toBe('\uFEFF标题\r\n"\'=HYPERLINK(""x"")"');
  });
});
