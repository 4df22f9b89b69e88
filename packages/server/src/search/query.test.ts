import { SearchEngine } from '@scenebridge/search';
import { describe, expect, it } from 'vitest';
import type { ListingFields } from './listing-index.js';
import { runSearch } from './query.js';

function fields(i: number, o: Partial<ListingFields> = {}): ListingFields {
  return {
    listType: 'scenario_need', status: 'published', organizationId: `org${i % 3}`, organizationName: '单位', title: `视觉检测需求${i}`,
    sector: i % 2 ? 'manufacturing' : 'healthcare', sectors: [], techFields: ['computer_vision'], regionCode: '500112',
    budgetMin: null, budgetMax: 100, maturityTrl: null, contactPublic: false, createdAt: i, submittedAt: i, deadline: null,
    batchId: null, batchTitle: null, publishedAt: i, ...o,
  };
}

describe('runSearch with a query', () => {
  const engine = new SearchEngine<ListingFields>();
  engine.addAll(Array.from({ length: 30 }, (_, i) => ({
    id: `n${String(i).padStart(2, '0')}`, title: `视觉检测需求${i}`, text: `产线外观视觉检测${'缺陷'.repeat(1 + (i % 5))}。`, fields: fields(i),
  })));
  const viewer = { seesAll: false, organizationId: null };

  it('keeps the best matches up to the window, says so, and counts facets over exactly that set', () => {
    const r = runSearch(engine, viewer, '视觉 缺陷', {}, 'relevance', 10_000, 10);
    expect(r.total).toBe(10);
    expect(r.capped).toBe(true);
    expect(r.hits).toHaveLength(10);
    expect(r.facets.listType).toEqual([{ value: 'scenario_need', count: 10 }]);
    expect(r.facets.sector.reduce((a, f) => a + f.count, 0)).toBe(10);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i - 1]!.score).toBeGreaterThanOrEqual(r.hits[i]!.score);
  });

  it('under the window every match is a result; a ticked facet counts the results, the others what ticking adds', () => {
    const all = runSearch(engine, viewer, '视觉 缺陷', {}, 'relevance');
    expect(all.capped).toBe(false);
    expect(all.total).toBe(30);
    const ticked = runSearch(engine, viewer, '视觉 缺陷', { sector: ['manufacturing'] }, 'relevance');
    expect(ticked.total).toBe(15);
    expect(ticked.hits.every((h) => h.fields.sector === 'manufacturing')).toBe(true);
    expect(ticked.facets.sector).toEqual([{ value: 'healthcare', count: 15 }, { value: 'manufacturing', count: 15 }]);
    expect(ticked.facets.listType).toEqual([{ value: 'scenario_need', count: 15 }]);
  });

  it('hides what the viewer may not see', () => {
    const hidden = new SearchEngine<ListingFields>();
    hidden.addAll([
      { id: 'pub', title: '视觉检测', text: '视觉', fields: fields(1) },
      { id: 'sub', title: '视觉检测', text: '视觉', fields: fields(2, { status: 'submitted', organizationId: 'other' }) },
    ]);
    expect(runSearch(hidden, viewer, '视觉', {}, 'relevance').hits.map((h) => h.id)).toEqual(['pub']);
    expect(runSearch(hidden, { seesAll: false, organizationId: 'other' }, '视觉', {}, 'relevance').total).toBe(2);
  });
});
