import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../engine.js';
import { candidateQuery, findNearDuplicates, ProfileCache } from './duplicates.js';
import { DIFFERENT_NEED_PAIRS, SAME_NEED_PAIRS } from './pairs.fixture.js';
import type { Listing } from './profile.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from './similarity.js';

interface Fields {
  org: string;
  listType: 'scenario_need' | 'capability';
}

/**
 * Indexed: both sides of each same-need pair (`same:<i>:b` rewords `same:<i>:a`) and the
 * second side of each different-need pair (`diff:<i>:b`), whose first side is left out as
 * it is often close to a same-need listing. A capability about steel defects as well.
 */
const listings = new Map<string, Listing & Fields>();
SAME_NEED_PAIRS.forEach((p, i) => {
  listings.set(`same:${i}:a`, { ...p.a, org: `org-a${i}`, listType: 'scenario_need' });
  listings.set(`same:${i}:b`, { ...p.b, org: `org-b${i}`, listType: 'scenario_need' });
});
DIFFERENT_NEED_PAIRS.forEach((p, i) => {
  listings.set(`diff:${i}:b`, { ...p.b, org: `org-d${i}`, listType: 'scenario_need' });
});
listings.set('cap:steel', {
  title: '钢材表面缺陷机器视觉在线检测系统',
  text: '面向热轧、冷轧钢板表面划伤、结疤、氧化皮等缺陷，提供工业相机与深度学习检测算法，已在多家钢厂应用。',
  org: 'supplier-1',
  listType: 'capability',
});

const engine = new SearchEngine<Fields>();
engine.addAll([...listings].map(([id, l]) => ({ id, title: l.title, text: l.text, fields: { org: l.org, listType: l.listType } })));
const textOf = (id: string) => listings.get(id);
const needsOnly = ({ fields }: { fields: Fields | undefined }) => fields?.listType === 'scenario_need';

describe('findNearDuplicates', () => {
  it.each(SAME_NEED_PAIRS.map((p, i) => [p.name, i] as const))('finds the rewording of an indexed need first: %s', (_name, i) => {
    const item = listings.get(`same:${i}:a`)!;
    const found = findNearDuplicates(engine, item, { textOf, excludeIds: [`same:${i}:a`], filter: needsOnly });
    expect(found[0]?.id).toBe(`same:${i}:b`);
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(found.filter((f) => f.id.startsWith('diff:'))).toEqual([]);
  });

  it.each(DIFFERENT_NEED_PAIRS.map((p, i) => [p.name, i] as const))('does not offer a look-alike different need: %s', (_name, i) => {
    const found = findNearDuplicates(engine, DIFFERENT_NEED_PAIRS[i]!.a, { textOf, filter: needsOnly });
    expect(found.map((f) => f.id)).not.toContain(`diff:${i}:b`);
  });

  it('finds a draft that is not indexed yet, with reasons, sorted by similarity', () => {
    const draft = {
      title: '热轧钢板表面瑕疵智能识别',
      text: '热轧产线钢板表面划伤、结疤等瑕疵依靠人工目检，漏检较多，希望利用机器视觉实现自动识别。',
    };
    const found = findNearDuplicates(engine, draft, { textOf, limit: 5 });
    expect(found.length).toBeGreaterThan(0);
    for (let k = 1; k < found.length; k++) expect(found[k - 1]!.similarity).toBeGreaterThanOrEqual(found[k]!.similarity);
    expect(found.map((f) => f.id)).toEqual(expect.arrayContaining(['same:0:a', 'same:0:b']));
    const top = found.find((f) => f.id === 'same:0:a')!;
    expect(top.reasons.sharedTerms).toEqual(expect.arrayContaining(['钢板', '瑕疵']));
    expect(top.reasons.signals.words).toBeGreaterThan(0);
  });

  it('excludes ids, applies the filter and the threshold', () => {
    const item = listings.get('same:0:a')!;
    const all = findNearDuplicates(engine, item, { textOf, threshold: 0 });
    expect(all.map((f) => f.id)).toContain('same:0:a'); // itself, unless excluded
    expect(all.every((f) => f.similarity >= 0)).toBe(true);

    const noSelf = findNearDuplicates(engine, item, { textOf, excludeIds: ['same:0:a'] });
    expect(noSelf.map((f) => f.id)).not.toContain('same:0:a');

    const capsOnly = findNearDuplicates(engine, item, {
      textOf,
      filter: ({ fields }) => fields?.listType === 'capability',
      threshold: 0.1,
    });
    expect(capsOnly.map((f) => f.id)).toEqual(['cap:steel']);

    const strict = findNearDuplicates(engine, item, { textOf, excludeIds: ['same:0:a'], threshold: 0.99 });
    expect(strict).toEqual([]);
  });

  it('skips candidates whose text is unknown', () => {
    const item = listings.get('same:1:a')!;
    const found = findNearDuplicates(engine, item, {
      textOf: (id) => (id === 'same:1:b' ? undefined : listings.get(id)),
      excludeIds: ['same:1:a'],
    });
    expect(found.map((f) => f.id)).not.toContain('same:1:b');
  });

  it('queries with the title and the opening of the description', () => {
    const q = candidateQuery({ title: '标题', text: `${'甲'.repeat(200)}乙` }, 10);
    expect(q).toBe(`标题 ${'甲'.repeat(10)}`);
  });
});

describe('ProfileCache', () => {
  it('gives the same results as profiling afresh, reuses a profile for the same text and not for an edited one', () => {
    const cache = new ProfileCache(1_000);
    const draft = SAME_NEED_PAIRS[0]!.a;
    const plain = findNearDuplicates(engine, draft, { textOf, threshold: 0 });
    expect(findNearDuplicates(engine, draft, { textOf, threshold: 0, profiles: cache })).toEqual(plain);
    expect(findNearDuplicates(engine, draft, { textOf, threshold: 0, profiles: cache })).toEqual(plain);
    expect(cache.size).toBeGreaterThan(0);

    const deps = { segmenter: engine.segmenter };
    const listing = listings.get('cap:steel')!;
    const first = cache.profileOf('cap:steel', listing, deps);
    expect(cache.profileOf('cap:steel', { ...listing }, deps)).toBe(first);
    const edited = cache.profileOf('cap:steel', { ...listing, text: `${listing.text}另可检测镀锌板。` }, deps);
    expect(edited).not.toBe(first);
    expect(edited.key).not.toBe(first.key);
  });

  it('keeps at most its size, dropping the least recently used', () => {
    const cache = new ProfileCache(2);
    const deps = { segmenter: engine.segmenter };
    const [a, b, c] = ['same:0:a', 'same:1:a', 'same:2:a'].map((id) => [id, listings.get(id)!] as const);
    const pa = cache.profileOf(...a!, deps);
    cache.profileOf(...b!, deps);
    cache.profileOf(...a!, deps); // a is now the most recent
    cache.profileOf(...c!, deps); // b leaves
    expect(cache.size).toBe(2);
    expect(cache.profileOf(...a!, deps)).toBe(pa);
  });
});
