import type { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { notificationPolicy, recipientOf } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (userId: string, roles: Actor['roles']): Actor => testActor(roles, { userId });
const answer = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).status;
  }
};

describe('notificationPolicy', () => {
  it('lets the addressee alone see and mark a notification; for anyone else, operators too, it does not exist', () => {
    const note = { userId: 'me' };
    const callers = [actor('me', ['org_member']), actor('other', ['org_admin']), actor('op', ['operator']), null];
    expect(callers.map((a) => answer(() => notificationPolicy.authorize(a, 'markRead', note)))).toEqual(['allowed', 404, 404, 404]);
    expect(notificationPolicy.allowedActions(callers[0]!, note)).toEqual(['view', 'markRead']);
  });

  it('filters lists and updates by the signed-in user, and asks for a session first', () => {
    expect(recipientOf(actor('me', ['reviewer']))).toBe('me');
    expect(answer(() => recipientOf(null))).toBe(401);
  });
});
