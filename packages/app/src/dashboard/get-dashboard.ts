/**
 * The outcome dashboard in one answer (GET /dashboard), and its funnel alone (GET
 * /dashboard/funnel) for switching batches. Every number is an aggregate query
 * (db/dashboard/repository.ts); answers are kept for a few seconds per query (./cache.ts).
 */
import type {
  AttentionLists,
  Dashboard,
  DashboardQuery,
  FunnelChart,
  ThroughputChart,
  TurnoverChart,
} from '@scenebridge/contract/dashboard';
import {
  dealStageDurations,
  dormantDeals,
  funnelCounts,
  listingStageDurations,
  listNeedBatches,
  reviewThroughput,
  staleListings,
  turnoverBreakdown,
  type DashboardRange,
  type Executor,
  type NeedBatchRow,
  type TurnoverGroupRow,
} from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import {
  DASHBOARD_LIMITS,
  DEAL_STAGE_STEPS,
  FUNNEL_STAGES,
  FUNNEL_STAGE_LABELS,
  LISTING_STAGE_STEPS,
  monthYearBefore,
  periodMonths,
  previousYearPeriod,
  type DashboardPeriod,
} from '@scenebridge/domain/dashboard';
import type { Actor, Services } from '../context.js';
import { dashboardCache, DASHBOARD_ANSWER_TTL_MS, DASHBOARD_STALE_GRACE_MS } from './cache.js';
import { contractTypeLabel, regionLabel, sellerKindLabel, technologyFieldLabel } from './labels.js';
import { periodDto, periodOf, rangeOf } from './period.js';
import { authorizeDashboard } from './policy.js';
import { targetRows } from './targets.js';

const DAY_MS = 86_400_000;
const BATCH_OPTIONS = 100;

const batchDto = (b: NeedBatchRow) => ({ ...b, publishedAt: b.publishedAt.toISOString() });

export async function funnelChart(db: Executor, period: DashboardPeriod, batchId: string | undefined): Promise<FunnelChart> {
  const [batches, chosen] = await Promise.all([
    listNeedBatches(db, { limit: BATCH_OPTIONS }),
    batchId ? listNeedBatches(db, { limit: 1, id: batchId }) : Promise.resolve([]),
  ]);
  if (batchId && chosen.length === 0) throw notFound('清单批次');
  const counts = await funnelCounts(db, batchId ? { batchId } : rangeOf(period));
  return {
    period: periodDto(period),
    batch: chosen[0] ? batchDto(chosen[0]) : null,
    stages: FUNNEL_STAGES.map((stage) => ({
      stage,
      label: FUNNEL_STAGE_LABELS[stage],
      count: counts[stage],
      shareOfPublished: counts.published > 0 ? Math.round((counts[stage] / counts.published) * 10_000) / 10_000 : null,
    })),
    batches: batches.map(batchDto),
  };
}

export async function turnoverChart(db: Executor, period: DashboardPeriod): Promise<TurnoverChart> {
  const previous = previousYearPeriod(period);
  const [now, before] = await Promise.all([
    turnoverBreakdown(db, period.from, period.to),
    turnoverBreakdown(db, previous.from, previous.to),
  ]);
  const group = (label: (code: string) => string) => (g: TurnoverGroupRow) => ({
    key: g.key,
    label: label(g.key),
    count: g.count,
    contractAmountFen: g.contractAmountFen,
    technologyAmountFen: g.technologyAmountFen,
  });
  const thisMonth = new Map(now.byMonth.map((m) => [m.key, m]));
  const lastYear = new Map(before.byMonth.map((m) => [m.key, m]));
  return {
    total: now.total,
    previousTotal: before.total,
    byType: now.byType.map(group(contractTypeLabel)),
    byField: now.byField.map(group(technologyFieldLabel)),
    byDistrict: now.byRegion.map(group(regionLabel)),
    bySellerKind: now.bySellerKind.map(group(sellerKindLabel)),
    byMonth: periodMonths(period).map((month) => {
      const m = thisMonth.get(month);
      const p = lastYear.get(monthYearBefore(month));
      return {
        month,
        count: m?.count ?? 0,
        contractAmountFen: m?.contractAmountFen ?? 0,
        technologyAmountFen: m?.technologyAmountFen ?? 0,
        previousMonth: monthYearBefore(month),
        previousCount: p?.count ?? 0,
        previousContractAmountFen: p?.contractAmountFen ?? 0,
      };
    }),
  };
}

export async function throughputChart(db: Executor, period: DashboardPeriod): Promise<ThroughputChart> {
  const range: DashboardRange = rangeOf(period);
  const [months, listing, deal] = await Promise.all([
    reviewThroughput(db, range),
    listingStageDurations(db, range),
    dealStageDurations(db, range),
  ]);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const listingByKey = new Map(listing.map((d) => [d.key, d]));
  const dealByKey = new Map(deal.map((d) => [d.key, d]));
  return {
    byMonth: periodMonths(period).map((month) => {
      const m = byMonth.get(month);
      return {
        month,
        reviewed: (m?.selected ?? 0) + (m?.rejected ?? 0),
        selected: m?.selected ?? 0,
        rejected: m?.rejected ?? 0,
        published: m?.published ?? 0,
      };
    }),
    listingStages: LISTING_STAGE_STEPS.map((s) => ({
      key: s.key,
      label: s.label,
      medianDays: listingByKey.get(s.key)?.medianDays ?? null,
      count: listingByKey.get(s.key)?.count ?? 0,
    })),
    dealStages: DEAL_STAGE_STEPS.map((s) => ({
      key: s.key,
      label: s.label,
      medianDays: dealByKey.get(s.key)?.medianDays ?? null,
      count: dealByKey.get(s.key)?.count ?? 0,
    })),
  };
}

export async function attentionLists(db: Executor, now: Date, staleDays: number): Promise<AttentionLists> {
  const before = new Date(now.getTime() - staleDays * DAY_MS);
  const limit = DASHBOARD_LIMITS.attentionItems;
  const [stale, dormant] = await Promise.all([staleListings(db, { before, limit }), dormantDeals(db, { limit })]);
  const idle = (since: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
  return {
    staleDays,
    staleTotal: stale.total,
    stale: stale.items.map((s) => ({
      submissionId: s.submissionId,
      title: s.title,
      organizationName: s.organizationName,
      status: s.status,
      publishedAt: s.publishedAt.toISOString(),
      lastActivityAt: s.lastActivityAt?.toISOString() ?? null,
      idleDays: idle(s.lastActivityAt ?? s.publishedAt),
    })),
    dormantTotal: dormant.total,
    dormant: dormant.items.map((d) => ({
      dealId: d.dealId,
      code: d.code,
      title: d.title,
      status: d.status,
      brokerUserId: d.brokerUserId,
      brokerName: d.brokerName,
      lastActivityAt: d.lastActivityAt.toISOString(),
      dormantSince: d.dormantSince?.toISOString() ?? null,
      idleDays: idle(d.lastActivityAt),
    })),
  };
}

/** Reads the whole dashboard (no authorization, no cache): the use cases and exports share it. */
export async function readDashboard(services: Services, query: DashboardQuery): Promise<Dashboard> {
  const now = services.now();
  const period = periodOf(query, now);
  const db = services.db;
  const staleDays = query.staleDays ?? DASHBOARD_LIMITS.defaultStaleDays;
  // One part after another: a few connections at a time, not a dozen (the pool serves sessions too).
  const targets = await targetRows(db, period);
  const funnel = await funnelChart(db, period, query.batchId);
  const turnover = await turnoverChart(db, period);
  const throughput = await throughputChart(db, period);
  const attention = await attentionLists(db, now, staleDays);
  return {
    period: periodDto(period),
    previousPeriod: periodDto(previousYearPeriod(period)),
    generatedAt: now.toISOString(),
    maxStaleSeconds: Math.ceil((DASHBOARD_ANSWER_TTL_MS + DASHBOARD_STALE_GRACE_MS) / 1000),
    targets,
    funnel,
    turnover,
    throughput,
    attention,
  };
}

const keyOf = (name: string, q: Record<string, unknown>) =>
  `${name}?${Object.keys(q)
    .sort()
    .filter((k) => q[k] !== undefined)
    .map((k) => `${k}=${String(q[k])}`)
    .join('&')}`;

export async function getDashboard({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: DashboardQuery;
}): Promise<Dashboard> {
  authorizeDashboard(actor, 'view');
  const period = periodOf(query, services.now()); // a bad period is a 400 before the cache is asked
  const key = keyOf('dashboard', { from: period.from, to: period.to, batchId: query.batchId, staleDays: query.staleDays });
  return dashboardCache(services, key, () => readDashboard(services, { ...query, year: undefined, from: period.from, to: period.to }));
}

export async function getFunnel({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: DashboardQuery;
}): Promise<FunnelChart> {
  authorizeDashboard(actor, 'view');
  const period = periodOf(query, services.now());
  const key = keyOf('funnel', { from: period.from, to: period.to, batchId: query.batchId });
  return dashboardCache(services, key, () => funnelChart(services.db, period, query.batchId));
}
