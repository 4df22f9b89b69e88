import { randomUUID } from 'node:crypto';
import { listAuditEvents } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type AppTestContext } from '../testing.js';
import { inTransaction } from './transaction.js';

let ctx: AppTestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const trail = async (entityId: string) =>
  (await listAuditEvents(ctx.services.db, { entityType: 'probe', entityId, limit: 10, offset: 0, ascending: true })).items;

describe('inTransaction', () => {
  it('writes an audit entry for every recorded event, in order, and announces after commit', async () => {
    const id = randomUUID();
    const heard: string[] = [];
    const off = ctx.services.events.on('publication.changed', () => heard.push('changed'));
    await inTransaction(ctx.services, null, async (_tx, events) => {
      await events.record(
        { action: 'probe.first', entityType: 'probe', entityId: id },
        { action: 'probe.second', entityType: 'probe', entityId: id, reason: '测试' },
      );
      events.announce('publication.changed', {});
      expect(heard).toEqual([]);
    });
    off();
    expect(heard).toEqual(['changed']);
    expect((await trail(id)).map((e) => [e.action, e.actorLabel, e.reason])).toEqual([
      ['probe.first', 'system', null],
      ['probe.second', 'system', '测试'],
    ]);
  });

  it("names whoever acted without a session (actedBy) instead of the transaction's actor", async () => {
    const id = randomUUID();
    await inTransaction(ctx.services, null, async (_tx, events) => {
      await events.record({
        action: 'probe.link',
        entityType: 'probe',
        entityId: id,
        actedBy: { userId: null, label: '张三 <z@x.cn>（邮件退订链接）' },
      });
      await events.record({ action: 'probe.plain', entityType: 'probe', entityId: id });
    });
    expect((await trail(id)).map((e) => [e.action, e.actorUserId, e.actorLabel])).toEqual([
      ['probe.link', null, '张三 <z@x.cn>（邮件退订链接）'],
      ['probe.plain', null, 'system'],
    ]);
  });

  it('keeps nothing and announces nothing when the work fails', async () => {
    const id = randomUUID();
    const heard: string[] = [];
    const off = ctx.services.events.on('publication.changed', () => heard.push('changed'));
    await expect(
      inTransaction(ctx.services, null, async (_tx, events) => {
        await events.record({ action: 'probe.first', entityType: 'probe', entityId: id });
        events.announce('publication.changed', {});
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    off();
    expect(heard).toEqual([]);
    expect(await trail(id)).toEqual([]);
  });
});
