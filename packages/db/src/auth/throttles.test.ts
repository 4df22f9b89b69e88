import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { claimAuthAttempt, forgetIdleAuthAttempts, insertOrganization, insertUser } from '../organizations/repository.js';
import { authThrottles } from '../schema.js';
import { createTestDatabase } from '../testing.js';

describe('forgetting idle login counters', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('removes counters idle since the cut-off and keeps the recent ones', async () => {
    const org = await insertOrganization(handle.db, {
      name: '节流测试机构',
      creditCode: '91500112MA5U000001',
      kind: 'private_enterprise',
      regionCode: '500112',
      contactName: '张三',
      contactPhone: '13800138000',
      status: 'approved',
    });
    const user = (email: string) =>
      insertUser(handle.db, { organizationId: org.id, email, displayName: '张三', passwordHash: 'x', roles: ['org_admin'] });
    const [old, recent] = [await user('old@test.example.cn'), await user('recent@test.example.cn')];
    const scope = { scope: 'login:*', delays: [0, 2], forgetAfterSeconds: 86_400 };
    const t0 = new Date('2026-12-01T00:00:00Z');
    expect((await claimAuthAttempt(handle.db, old.id, [scope], t0)).claimed).toBe(true);
    expect((await claimAuthAttempt(handle.db, recent.id, [scope], new Date(t0.getTime() + 23 * 3600_000))).claimed).toBe(true);

    expect(await forgetIdleAuthAttempts(handle.db, new Date(t0.getTime() + 3600_000))).toBe(1);
    const left = await handle.db.select({ userId: authThrottles.userId }).from(authThrottles);
    expect(left.map((r) => r.userId)).toEqual([recent.id]);
  });
});
