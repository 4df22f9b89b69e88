import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { signUnsubscribe } from '../mail/index.js';
import { authorizeEmailLink, authorizeSubscriber, maySubscribe, subscriptionPolicy } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles'], organizationStatus = 'approved', userId = 'u1'): Actor =>
  testActor(roles, { userId, email: `${userId}@x.cn`, displayName: userId, organizationId: 'org', organizationStatus });
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status}:${(e as DomainError).code}`;
  }
};

describe('subscription policy', () => {
  it('lets users of approved organisations subscribe, role first, then standing', () => {
    expect(codeOf(() => authorizeSubscriber(actor(['org_member'])))).toBe('allowed');
    expect(codeOf(() => authorizeSubscriber(actor(['org_admin'])))).toBe('allowed');
    expect(codeOf(() => authorizeSubscriber(null))).toBe('401:UNAUTHENTICATED');
    expect(codeOf(() => authorizeSubscriber(actor(['operator'])))).toBe('403:FORBIDDEN');
    expect(codeOf(() => authorizeSubscriber(actor(['reviewer'], 'pending')))).toBe('403:FORBIDDEN');
    expect(codeOf(() => authorizeSubscriber(actor(['org_member'], 'pending')))).toBe('403:ORGANIZATION_NOT_APPROVED');
    expect(maySubscribe(actor(['org_admin'], 'suspended'))).toBe(false);
  });

  it('gives each user their own subscriptions and hides everyone else’s', () => {
    const mine = { userId: 'u1' };
    expect(subscriptionPolicy.allowedActions(actor(['org_member']), mine)).toEqual(['view', 'update', 'delete', 'listHits']);
    expect(subscriptionPolicy.allowedActions(actor(['org_member'], 'approved', 'u2'), mine)).toEqual([]);
    expect(codeOf(() => subscriptionPolicy.authorize(actor(['org_admin'], 'approved', 'u2'), 'delete', mine))).toBe('404:NOT_FOUND');
    // Even the owner, once the organisation is no longer approved, or as an operator.
    expect(subscriptionPolicy.allow(actor(['org_member'], 'suspended'), 'view', mine)).toBe(false);
    expect(subscriptionPolicy.allow(actor(['operator']), 'view', mine)).toBe(false);
    expect(subscriptionPolicy.allow(null, 'view', mine)).toBe(false);
  });

  it('takes an email link on its signed token alone', () => {
    const secret = Buffer.alloc(32, 7);
    const id = '00000000-0000-4000-8000-000000000001';
    expect(codeOf(() => authorizeEmailLink(secret, id, signUnsubscribe(secret, id)))).toBe('allowed');
    expect(codeOf(() => authorizeEmailLink(secret, id, signUnsubscribe(secret, '00000000-0000-4000-8000-000000000002')))).toBe(
      '403:UNSUBSCRIBE_LINK_INVALID',
    );
    expect(codeOf(() => authorizeEmailLink(secret, id, 'x'))).toBe('403:UNSUBSCRIBE_LINK_INVALID');
  });
});
