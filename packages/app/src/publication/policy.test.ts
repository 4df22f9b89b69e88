import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles']): Actor => testActor(roles, { organizationKind: 'platform' });

const codeOf = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status} ${(e as DomainError).code}`;
  }
};

describe('publicationPolicy', () => {
  it('lets everyone read what is published and only the operator publish, correct and promote', () => {
    expect(publicationPolicy.allowedActions(null, PUBLISHED_LISTS)).toEqual(['view']);
    expect(publicationPolicy.allowedActions(actor(['org_admin']), PUBLISHED_LISTS)).toEqual(['view']);
    expect(publicationPolicy.allowedActions(actor(['reviewer', 'broker']), PUBLISHED_LISTS)).toEqual(['view']);
    expect(publicationPolicy.allowedActions(actor(['operator']), PUBLISHED_LISTS)).toEqual(['view', 'publish', 'correct', 'promote']);
  });

  it('refuses with 403, never 404: published lists are no secret', () => {
    expect(codeOf(() => publicationPolicy.authorize(actor(['org_member']), 'publish', PUBLISHED_LISTS))).toBe('403 FORBIDDEN');
    expect(codeOf(() => publicationPolicy.authorize(null, 'correct', PUBLISHED_LISTS))).toBe('403 FORBIDDEN');
    expect(codeOf(() => publicationPolicy.authorize(actor(['reviewer']), 'promote', PUBLISHED_LISTS))).toBe('403 FORBIDDEN');
    expect(codeOf(() => publicationPolicy.authorize(actor(['operator']), 'promote', PUBLISHED_LISTS))).toBe('allowed');
  });
});
