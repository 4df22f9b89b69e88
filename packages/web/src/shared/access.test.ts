import { ABILITIES, type Ability, type AbilityAnswer } from '@scenebridge/contract/auth';
import { describe, expect, it } from 'vitest';
import { accessOf } from './access';

type Status = 'pending' | 'approved' | 'rejected';
const ok: AbilityAnswer = { allowed: true, refusal: null };
const no = (code: string): AbilityAnswer => ({ allowed: false, refusal: { code, message: '服务器的说明' } });
const user = (
  abilities: Partial<Record<Ability, AbilityAnswer>>,
  status: Status = 'approved',
  roles: ['org_admin'] | ['operator'] = ['org_admin'],
) => ({
  roles,
  organization: { id: 'o', name: '某机构', status, kind: 'private_enterprise' as const },
  abilities: Object.fromEntries(ABILITIES.map((a) => [a, abilities[a] ?? no('FORBIDDEN')])) as Record<Ability, AbilityAnswer>,
});

// What the server allows comes from GET /auth/me (tested in packages/app/src/auth/abilities.test.ts
// and against the routes in packages/server/src/routes/auth.test.ts); here: how the web reads it.
describe('accessOf', () => {
  it('offers exactly what the server allows', () => {
    const a = accessOf(user({ draft: ok, curate: ok }));
    expect(ABILITIES.filter((x) => a.can(x))).toEqual(['draft', 'curate']);
  });

  it('says the organisation must be approved when that is the server’s reason, and the role otherwise', () => {
    const a = accessOf(user({ subscribe: no('ORGANIZATION_NOT_APPROVED') }, 'pending'));
    expect(a.refusal('subscribe')).toContain('审核');
    expect(a.refusal('import')).toBe('只有运营方或机构管理员可以批量导入。');
  });

  it('hides a pending organisation’s list, which could only be empty, but not an operator’s', () => {
    expect(accessOf(user({ listSubmissions: ok }, 'pending')).refusal('listSubmissions')).toContain('审核');
    expect(accessOf(user({ listSubmissions: ok }, 'pending', ['operator'])).can('listSubmissions')).toBe(true);
  });
});
