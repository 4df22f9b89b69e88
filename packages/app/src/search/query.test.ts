import { ROLES, type ListType } from '@scenebridge/domain';
import { SearchEngine } from '@scenebridge/search';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import type { ListingFields } from './listing-index.js';
import { listingPolicy, viewerOf, type Viewer } from './policy.js';
import { FACETS, facetValues, runSearch, type Facet, type SearchFilters, type SearchOutcome } from './query.js';

/** The results as objects, for reading in tests. */
function hitsOf(r: SearchOutcome, engine?: SearchEngine<ListingFields>) {
  return r.ids.map((id, i) => ({ id, score: r.scores[i]!, fields: engine?.fieldsOf(id) as ListingFields }));
}

const orgUser = (organizationId: string, roles: Actor['roles'] = ['org_admin']): Actor => ({
  userId: 'u',
  email: 'u@x.cn',
  displayName: 'U',
  roles,
  organizationId,
  organizationName: '单位',
  organizationStatus: 'approved',
  organizationKind: 'private_enterprise',
  sessionId: 's',
  csrfToken: 't',
});

function fields(i: number, o: Partial<ListingFields> = {}): ListingFields {
  return {
    listType: 'scenario_need',
    status: 'published',
    organizationId: `org${i % 3}`,
    organizationName: '单位',
    title: `视觉检测需求${i}`,
    sector: i % 2 ? 'manufacturing' : 'healthcare',
    sectors: [],
    techFields: ['computer_vision'],
    regionCode: '500112',
    budgetMin: null,
    budgetMax: 100,
    maturityTrl: null,
    contactPublic: false,
    createdAt: i,
    submittedAt: i,
    deadline: null,
    batchId: null,
    batchTitle: null,
    publishedAt: i,
    ...o,
  };
}

describe('runSearch with a query', () => {
  const engine = new SearchEngine<ListingFields>();
  engine.addAll(
    Array.from({ length: 30 }, (_, i) => ({
      id: `n${String(i).padStart(2, '0')}`,
      title: `视觉检测需求${i}`,
      text: `产线外观视觉检测${'缺陷'.repeat(1 + (i % 5))}。`,
      fields: fields(i),
    })),
  );
  const viewer = viewerOf(null);

  it('keeps the best matches up to the window, says so, and counts facets over exactly that set', () => {
    const r = runSearch(engine, viewer, '视觉 缺陷', {}, 'relevance', 10_000, 10);
    expect(r.total).toBe(10);
    expect(r.capped).toBe(true);
    expect(hitsOf(r)).toHaveLength(10);
    expect(r.facets.listType).toEqual([{ value: 'scenario_need', count: 10 }]);
    expect(r.facets.sector.reduce((a, f) => a + f.count, 0)).toBe(10);
    for (let i = 1; i < hitsOf(r).length; i++) expect(hitsOf(r)[i - 1]!.score).toBeGreaterThanOrEqual(hitsOf(r)[i]!.score);
  });

  it('under the window every match is a result; a ticked facet counts the results, the others what ticking adds', () => {
    const all = runSearch(engine, viewer, '视觉 缺陷', {}, 'relevance');
    expect(all.capped).toBe(false);
    expect(all.total).toBe(30);
    const ticked = runSearch(engine, viewer, '视觉 缺陷', { sector: ['manufacturing'] }, 'relevance');
    expect(ticked.total).toBe(15);
    expect(hitsOf(ticked, engine).every((h) => h.fields.sector === 'manufacturing')).toBe(true);
    expect(ticked.facets.sector).toEqual([
      { value: 'healthcare', count: 15 },
      { value: 'manufacturing', count: 15 },
    ]);
    expect(ticked.facets.listType).toEqual([{ value: 'scenario_need', count: 15 }]);
  });

  it('hides what the viewer may not see', () => {
    const hidden = new SearchEngine<ListingFields>();
    hidden.addAll([
      { id: 'pub', title: '视觉检测', text: '视觉', fields: fields(1) },
      { id: 'sub', title: '视觉检测', text: '视觉', fields: fields(2, { status: 'submitted', organizationId: 'other' }) },
    ]);
    expect(hitsOf(runSearch(hidden, viewer, '视觉', {}, 'relevance')).map((h) => h.id)).toEqual(['pub']);
    expect(runSearch(hidden, viewerOf(orgUser('other')), '视觉', {}, 'relevance').total).toBe(2);
    expect(runSearch(hidden, viewerOf(orgUser('other', ['reviewer'])), '视觉', {}, 'relevance').total).toBe(1);
  });
});

/**
 * The search as defined, written the slow and obvious way over the fields objects: what the
 * typed-array implementation must agree with.
 */
function reference(engine: SearchEngine<ListingFields>, caller: Actor | null | 'system', q: string, filters: SearchFilters) {
  const active = FACETS.filter((f) => (filters[f]?.length ?? 0) > 0);
  const passes = (f: ListingFields, skip?: Facet) =>
    active.every((a) => a === skip || facetValues(f, a).some((v) => (filters[a] as readonly string[]).includes(v)));
  let pool: Array<{ id: string; fields: ListingFields }> = [];
  if (q.trim()) {
    pool = engine
      .search(q, { limit: 1_000_000, minBigramCoverage: 0.5, minRelativeScore: 0.15, preferWordMatches: true })
      .map((h) => ({ id: h.id, fields: h.fields! }));
  } else engine.forEach((d) => pool.push({ id: d.id, fields: d.fields! }));
  pool = pool.filter((d) => caller === 'system' || listingPolicy.allow(caller, 'view', d.fields));
  const counts: Record<string, Record<string, number>> = {};
  for (const facet of FACETS) {
    const c: Record<string, number> = {};
    for (const d of pool) if (passes(d.fields, facet)) for (const v of facetValues(d.fields, facet)) c[v] = (c[v] ?? 0) + 1;
    counts[facet] = c;
  }
  return {
    ids: pool
      .filter((d) => passes(d.fields))
      .map((d) => d.id)
      .sort(),
    counts,
  };
}

const asCounts = (facets: Record<string, Array<{ value: string; count: number }>>) =>
  Object.fromEntries(Object.entries(facets).map(([k, v]) => [k, Object.fromEntries(v.map((x) => [x.value, x.count]))]));

describe('runSearch agrees with the definition', () => {
  const SECTORS = ['manufacturing', 'healthcare', 'city'];
  const TECH = ['computer_vision', 'nlp', 'robotics'];
  const TITLES = ['视觉检测需求', '智能客服平台', '巡检机器人', '视觉导航机器人', '缺陷检测系统'];
  const arbListing = fc.record({
    title: fc.constantFrom(...TITLES),
    capability: fc.boolean(),
    status: fc.constantFrom('submitted', 'published', 'selected'),
    org: fc.integer({ min: 0, max: 3 }),
    sector: fc.constantFrom(...SECTORS),
    tech: fc.subarray(TECH),
    region: fc.constantFrom('500112', '500103', null),
    budget: fc.option(fc.integer({ min: 1, max: 2000 })),
    trl: fc.option(fc.integer({ min: 1, max: 9 })),
  });
  const arbFilters = fc.record({
    sector: fc.option(fc.subarray(SECTORS, { minLength: 1 }), { nil: undefined }),
    techField: fc.option(fc.subarray(TECH, { minLength: 1 }), { nil: undefined }),
    listType: fc.option(fc.constantFrom<ListType[]>(['scenario_need'], ['capability']), { nil: undefined }),
    status: fc.option(fc.constantFrom<string[]>(['published'], ['submitted', 'selected']), { nil: undefined }),
  });

  it('result set and every facet count, with and without a query, as listings are added, changed and removed', () => {
    fc.assert(
      fc.property(
        fc.array(arbListing, { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }),
        arbFilters,
        fc.constantFrom('', '视觉', '机器人 检测', '智能客服'),
        fc.oneof(
          fc.constant<'system' | null>('system'),
          fc.constant(null),
          fc
            .record({ roles: fc.subarray([...ROLES], { minLength: 1 }), org: fc.constantFrom('org1', 'org9') })
            .map((c) => orgUser(c.org, c.roles)),
        ),
        (listings, removals, filters, q, caller) => {
          const engine = new SearchEngine<ListingFields>({ synonyms: null });
          const viewer: Viewer = caller === 'system' ? { seesAll: true, organizationId: null } : viewerOf(caller);
          const doc = (l: (typeof listings)[number], i: number) => ({
            id: `x${i}`,
            title: l.title,
            text: `${l.title}。`,
            fields: fields(i, {
              listType: l.capability ? 'capability' : 'scenario_need',
              status: l.status,
              organizationId: `org${l.org}`,
              title: l.title,
              sector: l.sector,
              sectors: l.capability ? [l.sector, 'city'] : [],
              techFields: l.tech,
              regionCode: l.region,
              budgetMax: l.budget,
              maturityTrl: l.trl,
            }),
          });
          const check = () => {
            const r = runSearch(engine, viewer, q, filters, 'relevance');
            const want = reference(engine, caller, q, filters);
            expect(
              hitsOf(r)
                .map((h) => h.id)
                .sort(),
            ).toEqual(want.ids);
            expect(r.total).toBe(want.ids.length);
            expect(asCounts(r.facets)).toEqual(want.counts);
          };
          const half = Math.ceil(listings.length / 2);
          listings.slice(0, half).forEach((l, i) => engine.add(doc(l, i)));
          check();
          // Later listings, a changed one (added again under the same id) and removals reach a table built before.
          listings.slice(half).forEach((l, i) => engine.add(doc(l, half + i)));
          engine.add(doc({ ...listings[0]!, sector: 'city', status: 'published' }, 0));
          for (const r of removals) engine.remove(`x${r}`);
          check();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('without a query, sorts newest first by default and by deadline on request', () => {
    const engine = new SearchEngine<ListingFields>();
    engine.addAll([
      { id: 'a', title: '甲', fields: fields(1, { publishedAt: 10, deadline: 300 }) },
      { id: 'b', title: '乙', fields: fields(2, { publishedAt: 30, deadline: null }) },
      { id: 'c', title: '丙', fields: fields(3, { publishedAt: 20, deadline: 100 }) },
    ]);
    const viewer = { seesAll: true, organizationId: null };
    expect(hitsOf(runSearch(engine, viewer, '', {}, 'relevance')).map((h) => h.id)).toEqual(['b', 'c', 'a']);
    expect(hitsOf(runSearch(engine, viewer, '', {}, 'deadline')).map((h) => h.id)).toEqual(['c', 'a', 'b']);
    expect(hitsOf(runSearch(engine, viewer, '', {}, 'newest', 2)).map((h) => h.id)).toEqual(['b', 'c']);
  });
});
