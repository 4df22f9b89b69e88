import type { Role } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import {
  authorizeExpressingInterest,
  authorizeMatching,
  interestPolicy,
  listingInterestsPolicy,
  MATCHING,
  matchingPolicy,
} from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Role[], organizationId = 'a', organizationStatus = 'approved'): Actor =>
  testActor(roles, { organizationId, organizationStatus });
const codeOf = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

const need = (organizationId: string, status = 'published') => ({ status, organizationId });
const capability = need;

describe('matchingPolicy', () => {
  it('lets operators and brokers curate match results, and no one else (403 whatever the listing)', () => {
    expect(matchingPolicy.allow(actor(['operator']), 'curate', MATCHING)).toBe(true);
    expect(matchingPolicy.allow(actor(['broker']), 'curate', MATCHING)).toBe(true);
    for (const roles of [['org_admin'], ['org_member'], ['reviewer']] as Role[][]) {
      expect(codeOf(() => authorizeMatching(actor(roles), 'curate'))).toBe('FORBIDDEN');
    }
    expect(matchingPolicy.allow(null, 'curate', MATCHING)).toBe(false);
  });

  it('lets only users of an approved organisation express interest', () => {
    expect(codeOf(() => authorizeExpressingInterest(actor(['org_member'])))).toBe('allowed');
    expect(codeOf(() => authorizeExpressingInterest(actor(['org_admin'], 'a', 'pending')))).toBe('ORGANIZATION_NOT_APPROVED');
    expect(codeOf(() => authorizeExpressingInterest(actor(['broker'])))).toBe('FORBIDDEN');
    expect(codeOf(() => authorizeExpressingInterest(actor(['operator'])))).toBe('FORBIDDEN');
  });
});

describe('interestPolicy', () => {
  it('lets an organisation express interest only from its own side of the pair', () => {
    expect(interestPolicy.allow(actor(['org_admin'], 'a'), 'express', { need: need('a'), capability: capability('c') })).toBe(true);
    expect(interestPolicy.allow(actor(['org_member'], 'c'), 'express', { need: need('a'), capability: capability('c') })).toBe(true);
    expect(interestPolicy.allow(actor(['org_admin'], 'b'), 'express', { need: need('a'), capability: capability('c') })).toBe(false);
    expect(interestPolicy.allow(actor(['reviewer'], 'a'), 'express', { need: need('a'), capability: capability('c') })).toBe(false);
  });

  it('sees a pair only when both listings are visible', () => {
    expect(interestPolicy.allow(actor(['org_admin'], 'b'), 'view', { need: need('a'), capability: capability('c', 'submitted') })).toBe(
      false,
    );
    expect(interestPolicy.allow(actor(['org_admin'], 'c'), 'view', { need: need('a'), capability: capability('c', 'submitted') })).toBe(
      true,
    );
  });
});

describe('listingInterestsPolicy', () => {
  it('shows every interest on a listing to its organisation, operators and brokers; others see only theirs', () => {
    expect(listingInterestsPolicy.allowedActions(actor(['org_member'], 'a'), need('a'))).toEqual(['view', 'viewAll']);
    expect(listingInterestsPolicy.allowedActions(actor(['operator'], 'x'), need('a', 'submitted'))).toEqual(['view', 'viewAll']);
    expect(listingInterestsPolicy.allowedActions(actor(['broker'], 'x'), need('a'))).toEqual(['view', 'viewAll']);
    expect(listingInterestsPolicy.allowedActions(actor(['org_admin'], 'b'), need('a'))).toEqual(['view']);
    expect(listingInterestsPolicy.allowedActions(actor(['org_admin'], 'b'), need('a', 'submitted'))).toEqual([]);
  });
});
