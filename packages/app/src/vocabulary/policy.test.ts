import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { authorizeVocabulary, VOCABULARY, vocabularyPolicy } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles']): Actor => testActor(roles, { organizationId: 'org' });
const errorOf = (f: () => unknown) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    const d = e as DomainError;
    return `${d.status}:${d.code}:${d.message}`;
  }
};

describe('vocabulary policy', () => {
  it('lets operators list, add and remove', () => {
    expect(vocabularyPolicy.allowedActions(actor(['operator']), VOCABULARY)).toEqual(['view', 'list', 'add', 'remove']);
    expect(errorOf(() => authorizeVocabulary(actor(['operator']), 'remove'))).toBe('allowed');
  });

  it('refuses everyone else with 403 and says who may', () => {
    for (const roles of [['org_admin'], ['org_member'], ['reviewer'], ['broker']] as Actor['roles'][]) {
      expect(vocabularyPolicy.allowedActions(actor(roles), VOCABULARY)).toEqual(['view']);
      expect(errorOf(() => authorizeVocabulary(actor(roles), 'list'))).toBe('403:FORBIDDEN:只有运营方可以维护检索词典');
    }
    expect(vocabularyPolicy.allowedActions(null, VOCABULARY)).toEqual([]);
  });
});
