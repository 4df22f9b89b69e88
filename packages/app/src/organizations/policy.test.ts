import type { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { lifecycleActors, mayGrantRoles, organizationDirectoryPolicy, organizationPolicy } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (organizationId: string, roles: Actor['roles']): Actor => testActor(roles, { organizationId });
const orgA = { id: 'a' };
const operator = actor('platform', ['operator']);
const adminA = actor('a', ['org_admin']);
const memberA = actor('a', ['org_member']);
const adminB = actor('b', ['org_admin']);
const reviewer = actor('platform', ['reviewer']);

const answer = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).status;
  }
};

describe('organizationPolicy', () => {
  it('shows an organisation to the operator and its own users only', () => {
    expect([operator, adminA, memberA, adminB, reviewer, null].map((a) => organizationPolicy.allow(a, 'view', orgA))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('lets the operator and the organisation’s admins manage its users; a member is refused, others are told it is missing', () => {
    expect(
      [operator, adminA, memberA, adminB, reviewer].map((a) => answer(() => organizationPolicy.authorize(a, 'manageUsers', orgA))),
    ).toEqual(['allowed', 'allowed', 403, 404, 404]);
  });

  it('gives platform roles only through the operator', () => {
    expect(mayGrantRoles(adminA, orgA, ['org_admin', 'org_member'])).toBe(true);
    expect(mayGrantRoles(adminA, orgA, ['org_member', 'operator'])).toBe(false);
    expect(mayGrantRoles(operator, orgA, ['reviewer'])).toBe(true);
  });

  it('names the lifecycle capacities the state machine decides with', () => {
    expect(lifecycleActors(operator, orgA)).toEqual(['operator']);
    expect(lifecycleActors(adminA, orgA)).toEqual(['owner']);
    expect(lifecycleActors(memberA, orgA)).toEqual([]);
    expect(lifecycleActors(adminB, orgA)).toEqual([]);
    expect(lifecycleActors(actor('a', ['operator', 'org_admin']), orgA)).toEqual(['operator', 'owner']);
  });
});

describe('organizationDirectoryPolicy', () => {
  it('lists all organisations for the operator; everyone else gets 403, not 404', () => {
    expect([operator, adminA, reviewer, null].map((a) => answer(() => organizationDirectoryPolicy.authorize(a, 'list', null)))).toEqual([
      'allowed',
      403,
      403,
      403,
    ]);
  });
});
