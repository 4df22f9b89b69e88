import { describe, expect, it } from 'vitest';
import { mulberry32, Rng } from './random.js';

describe('Rng', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it('separates streams and accepts string seeds', () => {
    expect(new Rng(7, 'a').next()).not.toBe(new Rng(7, 'b').next());
    expect(new Rng('demo', 'a').next()).toBe(new Rng('demo', 'a').next());
  });

  it('int stays in range and reaches both ends', () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('shuffle is a permutation and weighted respects zero weights', () => {
    const rng = new Rng(5);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    for (let i = 0; i < 200; i++) expect(rng.weighted(['a', 'b', 'c'], [0, 1, 0])).toBe('b');
  });
});
