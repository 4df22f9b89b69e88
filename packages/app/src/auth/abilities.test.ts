import { ABILITIES } from '@scenebridge/contract/auth';
import type { Role } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { abilitiesOf } from './abilities.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Role[], organizationStatus = 'approved'): Actor => testActor(roles, { organizationStatus });
const allowed = (roles: Role[], status?: string) => {
  const answers = abilitiesOf(actor(roles, status));
  return ABILITIES.filter((a) => answers[a].allowed);
};

describe('abilitiesOf', () => {
  it('an operator runs the platform: lists, imports, curates, but neither drafts nor subscribes', () => {
    expect(allowed(['operator'])).toEqual([
      'listSubmissions',
      'import',
      'curate',
      'operate',
      'viewDeals',
      'canHandleContractRegistrations',
      'viewDashboard',
    ]);
    expect(allowed(['operator'], 'pending')).toEqual([
      'listSubmissions',
      'import',
      'curate',
      'operate',
      'viewDeals',
      'canHandleContractRegistrations',
      'viewDashboard',
    ]);
  });

  it('an approved organisation: its admin drafts, imports, subscribes; a member does not import', () => {
    expect(allowed(['org_admin'])).toEqual([
      'listSubmissions',
      'draft',
      'import',
      'subscribe',
      'expressInterest',
      'viewDeals',
      'canRegisterContracts',
    ]);
    expect(allowed(['org_member'])).toEqual([
      'listSubmissions',
      'draft',
      'subscribe',
      'expressInterest',
      'viewDeals',
      'canRegisterContracts',
    ]);
  });

  it('a pending organisation is refused with ORGANIZATION_NOT_APPROVED where approval is what is missing', () => {
    const answers = abilitiesOf(actor(['org_admin'], 'pending'));
    for (const a of ['draft', 'import', 'subscribe', 'expressInterest'] as const)
      expect(answers[a].refusal?.code).toBe('ORGANIZATION_NOT_APPROVED');
    expect(answers.curate.refusal?.code).toBe('FORBIDDEN');
  });

  it('a broker curates, works deals and reads the dashboard; a registrar handles registrations; a reviewer reviews', () => {
    expect(allowed(['broker'])).toEqual(['curate', 'viewDeals', 'useBrokerWorkspace', 'viewDashboard']);
    expect(allowed(['registrar'])).toEqual(['canHandleContractRegistrations', 'viewDashboard']);
    expect(allowed(['reviewer'])).toEqual(['review']);
    expect(allowed(['reviewer', 'org_member'])).toEqual([
      'listSubmissions',
      'draft',
      'subscribe',
      'expressInterest',
      'review',
      'viewDeals',
      'canRegisterContracts',
    ]);
  });
});
