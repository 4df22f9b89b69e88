import { CALL_STATES, DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { callMachineActors, callPolicy, callsPolicy, visibleCallStatuses } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles'], organizationId = 'platform'): Actor => testActor(roles, { organizationId });
const operator = actor(['operator']);
const others = [null, actor(['org_admin'], 'A'), actor(['org_member'], 'A'), actor(['reviewer']), actor(['broker'])];

const outcome = (f: () => unknown) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status}:${(e as DomainError).code}`;
  }
};

describe('callPolicy', () => {
  it('shows operators every call and everyone else, anonymous too, all but drafts and cancelled calls', () => {
    for (const status of CALL_STATES) expect(callPolicy.allow(operator, 'view', { status })).toBe(true);
    for (const a of others) {
      const seen = CALL_STATES.filter((status) => callPolicy.allow(a, 'view', { status }));
      expect(seen).toEqual(['scheduled', 'open', 'closed', 'reviewing', 'results_published']);
      expect(outcome(() => callPolicy.authorize(a, 'view', { status: 'draft' }))).toBe('404:NOT_FOUND');
    }
  });

  it('filters lists by the same rule: the statuses listed are exactly those the caller may view', () => {
    expect(visibleCallStatuses(operator)).toBeUndefined();
    for (const a of others) {
      expect([...visibleCallStatuses(a)!].sort()).toEqual(CALL_STATES.filter((status) => callPolicy.allow(a, 'view', { status })).sort());
    }
  });

  it('offers transitions to operators only; the clock acts as the system', () => {
    expect(callPolicy.allowedActions(operator, { status: 'draft' })).toEqual(['view', 'transition']);
    for (const a of others) expect(callPolicy.allowedActions(a, { status: 'open' })).toEqual(['view']);
    expect(callMachineActors(operator, { status: 'open' })).toEqual(['operator']);
    expect(callMachineActors(others[1]!, { status: 'open' })).toEqual([]);
    expect(callMachineActors(null, { status: 'open' })).toEqual(['system']);
  });
});

describe('callsPolicy', () => {
  it('refuses creating and managing calls with 403 to every non-operator, before any call is read', () => {
    for (const action of ['create', 'manage'] as const) {
      expect(outcome(() => callsPolicy.authorize(operator, action, null))).toBe('allowed');
      for (const a of others) expect(outcome(() => callsPolicy.authorize(a, action, null))).toBe('403:FORBIDDEN');
    }
  });
});
