import * as demo from '@scenebridge/demo';
import { describe, expect, it } from 'vitest';
import { pendingOrganizations, pickLogins } from './seed.js';

describe('the demo logins printed at start-up', () => {
  const ds = demo.generateDemoDataset({
    seed: 2026,
    organizations: 30,
    needs: 200,
    capabilities: 100,
    now: new Date('2026-12-07T02:00:00Z'),
  });
  const pending = pendingOrganizations(ds);
  const logins = pickLogins(ds, pending);

  it('lists every demo account once, not a few of them', () => {
    expect(logins.map((l) => l.email).sort()).toEqual(ds.users.map((u) => u.email).sort());
    expect(new Set(logins.map((l) => l.email)).size).toBe(logins.length);
  });

  it('puts the platform’s accounts first: the operator, each reviewer, the broker, the registrar', () => {
    expect(logins.slice(0, 6).map((l) => l.email)).toEqual([
      demo.DEMO_OPERATOR_EMAIL,
      ...demo.DEMO_REVIEWER_EMAILS,
      demo.DEMO_BROKER_EMAIL,
      demo.DEMO_REGISTRAR_EMAIL,
    ]);
  });

  it('says what each organisation’s administrator can try, and which wait for approval', () => {
    const pendingAdmins = logins.filter((l) => l.role === '待审核机构管理员');
    expect(pendingAdmins).toHaveLength(pending.size);
    expect(logins.some((l) => l.role.startsWith('需求方'))).toBe(true);
    expect(logins.some((l) => l.role.includes('供给方'))).toBe(true);
    for (const l of logins) expect(l.organization, l.email).not.toBe('');
  });
});
