import type { Role } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import { abilitiesOf } from '../auth/abilities.js';
import { testActor } from '../shared/actor.testing.js';

const can = (roles: Role[]) => {
  const a = abilitiesOf(testActor(roles, { organizationStatus: 'approved' }));
  return { viewDeals: a.viewDeals.allowed, useBrokerWorkspace: a.useBrokerWorkspace.allowed };
};

describe('deal abilities (the web menu)', () => {
  it('users of an organisation, brokers and operators see deals; only brokers have the workspace', () => {
    expect(can(['org_admin'])).toEqual({ viewDeals: true, useBrokerWorkspace: false });
    expect(can(['org_member'])).toEqual({ viewDeals: true, useBrokerWorkspace: false });
    expect(can(['broker'])).toEqual({ viewDeals: true, useBrokerWorkspace: true });
    expect(can(['operator'])).toEqual({ viewDeals: true, useBrokerWorkspace: false });
    expect(can(['reviewer'])).toEqual({ viewDeals: false, useBrokerWorkspace: false });
    expect(abilitiesOf(testActor(['reviewer'], {})).viewDeals.refusal?.code).toBe('FORBIDDEN');
  });
});
