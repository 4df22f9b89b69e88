import { ROLES, SUBMISSION_STATES, type Role } from '@scenebridge/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { listingPolicy, ownsListing, viewerOf, viewerSees } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Role[], organizationId = 'a'): Actor => testActor(roles, { organizationId });

const submitted = { status: 'submitted', organizationId: 'a' };
const published = { status: 'published', organizationId: 'a' };

describe('listingPolicy', () => {
  it('shows published listings to everyone, anonymous callers included', () => {
    for (const who of [null, actor(['org_member'], 'b'), actor(['reviewer'], 'b')])
      expect(listingPolicy.allow(who, 'view', published)).toBe(true);
  });

  it('shows an unpublished listing to its own organisation, operators and brokers, and to no one else (404)', () => {
    expect(listingPolicy.allow(actor(['org_admin']), 'view', submitted)).toBe(true);
    expect(listingPolicy.allow(actor(['org_member']), 'view', submitted)).toBe(true);
    expect(listingPolicy.allow(actor(['operator'], 'ops'), 'view', submitted)).toBe(true);
    expect(listingPolicy.allow(actor(['broker'], 'brokers'), 'view', submitted)).toBe(true);
    expect(listingPolicy.allow(actor(['org_admin'], 'b'), 'view', submitted)).toBe(false);
    expect(listingPolicy.allow(null, 'view', submitted)).toBe(false);
    // A reviewer is no user of the organisation it belongs to, for listings.
    expect(listingPolicy.allow(actor(['reviewer']), 'view', submitted)).toBe(false);
    expect(() => listingPolicy.authorize(actor(['org_admin'], 'b'), 'view', submitted)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: '条目不存在或无权访问' }),
    );
  });

  it('shows an unpublished listing to a user of an organisation on the other side of an interest naming it', () => {
    expect(listingPolicy.allow(actor(['org_member'], 'b'), 'view', { ...submitted, interestPartyId: 'b' })).toBe(true);
    expect(listingPolicy.allow(actor(['org_member'], 'c'), 'view', { ...submitted, interestPartyId: 'b' })).toBe(false);
    expect(listingPolicy.allow(actor(['reviewer'], 'b'), 'view', { ...submitted, interestPartyId: 'b' })).toBe(false);
  });

  it('shows a private contact only to the own organisation, operators and brokers', () => {
    expect(listingPolicy.allowedActions(actor(['org_admin']), published)).toEqual(['view', 'viewContact']);
    expect(listingPolicy.allowedActions(actor(['broker'], 'x'), submitted)).toEqual(['view', 'viewContact']);
    expect(listingPolicy.allowedActions(actor(['org_admin'], 'b'), published)).toEqual(['view']);
    expect(listingPolicy.allowedActions(null, published)).toEqual(['view']);
    expect(ownsListing(actor(['org_admin'], 'b'), { ...published, interestPartyId: 'b' })).toBe(false);
  });

  it("reads a listing owner only as the caller's organisation or another one, which is what the doc table relies on", () => {
    const arbActor = fc.option(
      fc.record({ roles: fc.subarray([...ROLES]), org: fc.constantFrom('a', 'b') }).map((c) => actor(c.roles, c.org)),
      { nil: null },
    );
    fc.assert(
      fc.property(arbActor, fc.constantFrom(...SUBMISSION_STATES), fc.constantFrom('a', 'b', 'c', 'd'), (who, status, owner) => {
        const viewer = viewerOf(who);
        const other = ['c', 'd'].find((o) => o !== owner)!;
        const asOther = who && owner === who.organizationId ? owner : other;
        expect(listingPolicy.allow(who, 'view', { status, organizationId: owner })).toBe(
          listingPolicy.allow(who, 'view', { status, organizationId: asOther }),
        );
        expect(viewerSees(viewer, { status, organizationId: owner })).toBe(
          listingPolicy.allow(who, 'view', { status, organizationId: owner }),
        );
      }),
    );
  });
});
