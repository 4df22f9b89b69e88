import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { testActor } from '../shared/actor.testing.js';
import { authorizeCalendar, CALENDAR, calendarPolicy } from './policy.js';

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

describe('calendar policy', () => {
  it('lets anyone, even signed out, read and compute; operators also edit', () => {
    expect(calendarPolicy.allowedActions(null, CALENDAR)).toEqual(['view', 'compute']);
    expect(calendarPolicy.allowedActions(actor(['operator']), CALENDAR)).toEqual(['view', 'compute', 'edit']);
  });

  it('refuses editing to everyone else with 403 and says who may', () => {
    for (const roles of [['org_admin'], ['org_member'], ['reviewer'], ['broker']] as Actor['roles'][]) {
      expect(calendarPolicy.allowedActions(actor(roles), CALENDAR)).toEqual(['view', 'compute']);
      expect(errorOf(() => authorizeCalendar(actor(roles), 'edit'))).toBe('403:FORBIDDEN:只有运营方可以维护工作日历');
    }
    expect(errorOf(() => authorizeCalendar(null, 'edit'))).toBe('403:FORBIDDEN:只有运营方可以维护工作日历');
  });
});
