import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead, notifyUsers } from '../notifications/repository.js';
import { insertOrganization, insertUser } from '../organizations/repository.js';
import { listOutbox } from '../mail/repository.js';
import { getOrCreateSecret, lockSetting, putSetting } from '../settings/repository.js';
import { createTestDatabase } from '../testing.js';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function user(opts: { disabled?: boolean } = {}) {
  const tag = randomBytes(4).toString('hex');
  const org = await insertOrganization(h.db, {
    name: `通知测试机构${tag}`,
    creditCode: `TEST${tag}`,
    kind: 'ai_company',
    regionCode: '500112',
    contactName: '张三',
    contactPhone: '13800138000',
    status: 'approved',
  });
  return insertUser(h.db, {
    organizationId: org.id,
    email: `n${tag}@test.example.cn`,
    displayName: '通知测试',
    passwordHash: 'x',
    roles: ['org_member'],
    disabled: opts.disabled ?? false,
  });
}

describe('notifyUsers', () => {
  it('writes a notification and its email once per dedupe key, inside the caller’s transaction', async () => {
    const u = await user();
    const item = { userId: u.id, kind: 'test.hello', title: '你好', body: '正文', link: '/x', dedupeKey: `hello:${u.id}`, email: true };
    await h.db.transaction(async (tx) => {
      await notifyUsers(tx, [item, item]);
      await notifyUsers(tx, [item]);
    });
    await notifyUsers(h.db, [item]);
    const mine = await listNotifications(h.db, u.id, { limit: 10, offset: 0 });
    expect(mine.total).toBe(1);
    expect(mine.unread).toBe(1);
    const mails = (await listOutbox(h.db, { kind: 'notification' })).filter((m) => m.dedupeKey === `notification:hello:${u.id}`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({ to: u.email, title: '你好', body: '正文', link: '/x', notificationId: mine.items[0]!.id });
  });

  it('rolls back with the caller’s transaction: no notification, no email', async () => {
    const u = await user();
    await expect(
      h.db.transaction(async (tx) => {
        await notifyUsers(tx, [{ userId: u.id, kind: 'test.rollback', title: '回滚', dedupeKey: `rb:${u.id}`, email: true }]);
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect((await listNotifications(h.db, u.id, { limit: 10, offset: 0 })).total).toBe(0);
    expect((await listOutbox(h.db)).some((m) => m.dedupeKey === `notification:rb:${u.id}`)).toBe(false);
  });

  it('without a dedupe key every call notifies; disabled users get no email; email is opt-in', async () => {
    const u = await user();
    const off = await user({ disabled: true });
    await notifyUsers(h.db, [
      { userId: u.id, kind: 'test.plain', title: '一' },
      { userId: u.id, kind: 'test.plain', title: '二', email: true },
      { userId: off.id, kind: 'test.plain', title: '三', email: true },
    ]);
    expect((await listNotifications(h.db, u.id, { limit: 10, offset: 0 })).total).toBe(2);
    expect((await listNotifications(h.db, off.id, { limit: 10, offset: 0 })).total).toBe(1);
    const mails = (await listOutbox(h.db)).filter((m) => [u.id, off.id].includes((m.payload as { userId: string }).userId));
    expect(mails.map((m) => (m.payload as { title: string }).title)).toEqual(['二']);
  });

  it('marks one or all read, only the user’s own', async () => {
    const u = await user();
    const other = await user();
    await notifyUsers(
      h.db,
      [1, 2, 3].map((i) => ({ userId: u.id, kind: 'test.read', title: `第${i}条` })),
    );
    const { items } = await listNotifications(h.db, u.id, { limit: 10, offset: 0 });
    const at = new Date('2026-03-01T02:00:00Z');
    expect(await markNotificationRead(h.db, other.id, items[0]!.id, at)).toBe(false);
    expect(await markNotificationRead(h.db, u.id, items[0]!.id, at)).toBe(true);
    expect(await markNotificationRead(h.db, u.id, items[0]!.id, new Date('2026-03-02T00:00:00Z'))).toBe(true);
    const after = await listNotifications(h.db, u.id, { limit: 10, offset: 0 });
    expect(after.unread).toBe(2);
    expect(after.items.find((n) => n.id === items[0]!.id)!.readAt!.toISOString()).toBe(at.toISOString());
    expect((await listNotifications(h.db, u.id, { unreadOnly: true, limit: 10, offset: 0 })).total).toBe(2);
    expect(await markAllNotificationsRead(h.db, u.id, at)).toBe(2);
    expect((await listNotifications(h.db, u.id, { limit: 10, offset: 0 })).unread).toBe(0);
  });
});

describe('settings', () => {
  it('creates a secret once; concurrent first uses agree', async () => {
    const secrets = await Promise.all([1, 2, 3, 4].map(() => getOrCreateSecret(h.db, 'test.secret')));
    expect(secrets[0]!.length).toBe(32);
    for (const s of secrets) expect(s.equals(secrets[0]!)).toBe(true);
    expect((await getOrCreateSecret(h.db, 'test.secret')).equals(secrets[0]!)).toBe(true);
    expect((await getOrCreateSecret(h.db, 'test.other')).equals(secrets[0]!)).toBe(false);
  });

  it('lockSetting creates the row with its initial value and reads what was stored', async () => {
    expect(await h.db.transaction((tx) => lockSetting(tx, 'test.mark', { n: 0 }))).toEqual({ n: 0 });
    await putSetting(h.db, 'test.mark', { n: 5 });
    expect(await h.db.transaction((tx) => lockSetting(tx, 'test.mark', { n: 0 }))).toEqual({ n: 5 });
  });
});
