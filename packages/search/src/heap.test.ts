import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TopK } from './heap.js';

describe('TopK', () => {
  it('keeps the k best, best first, ties by lower doc number', () => {
    const rnd = (() => {
      let s = 7;
      return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();
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

describe('TopK.drain', () => {
  it('gives the same entries in the same order as sorted(), and leaves the heap empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (k, scores) => {
        const a = new TopK(k),
          b = new TopK(k);
        scores.forEach((s, d) => {
          a.push(s, d);
          b.push(s, d);
        });
        const want = a.sorted();
        expect([...a.unorderedDocs()].sort((x, y) => x - y)).toEqual(want.map((x) => x.doc).sort((x, y) => x - y));
        const got = b.drain();
        expect([...got.docs]).toEqual(want.map((x) => x.doc));
        expect([...got.scores]).toEqual(want.map((x) => x.score));
        expect(b.size).toBe(0);
      }),
    );
  });
});
