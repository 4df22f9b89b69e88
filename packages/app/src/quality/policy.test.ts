import type { Role } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { authorizeQuality, QUALITY, qualityPolicy } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Role[], organizationStatus = 'approved'): Actor => testActor(roles, { organizationId: 'a', organizationStatus });
const codeOf = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('qualityPolicy', () => {
  it('checks drafts for users of approved organisations only, telling the others why (ORGANIZATION_NOT_APPROVED)', () => {
    expect(codeOf(() => authorizeQuality(actor(['org_member']), 'checkDraft'))).toBe('allowed');
    expect(codeOf(() => authorizeQuality(actor(['operator']), 'checkDraft'))).toBe('allowed');
    expect(codeOf(() => authorizeQuality(actor(['org_admin'], 'pending'), 'checkDraft'))).toBe('ORGANIZATION_NOT_APPROVED');
    expect(qualityPolicy.allow(null, 'checkDraft', QUALITY)).toBe(false);
  });

  it('shows duplicate clusters and merges them for operators only (403)', () => {
    expect(qualityPolicy.allowedActions(actor(['operator']), QUALITY)).toEqual(['view', 'checkDraft', 'viewClusters', 'merge']);
    for (const roles of [['org_admin'], ['broker'], ['reviewer']] as Role[][]) {
      expect(codeOf(() => authorizeQuality(actor(roles), 'viewClusters'))).toBe('FORBIDDEN');
      expect(codeOf(() => authorizeQuality(actor(roles), 'merge'))).toBe('FORBIDDEN');
    }
  });
});
