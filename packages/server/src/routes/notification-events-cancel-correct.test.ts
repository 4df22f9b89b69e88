/**
 * The corrections of a published entry (勘误) and the cancelling of a call tell the owners of
 * the items concerned, once (docs/notifications.md); the operator who acted hears nothing.
 */
import { listNotifications, type NotificationRow } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  makeCall,
  makeUser,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';
import { reviewFixtures } from './authorization.testing.js';

let ctx: TestContext;
let operator: { user: { id: string }; client: Client };
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = await platformUser(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

async function notes(userId: string, kind: string): Promise<NotificationRow[]> {
  return (await listNotifications(ctx.services.db, userId, { limit: 100, offset: 0 })).items.filter((n) => n.kind === kind);
}

async function owners() {
  const admin = await orgUser(ctx);
  const member = await makeUser(ctx.services, admin.org.id, ['org_member']);
  return { admin, member };
}

describe('a correction of a published entry', () => {
  it('tells each user of the owning organisation once per version, with the erratum note', async () => {
    const a = await owners();
    const b = await owners();
    const { batchId, items } = await reviewFixtures({ ctx, owner: a.admin.client, operator: operator.client }).publishedBatch(2);

    const res = await operator.client.post(`/api/v1/batches/${batchId}/entries/1/corrections`, {
      name: '更正后的场景需求名称',
      erratum: '原名称有错别字，已更正',
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const u of [a.admin.user.id, a.member.id]) {
      const corrected = await notes(u, 'entry.corrected');
      expect(corrected).toHaveLength(1);
      const n = corrected[0]!;
      expect(n.title).toBe('您的「更正后的场景需求名称」已勘误');
      expect(n.body).toContain('勘误说明：原名称有错别字，已更正');
      expect(n.body).toContain('第1项已更正（第2版）');
      expect(items).toContain((n.data as { submissionId: string }).submissionId);
      expect(n.link).toBe(`/submissions/${(n.data as { submissionId: string }).submissionId}`);
      expect(n.dedupeKey).toBe(`entry.corrected:${batchId}:1:2:${u}`);
    }
    // Another organisation and the operator who corrected hear nothing.
    for (const u of [b.admin.user.id, b.member.id, operator.user.id]) expect(await notes(u, 'entry.corrected')).toHaveLength(0);

    // A second correction is a new version: told again.
    const again = await operator.client.post(`/api/v1/batches/${batchId}/entries/1/corrections`, { erratum: '补充更正联系方式' });
    expect(again.statusCode, again.body).toBe(200);
    const twice = await notes(a.member.id, 'entry.corrected');
    expect(twice).toHaveLength(2);
    expect(twice.map((n) => (n.data as { version: number }).version).sort()).toEqual([2, 3]);
  });
});

describe('a cancelled call', () => {
  it('tells the users of each organisation with items in it once, with the reason and their items', async () => {
    const a = await owners();
    const b = await owners();
    const bystander = await owners();
    const callId = (await makeCall(ctx.services, { status: 'scheduled' })).id;
    const draft = async (c: Client, title: string) => {
      const res = await c.post('/api/v1/submissions', { callId, data: scenarioNeedData({ title }) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const ofA = [await draft(a.admin.client, '取消通知测试场景需求甲一'), await draft(a.admin.client, '取消通知测试场景需求甲二')];
    const ofB = await draft(b.admin.client, '取消通知测试场景需求乙');

    const res = await operator.client.post(`/api/v1/calls/${callId}/transitions`, { action: 'cancel', reason: '政策调整，本批次暂停' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');

    for (const u of [a.admin.user.id, a.member.id]) {
      const cancelled = await notes(u, 'call.cancelled');
      expect(cancelled).toHaveLength(1);
      const n = cancelled[0]!;
      expect(n.title).toMatch(/^征集已取消：/);
      expect(n.body).toContain('原因：政策调整，本批次暂停');
      expect(n.body).toContain('· 取消通知测试场景需求甲一');
      expect(n.body).toContain('· 取消通知测试场景需求甲二');
      expect(n.link).toBe('/submissions');
      expect((n.data as { submissionIds: string[] }).submissionIds.sort()).toEqual([...ofA].sort());
      expect(n.dedupeKey).toBe(`call.cancelled:${callId}:${u}`);
    }
    for (const u of [b.admin.user.id, b.member.id]) {
      const cancelled = await notes(u, 'call.cancelled');
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]!.link).toBe(`/submissions/${ofB}`);
      expect(cancelled[0]!.body).not.toContain('甲');
    }
    for (const u of [bystander.admin.user.id, bystander.member.id, operator.user.id])
      expect(await notes(u, 'call.cancelled')).toHaveLength(0);
  });
});
