import { schema } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/index.js';
import { listChallengesFor, publicOpenChallenges } from '../challenges/index.js';
import { createTestContext, type AppTestContext } from '../testing.js';
import { demoActor } from './demo-actor.js';
import { seedDemoData } from './seed.js';

const NOW = new Date('2026-12-07T02:00:00Z');
const DAY = 86_400_000;
let ctx: AppTestContext;

beforeAll(async () => {
  ctx = await createTestContext({ now: NOW });
  await seedDemoData({ services: ctx.services });
}, 180_000);
afterAll(async () => ctx?.close());

const page = { page: 1, pageSize: 50 };

describe('the demo’s 揭榜挂帅', () => {
  it('shows three open challenges to anyone, deadlines 5–30 days ahead, each from a published need', async () => {
    const open = await publicOpenChallenges({ services: ctx.services });
    expect(open).toHaveLength(3);
    for (const c of open) {
      const days = (c.applicationDeadline.getTime() - NOW.getTime()) / DAY;
      expect(days).toBeGreaterThan(4);
      expect(days).toBeLessThan(31);
      expect(c.sourceNeedId).not.toBeNull();
    }
    const anonymous = await listChallengesFor({ services: ctx.services, actor: null, query: page });
    expect(anonymous.items.map((c) => c.status).sort()).toEqual(['open', 'open', 'open', 'publicity']);
  });

  it('gives the operator the challenge waiting for review, but not the draft', async () => {
    const operator = await demoActor(ctx.services, demo.DEMO_OPERATOR_EMAIL);
    const list = await listChallengesFor({ services: ctx.services, actor: operator, query: page });
    expect(list.items.filter((c) => c.status === 'pending_review')).toHaveLength(1);
    expect(list.items.some((c) => c.status === 'draft')).toBe(false);
    const all = await ctx.services.db.select().from(schema.challenges);
    expect(all.map((c) => c.status).sort()).toEqual(['draft', 'open', 'open', 'open', 'pending_review', 'publicity']);
  });

  it('closed by the clock after its deadline, reviewed, its cheapest proposal in a running 公示; one application by a confirmed consortium', async () => {
    const closed = (await ctx.services.db.select().from(schema.challenges)).find((c) => c.status === 'publicity');
    expect(closed!.applicationDeadline.getTime()).toBeLessThan(NOW.getTime());
    const apps = (await ctx.services.db.select().from(schema.applications)).filter((a) => a.challengeId === closed!.id);
    expect(apps.length).toBeGreaterThanOrEqual(3);
    const cheapest = Math.min(...apps.map((a) => a.quoteFen));
    expect(apps.filter((a) => a.status === 'proposed').map((a) => a.quoteFen)).toEqual([cheapest]);
    expect(apps.filter((a) => a.status !== 'proposed').every((a) => a.status === 'shortlisted')).toBe(true);
    const pubs = (await ctx.services.db.select().from(schema.publicities)).filter((p) => p.subjectId === closed!.id);
    expect(pubs.map((p) => [p.subjectKind, p.status])).toEqual([['challenge_award', 'running']]);
    const members = (await ctx.services.db.select().from(schema.applicationParticipants)).filter((p) => p.challengeId === closed!.id);
    expect(members.filter((m) => m.role === 'member').map((m) => m.status)).toEqual(['confirmed']);
    const closing = (await ctx.services.db.select().from(schema.auditEvents)).filter((e) => e.entityId === closed!.id);
    expect(closing.find((e) => e.action === 'challenge.close')?.reason).toBe('clock');
  });

  it('has applications in draft and submitted states, qualified leads, and every step audited', async () => {
    const apps = await ctx.services.db.select().from(schema.applications);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['draft', 'submitted', 'shortlisted', 'proposed']));
    const invited = (await ctx.services.db.select().from(schema.applicationParticipants)).filter((p) => p.status === 'invited');
    expect(invited).toHaveLength(1);
    const quals = await ctx.services.db.select().from(schema.organizationQualifications);
    expect(quals.length).toBeGreaterThan(3);
    const audit = await ctx.services.db.select({ action: schema.auditEvents.action }).from(schema.auditEvents);
    const count = (action: string) => audit.filter((e) => e.action === action).length;
    expect(count('challenge.created')).toBe(6);
    expect(count('application.created')).toBe(apps.length);
    expect(count('organization.qualification_added')).toBe(quals.length);
    // Steps written on the set-back clock carry their own times; the chain still verifies.
    const operator = await demoActor(ctx.services, demo.DEMO_OPERATOR_EMAIL);
    expect((await verifyAuditChain({ services: ctx.services, actor: operator })).ok).toBe(true);
  });

  it('is not seeded twice', async () => {
    expect((await seedDemoData({ services: ctx.services })).created).toBe(false);
    expect(await ctx.services.db.select().from(schema.challenges)).toHaveLength(6);
  });
});
