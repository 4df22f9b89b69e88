// The harness's cheap password hash is for tests only: production hashing keeps its cost, and
// the production verifier accepts the harness's hash (so logins in tests take the real path).
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './auth/index.js';
import { createTestContext, makeOrganization, makeUser, TEST_PASSWORD } from './testing.js';

describe('test harness passwords', () => {
  it('production hashes with argon2id at 19 MiB, two passes', async () => {
    const h = await hashPassword('Prod2026password');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Prod2026password')).toBe(true);
    expect(await verifyPassword(h, 'Prod2026passworD')).toBe(false);
  });

  it('factory users carry a cheaper argon2id hash that the production verifier checks', async () => {
    const ctx = await createTestContext();
    try {
      const org = await makeOrganization(ctx.services);
      const user = await makeUser(ctx.services, org.id, ['org_admin']);
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
      expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.passwordHash, `${TEST_PASSWORD}x`)).toBe(false);
    } finally {
      await ctx.close();
    }
  });
});
