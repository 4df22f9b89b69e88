import { describe, expect, it } from 'vitest';
import { batchNumberInTitle, parseChineseNumber, suggestBatchNumber } from './batch-number.js';

describe('the suggested batch number', () => {
  it('reads Chinese and Arabic numerals', () => {
    for (const [text, n] of [
      ['五', 5],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['二十三', 23],
      ['一百零三', 103],
      ['两', 2],
      ['12', 12],
    ] as const)
      expect(parseChineseNumber(text), text).toBe(n);
    expect(parseChineseNumber('几')).toBeNull();
  });

  it('finds the batch a call title names', () => {
    expect(batchNumberInTitle('2026年第五批人工智能场景需求征集')).toBe(5);
    expect(batchNumberInTitle('第 3 批 能力征集')).toBe(3);
    expect(batchNumberInTitle('2026年第三季度人工智能场景需求征集')).toBeNull();
  });

  it('suggests the title’s number when it is free, else the next of the year', () => {
    const none = () => false;
    expect(suggestBatchNumber('2026年第五批场景需求征集', 2, none, [1, 999])).toEqual({ number: 5, source: 'call_title' });
    expect(suggestBatchNumber('2026年第五批场景需求征集', 2, (n) => n === 5, [1, 999])).toEqual({ number: 2, source: 'sequence' });
    expect(suggestBatchNumber('2026年第三季度场景需求征集', 2, none, [1, 999])).toEqual({ number: 2, source: 'sequence' });
    expect(suggestBatchNumber('第一千批', 2, none, [1, 999])).toEqual({ number: 2, source: 'sequence' });
  });
});
