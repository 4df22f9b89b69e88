/**
 * The dashboard's use cases on a real database: the funnel on a constructed scenario, targets
 * set and read with their audit entry, bad input that changes nothing, listing views counted
 * once per visitor per day and forgotten after the day, stage durations, stale listings and
 * dormant deals.
 */
import { listAuditEvents, listingViewTotals, schema } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { testActor } from '../shared/actor.testing.js';
import { createTestContext, makeOrganization, makeUser, type TestContext } from '../testing.js';
import { clearDashboardCache } from './cache.js';
import { getDashboard, getFunnel, readDashboard } from './get-dashboard.js';
import { purgeListingViews, recordListingView } from './listing-views.js';
import { getAnnualTargets, saveAnnualTargetsFor } from './targets.js';
import {
  addContract,
  addDeal,
  addInterest,
  dashboardWorld,
  makeCapability,
  makeNeedBatch,
  publishNeed,
  type DashboardWorld,
} from './testing.js';

const NOW = new Date('2026-12-20T04:00:00Z'); // 12:00 in Shanghai
let ctx: TestContext;
let w: DashboardWorld;
let operator: Actor;
let broker: Actor;
const needs: Record<string, string> = {};
let batch2026: string;
let batch2025: string;

const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const errorOf = async (f: () => Promise<unknown>) => {
  try {
    await f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status}:${(e as DomainError).code}`;
  }
};

beforeAll(async () => {
  ctx = await createTestContext({ now: NOW });
  w = await dashboardWorld(ctx.services);
  const platform = await makeOrganization(ctx.services, { kind: 'government', operator: true });
  const op = await makeUser(ctx.services, platform.id, ['operator']);
  const br = await makeUser(ctx.services, platform.id, ['broker']);
  operator = testActor(['operator'], { userId: op.id, organizationId: platform.id, displayName: '运营' });
  broker = testActor(['broker'], { userId: br.id, organizationId: platform.id, displayName: '经理人' });

  // 2026's batch: six needs, each a step further down the funnel; 2025's batch: one.
  batch2026 = await makeNeedBatch(ctx.services, w, day('2026-03-02'));
  batch2025 = await makeNeedBatch(ctx.services, w, day('2025-06-02'));
  for (const [i, n] of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].entries())
    needs[n] = await publishNeed(ctx.services, w, { batchId: batch2026, publishedAt: day('2026-03-02'), seq: i + 1 });
  needs.n7 = await publishNeed(ctx.services, w, { batchId: batch2025, publishedAt: day('2025-06-02'), seq: 1 });
  const cap = await makeCapability(ctx.services, w);

  const view = (id: string, ip: string) => recordListingView({ services: ctx.services, submissionId: id, ip, userAgent: 'test' });
  await view(needs.n2!, '10.0.0.2');
  await view(needs.n3!, '10.0.0.3');
  await view(needs.n5!, '10.0.0.5');
  await addInterest(ctx.services, w, needs.n2!, cap, day('2026-04-01'));
  await addInterest(ctx.services, w, needs.n3!, cap, day('2026-04-01'));
  await addDeal(ctx.services, w, { needId: needs.n2!, status: 'suggested' });
  await addDeal(ctx.services, w, { needId: needs.n3!, status: 'intent', intentAt: day('2026-04-02'), brokerUserId: br.id });
  // Straight to a meeting: it passed the intent stage too.
  await addDeal(ctx.services, w, { needId: needs.n4!, status: 'meeting', meetingAt: day('2026-05-01'), brokerUserId: br.id });
  const signed = await addDeal(ctx.services, w, {
    needId: needs.n5!,
    status: 'signed',
    intentAt: day('2026-04-01'),
    meetingAt: day('2026-04-11'),
    negotiatingAt: day('2026-05-01'),
    signedAt: day('2026-06-01'),
  });
  await addContract(ctx.services, w, {
    dealId: signed,
    signedOn: '2026-06-01',
    contractAmountFen: 300_000_000,
    technologyAmountFen: 250_000_000,
  });
  await addContract(ctx.services, w, { needId: needs.n6!, signedOn: '2026-07-01', contractAmountFen: 100, technologyAmountFen: 100 });
  // n1's only contract was cancelled: not registered any more.
  const first = await addContract(ctx.services, w, {
    needId: needs.n1!,
    signedOn: '2026-07-01',
    contractAmountFen: 100,
    technologyAmountFen: 100,
    supersededAt: day('2026-08-01'),
  });
  await addContract(ctx.services, w, {
    needId: needs.n1!,
    lineageId: first.lineageId,
    versionNo: 2,
    kind: 'cancellation',
    supersedesId: first.id,
    signedOn: '2026-07-01',
    contractAmountFen: 100,
    technologyAmountFen: 100,
  });
});
afterAll(() => ctx.close());

describe('funnel', () => {
  it('counts distinct needs per stage for the period and for a batch', async () => {
    const f = await getFunnel({ services: ctx.services, actor: operator, query: { year: 2026 } });
    expect(Object.fromEntries(f.stages.map((s) => [s.stage, s.count]))).toEqual({
      published: 6,
      viewed: 3,
      interest: 2,
      intent: 3,
      meeting: 2,
      signed: 1,
      registered: 2,
    });
    expect(f.stages[0]!.shareOfPublished).toBe(1);
    expect(f.batch).toBeNull();
    expect(f.batches.map((b) => b.id)).toEqual([batch2026, batch2025]);

    const b = await getFunnel({ services: ctx.services, actor: operator, query: { year: 2026, batchId: batch2025 } });
    expect(b.batch?.id).toBe(batch2025);
    expect(b.stages.map((s) => s.count)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(
      await errorOf(() =>
        getFunnel({ services: ctx.services, actor: operator, query: { batchId: '00000000-0000-4000-8000-000000000000' } }),
      ),
    ).toBe('404:NOT_FOUND');
  });
});

describe('targets', () => {
  it('the operator sets them, with an audit entry; the dashboard shows progress', async () => {
    const saved = await saveAnnualTargetsFor({
      services: ctx.services,
      actor: operator,
      year: 2026,
      input: { targets: { contract_turnover_fen: 200_000_000_000, deals_signed: 4 }, reason: '年度计划' },
    });
    const byMetric = Object.fromEntries(saved.items.map((i) => [i.metric, i]));
    expect(byMetric.contract_turnover_fen).toMatchObject({
      value: 300_000_100,
      target: 200_000_000_000,
      ratio: 0.0015,
      setByName: '测试用户',
    });
    expect(byMetric.deals_signed).toMatchObject({ value: 1, target: 4, ratio: 0.25 });
    expect(byMetric.entries_published).toMatchObject({ value: 6, target: null, ratio: null });
    expect(byMetric.active_brokers!.value).toBe(1);

    const audit = await listAuditEvents(ctx.handle.db, { entityType: 'annual_targets', entityId: '2026', limit: 10, offset: 0 });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'dashboard.targets_saved', reason: '年度计划' });
    expect((audit.items[0]!.data as { changes: unknown[] }).changes).toHaveLength(2);

    // Clearing one: null removes it.
    await saveAnnualTargetsFor({ services: ctx.services, actor: operator, year: 2026, input: { targets: { deals_signed: null } } });
    const read = await getAnnualTargets({ services: ctx.services, actor: broker, year: 2026 });
    expect(read.items.find((i) => i.metric === 'deals_signed')!.target).toBeNull();
    expect(read.items.find((i) => i.metric === 'contract_turnover_fen')!.target).toBe(200_000_000_000);

    const d = await getDashboard({ services: ctx.services, actor: broker, query: { year: 2026 } });
    expect(d.targets.find((t) => t.metric === 'contract_turnover_fen')!.target).toBe(200_000_000_000);
  });

  it('refuses others and bad years, and nothing changes', async () => {
    const rows = async () =>
      (await ctx.handle.db.select().from(schema.annualTargets)).map((r) => `${r.year}:${r.metric}:${r.target}`).sort();
    const audit = async () => (await listAuditEvents(ctx.handle.db, { entityType: 'annual_targets', limit: 100, offset: 0 })).total;
    const [before, auditBefore] = [await rows(), await audit()];
    const input = { targets: { deals_signed: 9 } };
    expect(await errorOf(() => saveAnnualTargetsFor({ services: ctx.services, actor: broker, year: 2026, input }))).toBe('403:FORBIDDEN');
    expect(await errorOf(() => saveAnnualTargetsFor({ services: ctx.services, actor: operator, year: 1800, input }))).toBe(
      '400:VALIDATION_FAILED',
    );
    const member = testActor(['org_admin'], { organizationId: w.demandOrgId });
    expect(await errorOf(() => getDashboard({ services: ctx.services, actor: member, query: {} }))).toBe('403:FORBIDDEN');
    expect(
      await errorOf(() => getDashboard({ services: ctx.services, actor: operator, query: { from: '2026-05-01', to: '2026-04-01' } })),
    ).toBe('400:VALIDATION_FAILED');
    expect(await errorOf(() => getDashboard({ services: ctx.services, actor: operator, query: { year: 1800 } }))).toBe(
      '400:VALIDATION_FAILED',
    );
    expect([await rows(), await audit()]).toEqual([before, auditBefore]);
  });
});

describe('durations and follow-ups', () => {
  it('takes the median of each deal step and lists dormant deals and stale needs', async () => {
    const dormant = await addDeal(ctx.services, w, {
      needId: needs.n7!,
      status: 'meeting',
      activity: 'dormant',
      lastActivityAt: day('2026-09-01'),
      brokerUserId: broker.userId,
    });
    clearDashboardCache(ctx.services);
    const d = await readDashboard(ctx.services, { year: 2026, staleDays: 30 });
    const deal = Object.fromEntries(d.throughput.dealStages.map((s) => [s.key, s]));
    expect(deal.intent_meeting).toMatchObject({ medianDays: 10, count: 1 });
    expect(deal.meeting_negotiating).toMatchObject({ medianDays: 20, count: 1 });
    expect(deal.negotiating_signed).toMatchObject({ medianDays: 31, count: 1 });
    expect(d.attention.dormant.map((x) => x.dealId)).toEqual([dormant]);
    expect(d.attention.dormant[0]).toMatchObject({ brokerName: '测试用户', idleDays: 110 });
    // n1 and n6 never drew an interest or a deal, n7's only deal went quiet 110 days ago; the
    // others' last deal activity is "now".
    expect(d.attention.stale.map((s) => s.submissionId).sort()).toEqual([needs.n1, needs.n6, needs.n7].sort());
    expect(d.attention.staleTotal).toBe(3);
    expect(d.attention.stale.find((s) => s.submissionId === needs.n7)!.idleDays).toBe(110);
    expect(d.turnover.byMonth).toHaveLength(12);
    expect(d.throughput.byMonth).toHaveLength(12);
  });
});

describe('listing views', () => {
  it('counts once per visitor per day and forgets the visitors after the day', async () => {
    const id = needs.n4!;
    const view = (ip: string, ua = 'Mozilla/5.0') => recordListingView({ services: ctx.services, submissionId: id, ip, userAgent: ua });
    expect(await view('192.0.2.1')).toBe(true);
    expect(await view('192.0.2.1')).toBe(false);
    // The same visitor several times at once still counts once.
    await Promise.all([view('192.0.2.9'), view('192.0.2.9'), view('192.0.2.9')]);
    expect((await listingViewTotals(ctx.handle.db, id)).views).toBe(2);
    expect(await view('192.0.2.1', 'another browser')).toBe(true);
    expect(await listingViewTotals(ctx.handle.db, id)).toEqual({ views: 3, days: 1, visitorKeys: 3 });

    ctx.setNow(new Date(NOW.getTime() + 86_400_000));
    expect(await view('192.0.2.1')).toBe(true);
    expect(await listingViewTotals(ctx.handle.db, id)).toEqual({ views: 4, days: 2, visitorKeys: 4 });
    // Nothing kept names the visitor: the key is a keyed hash.
    const keys = await ctx.handle.db.select().from(schema.listingViewVisitors);
    expect(keys.every((k) => !k.visitorKey.includes('192.0.2'))).toBe(true);

    ctx.setNow(new Date(NOW.getTime() + 2 * 86_400_000));
    const purged = await purgeListingViews({ services: ctx.services });
    expect(purged.visitors).toBeGreaterThanOrEqual(4);
    expect(await ctx.handle.db.select().from(schema.listingViewVisitors)).toEqual([]);
    expect(await ctx.handle.db.select().from(schema.listingViewSalts)).toEqual([]);
    expect((await listingViewTotals(ctx.handle.db, id)).views).toBe(4);
    ctx.setNow(NOW);
  });
});
