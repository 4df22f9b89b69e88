import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { definePolicy } from './policy.js';
import { testActor } from './actor.testing.js';

const actor = (organizationId: string, roles: Actor['roles'] = ['org_admin']): Actor => testActor(roles, { organizationId });

const notes = definePolicy<{ owner: string; locked: boolean }, 'edit'>('笔记', {
  view: (a, r) => !!a && a.organizationId === r.owner,
  edit: (a, r) => !!a && a.organizationId === r.owner && !r.locked,
});

const codeOf = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('definePolicy', () => {
  it('answers 404 to whoever may not see the resource and 403 to whoever may see it but not act', () => {
    const mine = { owner: 'a', locked: true };
    expect(codeOf(() => notes.authorize(actor('b'), 'edit', mine))).toBe('NOT_FOUND');
    expect(codeOf(() => notes.authorize(null, 'view', mine))).toBe('NOT_FOUND');
    expect(codeOf(() => notes.authorize(actor('a'), 'edit', mine))).toBe('FORBIDDEN');
    expect(codeOf(() => notes.authorize(actor('a'), 'edit', { owner: 'a', locked: false }))).toBe('allowed');
  });

  it('lists exactly the actions its rules allow', () => {
    expect(notes.allowedActions(actor('a'), { owner: 'a', locked: false })).toEqual(['view', 'edit']);
    expect(notes.allowedActions(actor('a'), { owner: 'a', locked: true })).toEqual(['view']);
    expect(notes.allowedActions(actor('b'), { owner: 'a', locked: false })).toEqual([]);
  });
});
