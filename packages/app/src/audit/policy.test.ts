import type { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { AUDIT_TRAIL, auditPolicy } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles']): Actor => testActor(roles);
const answer = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).status;
  }
};

describe('auditPolicy', () => {
  it('lets operators alone read and verify the trail; everyone else gets 403, not 404', () => {
    const callers = [actor(['operator']), actor(['org_admin']), actor(['org_member']), actor(['reviewer']), actor(['broker']), null];
    for (const action of ['list', 'verify'] as const) {
      expect(callers.map((a) => answer(() => auditPolicy.authorize(a, action, AUDIT_TRAIL)))).toEqual(['allowed', 403, 403, 403, 403, 403]);
    }
  });
});
