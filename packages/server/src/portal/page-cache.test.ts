import { describe, expect, it } from 'vitest';
import { cachedPage, publicationChanged } from './page-cache.js';

describe('public page cache', () => {
  it('serves a fresh copy within the TTL, renders again after it or after a publication', async () => {
    let renders = 0;
    const render = async () => `page ${++renders}`;
    expect(await cachedPage('k', 1_000, render)).toBe('page 1');
    expect(await cachedPage('k', 5_000, render)).toBe('page 1');
    expect(await cachedPage('other', 5_000, render)).toBe('page 2');
    expect(await cachedPage('k', 11_001, render)).toBe('page 3');
    publicationChanged();
    expect(await cachedPage('k', 11_002, render)).toBe('page 4');
  });

  it('does not keep a page rendered while a publication happened', async () => {
    let n = 0;
    const slow = async () => {
      publicationChanged();
      return `stale ${++n}`;
    };
    expect(await cachedPage('race', 0, slow)).toBe('stale 1');
    expect(await cachedPage('race', 1, async () => 'fresh')).toBe('fresh');
  });
});
