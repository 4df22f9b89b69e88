import { ROLES, SUBMISSION_STATES } from '@scenebridge/domain';
import { SearchEngine } from '@scenebridge/search';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { docTableOf } from './doc-table.js';
import type { ListingFields } from './listing-index.js';
import { listingPolicy, viewerOf } from './policy.js';

const fields = (status: string, org: number): ListingFields => ({
  listType: 'scenario_need',
  status,
  organizationId: `org${org}`,
  organizationName: '单位',
  title: '视觉检测',
  sector: null,
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
});

const arbListing = fc.record({ status: fc.constantFrom(...SUBMISSION_STATES.filter((s) => s !== 'draft')), org: fc.nat(3) });
const arbActor = fc.option(
  fc.record({ roles: fc.subarray([...ROLES]), org: fc.nat(4) }).map(({ roles, org }): Actor => ({
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
  })),
  { nil: null },
);

describe("the doc table's visibility", () => {
  it("is the listing policy's view rule for every document and caller, also as listings come and change", () => {
    fc.assert(
      fc.property(
        fc.array(arbListing, { minLength: 1, maxLength: 30 }),
        fc.array(arbListing, { maxLength: 8 }),
        fc.array(arbActor, { minLength: 1, maxLength: 4 }),
        (listings, later, callers) => {
          const engine = new SearchEngine<ListingFields>({ synonyms: null });
          const add = (l: (typeof listings)[number], i: number) =>
            engine.add({ id: `d${i}`, title: '视觉检测', fields: fields(l.status, l.org) });
          const check = () => {
            for (const caller of callers) {
              const visible = docTableOf(engine).visibility(viewerOf(caller));
              for (let d = 0; d < engine.slots; d++) {
                if (!engine.isLive(d)) continue;
                expect(visible(d)).toBe(listingPolicy.allow(caller, 'view', engine.fieldsAt(d)!));
              }
            }
          };
          listings.forEach(add);
          check();
          // Changed listings get new document numbers (statuses maybe new to the table): the cached status sets must follow.
          later.forEach((l, i) => add(l, i % listings.length));
          check();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lets the system see everything without asking', () => {
    const engine = new SearchEngine<ListingFields>({ synonyms: null });
    engine.add({ id: 'x', title: '视觉检测', fields: fields('submitted', 1) });
    expect(docTableOf(engine).visibility({ seesAll: true, organizationId: null })(0)).toBe(true);
    expect(docTableOf(engine).visibility({ seesAll: false, organizationId: null })(0)).toBe(false);
  });
});
