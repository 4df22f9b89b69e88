import { describe, expect, it } from 'vitest';
import { organizationRegistrationSchema, scenarioNeedDraftSchema } from './schemas.js';
import { hasHiddenFormatCharacters, withoutHiddenFormatCharacters } from './text-safety.js';

const registration = () => ({
  name: '重庆智视科技有限公司',
  creditCode: '91350100M000100Y43',
  kind: 'ai_company',
  regionCode: '500112',
  contactName: '张伟',
  contactPhone: '023-63891234',
  admin: { email: 'admin@zhishi.example.cn', displayName: '张伟', password: 'Demo2026pass' },
});

describe('hidden format characters in names', () => {
  it.each([
    ['right-to-left override', '智视\u202E司公限有'],
    ['right-to-left isolate', '智视\u2067科技'],
    ['left-to-right mark', '智视\u200E科技'],
    ['zero-width space', '智视\u200B科技'],
    ['zero-width joiner', '智视\u200D科技'],
    ['word joiner', '智视\u2060科技'],
    ['byte order mark inside', '智视\uFEFF科技'],
  ])('a name with a %s is refused with a Chinese message', (_, name) => {
    expect(hasHiddenFormatCharacters(name)).toBe(true);
    const r = organizationRegistrationSchema.safeParse({ ...registration(), name: `${name}有限公司` });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['name'], message: '机构名称含有不可见字符或文字方向控制符，请删除后重试' });
  });

  it('person names and titles are checked the same way; ordinary Chinese, full-width and emoji pass', () => {
    const r = organizationRegistrationSchema.safeParse({
      ...registration(),
      admin: { ...registration().admin, displayName: '张\u202E伟' },
    });
    expect(r.error?.issues[0]?.path).toEqual(['admin', 'displayName']);
    expect(scenarioNeedDraftSchema.safeParse({ title: '视觉质检\u200B场景' }).success).toBe(false);
    expect(scenarioNeedDraftSchema.safeParse({ title: '“5G＋工业互联网”视觉质检（一期）🚀' }).success).toBe(true);
  });

  it('file names lose them', () => {
    expect(withoutHiddenFormatCharacters('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(withoutHiddenFormatCharacters('方案\u200B书.pdf')).toBe('方案书.pdf');
  });
});
