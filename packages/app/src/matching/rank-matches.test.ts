import { ROLES, SUBMISSION_STATES, type ListType } from '@scenebridge/domain';
import { SearchEngine } from '@scenebridge/search';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { viewerOf, type ListingFields, type Viewer } from '../search/index.js';
import { candidateTest, isCandidate } from './rank-matches.js';

function fields(o: { listType: ListType; status: string; org: number }): ListingFields {
  return {
    listType: o.listType,
    status: o.status,
    organizationId: `org${o.org}`,
    organizationName: '单位',
    title: '视觉检测',
    sector: 'manufacturing',
    sectors: [],
    techFields: [],
    regionCode: null,
    budgetMin: null,
    budgetMax: null,
    maturityTrl: null,
    contactPublic: false,
    createdAt: 0,
    submittedAt: 0,
    deadline: null,
    batchId: null,
    batchTitle: null,
    publishedAt: null,
  };
}

/** The system's viewer, or a signed-in or anonymous caller's, through the listing policy. */
const arbViewer: fc.Arbitrary<Viewer> = fc.oneof(
  fc.constant<Viewer>({ seesAll: true, organizationId: null }),
  fc.constant(viewerOf(null)),
  fc.record({ roles: fc.subarray([...ROLES], { minLength: 1 }), org: fc.nat(3) }).map(({ roles, org }) =>
    viewerOf({
      userId: 'u',
      email: 'u@x.cn',
      displayName: 'U',
      roles,
      organizationId: `org${org}`,
      organizationName: '单位',
      organizationStatus: 'approved',
      organizationKind: 'private_enterprise',
      sessionId: 's',
      csrfToken: 't',
    } satisfies Actor),
  ),
);

const arbListing = fc.record({
  listType: fc.constantFrom<ListType>('scenario_need', 'capability'),
  status: fc.constantFrom(...SUBMISSION_STATES.filter((s) => s !== 'draft')),
  org: fc.nat(3),
});

describe('the candidate test by document number', () => {
  it('agrees with isCandidate over fields for every listing, viewer and source, also after listings change', () => {
    fc.assert(
      fc.property(
        fc.array(arbListing, { minLength: 1, maxLength: 25 }),
        fc.array(arbListing, { maxLength: 5 }),
        arbViewer,
        arbListing,
        (listings, changes, viewer, sourceListing) => {
          const engine = new SearchEngine<ListingFields>({ synonyms: null });
          const add = (l: (typeof listings)[number], i: number) => engine.add({ id: `d${i}`, title: '视觉检测', fields: fields(l) });
          listings.forEach(add);
          const source = fields(sourceListing);
          const check = () => {
            const byDoc = candidateTest(engine, viewer, source);
            for (let d = 0; d < engine.slots; d++) {
              if (!engine.isLive(d)) continue;
              // The source's own id is left to the caller of candidateTest: use an id that is none of these.
              expect(byDoc(d)).toBe(isCandidate(viewer, source, 'source', engine.idAt(d), engine.fieldsAt(d)));
            }
          };
          check();
          // A changed listing gets a new document number; the table must follow.
          changes.forEach((l, i) => add(l, i % listings.length));
          check();
        },
      ),
      { numRuns: 150 },
    );
  });
});
