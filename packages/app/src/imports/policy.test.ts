import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { authorizeImporter, importPolicy, mayImport, mayImportFor, mayImportOutsideWindow } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles'], organizationStatus = 'approved'): Actor =>
  testActor(roles, { organizationId: 'org-a', organizationStatus });
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status}:${(e as DomainError).code}`;
  }
};
const open = { status: 'open' };
const draft = { status: 'draft' };

describe('import policy', () => {
  it('lets operators and organisation admins import, role first, then the organisation’s standing', () => {
    expect(codeOf(() => authorizeImporter(actor(['operator'])))).toBe('allowed');
    expect(codeOf(() => authorizeImporter(actor(['org_admin'])))).toBe('allowed');
    expect(codeOf(() => authorizeImporter(null))).toBe('401:UNAUTHENTICATED');
    expect(codeOf(() => authorizeImporter(actor(['org_member'])))).toBe('403:FORBIDDEN');
    expect(codeOf(() => authorizeImporter(actor(['reviewer'], 'pending')))).toBe('403:FORBIDDEN');
    expect(codeOf(() => authorizeImporter(actor(['org_admin'], 'pending')))).toBe('403:ORGANIZATION_NOT_APPROVED');
    // The template is for the same people, whatever their organisation's standing.
    expect(mayImport(actor(['org_admin'], 'pending'))).toBe(true);
    expect(mayImport(actor(['org_member']))).toBe(false);
  });

  it('hides calls organisations cannot see from them, not from operators', () => {
    expect(importPolicy.allowedActions(actor(['operator']), draft)).toEqual(['view', 'import']);
    expect(importPolicy.allowedActions(actor(['org_admin']), open)).toEqual(['view', 'import']);
    expect(codeOf(() => importPolicy.authorize(actor(['org_admin']), 'import', draft))).toBe('404:NOT_FOUND');
    expect(codeOf(() => importPolicy.authorize(actor(['org_member']), 'import', open))).toBe('403:FORBIDDEN');
    expect(codeOf(() => importPolicy.authorize(actor(['org_admin'], 'pending'), 'import', open))).toBe('403:FORBIDDEN');
  });

  it('lets an admin import only their own organisation’s rows, and only inside the window', () => {
    expect(mayImportFor(actor(['org_admin']), 'org-a')).toBe(true);
    expect(mayImportFor(actor(['org_admin']), 'org-b')).toBe(false);
    expect(mayImportFor(actor(['operator']), 'org-b')).toBe(true);
    expect(mayImportOutsideWindow(actor(['operator']))).toBe(true);
    expect(mayImportOutsideWindow(actor(['org_admin']))).toBe(false);
  });
});
