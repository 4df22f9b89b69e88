import { describe, expect, it } from 'vitest';
import { TopK } from './heap.js';

describe('TopK', () => {
  it('keeps the k best, best first, ties by lower doc number', () => {
    const rnd = (() => { let s = 7; return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31); })();
    const all: Array<{ doc: number; score: number }> = [];
    const top = new TopK(10);
    for (let d = 0; d < 1000; d++) {
      const score = Math.floor(rnd() * 50);
      all.push({ doc: d, score });
      top.push(score, d);
    }
    const expected = all.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, 10);
    expect(top.sorted()).toEqual(expected);
  });
});
