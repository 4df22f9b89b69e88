import { schema } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/index.js';
import { getBrokerProfile } from '../brokers/index.js';
import { getAnnualTargets } from '../dashboard/index.js';
import { createTestContext, type AppTestContext } from '../testing.js';
import { demoActor } from './demo-actor.js';
import { seedDemoOutcomes } from './seed-outcomes.js';
import { pendingOrganizations, seedDemoData } from './seed.js';

const NOW = new Date('2026-12-07T02:00:00Z');
const TODAY = '2026-12-07';
let ctx: AppTestContext;

beforeAll(async () => {
  ctx = await createTestContext({ now: NOW });
  await seedDemoData({ services: ctx.services });
}, 180_000);
afterAll(async () => ctx?.close());

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

describe('the demo’s deals', () => {
  it('has deals in every stage, two signed, two declined with reasons, some dormant and some unassigned', async () => {
    const deals = await ctx.services.db.select().from(schema.deals);
    expect(deals.length).toBeGreaterThanOrEqual(12);
    expect(deals.length).toBeLessThanOrEqual(16);
    const stages = new Set(deals.map((d) => d.status));
    expect(stages).toEqual(new Set(['suggested', 'intent', 'meeting', 'negotiating', 'signed', 'declined']));
    expect(deals.filter((d) => d.status === 'signed').length).toBeGreaterThanOrEqual(2);
    const declined = deals.filter((d) => d.status === 'declined');
    expect(declined).toHaveLength(2);
    for (const d of declined) expect(d.statusReason!.length).toBeGreaterThan(5);
    const dormant = deals.filter((d) => d.activity === 'dormant');
    expect(dormant.length).toBeGreaterThanOrEqual(1);
    for (const d of dormant) expect(['suggested', 'intent', 'meeting', 'negotiating']).toContain(d.status);
    expect(new Set(deals.map((d) => d.source))).toEqual(new Set(['interest', 'manual']));
    const broker = await demoActor(ctx.services, demo.DEMO_BROKER_EMAIL);
    expect(deals.filter((d) => d.brokerUserId === broker.userId).length).toBeGreaterThan(deals.length / 2);
    const open = (d: (typeof deals)[number]) => !['signed', 'declined'].includes(d.status);
    expect(deals.filter((d) => open(d) && d.brokerUserId === null).length).toBeGreaterThanOrEqual(2);
    for (const d of deals) expect(d.demandOrganizationId).not.toBe(d.supplyOrganizationId);
    const dormancy = (await ctx.services.db.select().from(schema.auditEvents)).filter((e) => e.action === 'deal.go_dormant');
    expect(dormancy).toHaveLength(dormant.length);
  });

  it('logs calls, meetings and visits, with one next step due today and one overdue on the broker’s deals', async () => {
    const acts = await ctx.services.db.select().from(schema.dealActivities);
    for (const k of ['call', 'meeting', 'visit']) expect(acts.some((a) => a.kind === k)).toBe(true);
    const broker = await demoActor(ctx.services, demo.DEMO_BROKER_EMAIL);
    const deals = new Map((await ctx.services.db.select().from(schema.deals)).map((d) => [d.id, d]));
    const pending = acts.filter((a) => {
      const d = deals.get(a.dealId)!;
      return a.nextStepDueOn && !a.nextStepDoneAt && d.brokerUserId === broker.userId && !['signed', 'declined'].includes(d.status);
    });
    expect(pending.some((a) => a.nextStepDueOn === TODAY)).toBe(true);
    expect(pending.some((a) => a.nextStepDueOn! < TODAY)).toBe(true);
  });

  it('gives the broker a profile with fields of expertise and a certificate number', async () => {
    const broker = await demoActor(ctx.services, demo.DEMO_BROKER_EMAIL);
    const p = await getBrokerProfile({ services: ctx.services, actor: broker });
    expect(p.fields.length).toBeGreaterThan(0);
    expect(p.certificateNo).toMatch(/^JSJLR-\d{4}-500-\d{4}$/);
  });
});

describe('the demo’s contract registrations', () => {
  it('imports about sixty registered contracts over last year and this one, Chongqing sellers, 技术交易额 ≤ 合同成交额', async () => {
    const all = await ctx.services.db.select().from(schema.techContracts);
    const imported = all.filter((c) => c.origin === 'import');
    expect(imported.length).toBeGreaterThanOrEqual(50);
    expect(imported.every((c) => c.status === 'registered')).toBe(true);
    expect(new Set(imported.map((c) => c.signedOn.slice(0, 4)))).toEqual(new Set(['2025', '2026']));
    expect(new Set(imported.map((c) => c.contractType)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(imported.map((c) => c.sellerRegionCode)).size).toBeGreaterThanOrEqual(3);
    expect(imported.every((c) => /^5001\d\d$/.test(c.sellerRegionCode))).toBe(true);
    expect(new Set(imported.map((c) => c.sellerNatureCode)).size).toBeGreaterThanOrEqual(2);
    for (const c of all) {
      expect(c.technologyAmountFen).toBeLessThanOrEqual(c.contractAmountFen);
      expect(c.contractAmountFen).toBeGreaterThanOrEqual(50_000 * 100);
    }
  });

  it('has a registration in the registrar’s queue, one accepted near its last day and one returned for correction', async () => {
    const online = (await ctx.services.db.select().from(schema.techContracts)).filter((c) => c.origin === 'online');
    const by = (s: string) => online.filter((c) => c.status === s);
    expect(by('submitted').length).toBeGreaterThanOrEqual(1);
    expect(by('registered')).toHaveLength(1);
    const [accepted] = by('accepted');
    expect(accepted!.dueOn! >= TODAY).toBe(true);
    expect(accepted!.dueOn! <= '2026-12-10').toBe(true);
    const [returned] = by('returned');
    expect(returned!.statusReason).toContain('补正');
  });

  it('awards the need of the signed deal whose contract is registered', async () => {
    const [registered] = (await ctx.services.db.select().from(schema.techContracts)).filter(
      (c) => c.origin === 'online' && c.status === 'registered',
    );
    expect(registered!.registrationNo).toMatch(/^2026\d{12}$/);
    const deal = (await ctx.services.db.select().from(schema.deals)).find((d) => d.id === registered!.dealId)!;
    expect(deal.status).toBe('signed');
    const need = (await ctx.services.db.select().from(schema.submissions)).find((s) => s.id === deal.needId)!;
    expect(need.status).toBe('awarded');
    const award = (await ctx.services.db.select().from(schema.auditEvents)).find(
      (e) => e.action === 'submission.award' && e.entityId === need.id,
    );
    expect((award!.data as { cause: { id: string } }).cause.id).toBe(registered!.id);
  });

  it('shows on the dashboard the 技术合同成交额 a direct sum over current registered contracts gives, against 20亿元', async () => {
    const [sum] = rows<{ fen: string }>(
      await ctx.services.db.execute(sql`
        select coalesce(sum(contract_amount_fen), 0)::text as fen from tech_contracts
         where status = 'registered' and superseded_at is null and kind <> 'cancellation'
           and signed_on between '2026-01-01' and '2026-12-31'`),
    );
    expect(Number(sum!.fen)).toBeGreaterThan(0);
    const operator = await demoActor(ctx.services, demo.DEMO_OPERATOR_EMAIL);
    const targets = await getAnnualTargets({ services: ctx.services, actor: operator, year: 2026 });
    const turnover = targets.items.find((t) => t.metric === 'contract_turnover_fen')!;
    expect(turnover.value).toBe(Number(sum!.fen));
    expect(turnover.target).toBe(200_000_000_000);
    for (const t of targets.items) expect(t.target).toBeGreaterThan(0);
  });

  it('counts views of the published needs over the past weeks, without visitor keys', async () => {
    const counts = await ctx.services.db.select().from(schema.listingViewCounts);
    expect(counts.length).toBeGreaterThan(100);
    expect(counts.every((c) => c.day < TODAY && c.views > 0)).toBe(true);
    expect(await ctx.services.db.select().from(schema.listingViewVisitors)).toHaveLength(0);
  });
});

describe('the outcomes seed', () => {
  it('keeps the audit chain whole', async () => {
    const operator = await demoActor(ctx.services, demo.DEMO_OPERATOR_EMAIL);
    expect((await verifyAuditChain({ services: ctx.services, actor: operator })).ok).toBe(true);
  });

  it('creates nothing when run again', async () => {
    const count = async () =>
      rows<{ n: string }>(
        await ctx.services.db.execute(sql`select
          (select count(*) from deals) + (select count(*) from deal_activities) + (select count(*) from tech_contracts)
          + (select count(*) from listing_view_counts) + (select count(*) from audit_events) as n`),
      )[0]!.n;
    const before = await count();
    expect((await seedDemoData({ services: ctx.services })).created).toBe(false);
    const ds = demo.generateDemoDataset({ seed: 2026, organizations: 30, needs: 200, capabilities: 100, now: NOW });
    const calls = await ctx.services.db.select().from(schema.calls);
    const again = await seedDemoOutcomes({
      services: ctx.services,
      ds,
      seed: 2026,
      pendingCodes: pendingOrganizations(ds),
      needCallId: calls[0]!.id,
      capabilityCallId: calls[1]!.id,
    });
    expect(again.deals).toBe(0);
    expect(await count()).toBe(before);
  });
});
