/**
 * The outcome dashboard's queries (docs/dashboard.md): annual targets, listing views counted
 * once per visitor per day, and the statistics. Every sum and count is an aggregate in SQL; the
 * money sums come back as text and are read as integers (分).
 *
 * "Current registered contract" (the only kind the statistics count): status registered, not
 * superseded by a later version, and not a cancellation. A contract belongs to the period of its
 * signing date (`signed_on`, the same on every version and on imported history).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { annualTargets, users } from '../schema.js';

function rowsOf(res: unknown): Record<string, unknown>[] {
  return (res as { rows: Record<string, unknown>[] }).rows;
}
const int = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const instant = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const instantOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : instant(v));

/** The SQL condition of a current registered contract (alias c). */
const CURRENT_CONTRACT = sql.raw(`c.status = 'registered' and c.superseded_at is null and c.kind <> 'cancellation'`);

export interface DashboardRange {
  /** Shanghai dates, both included. */
  from: string;
  to: string;
  /** 00:00 Shanghai of from; 24:00 Shanghai of to (exclusive). */
  startsAt: Date;
  endsAt: Date;
}

// ---------------------------------------------------------------- targets

export interface StoredTarget {
  metric: string;
  target: number;
  setAt: Date;
  setByName: string | null;
}

export async function listAnnualTargets(db: Executor, year: number): Promise<StoredTarget[]> {
  const rows = await db
    .select({ metric: annualTargets.metric, target: annualTargets.target, setAt: annualTargets.setAt, setByName: users.displayName })
    .from(annualTargets)
    .leftJoin(users, eq(users.id, annualTargets.setBy))
    .where(eq(annualTargets.year, year));
  return rows;
}

/** Sets (or, for null, clears) the year's targets named; returns what was there before. */
export async function saveAnnualTargets(
  tx: Executor,
  { year, targets, setBy }: { year: number; targets: Record<string, number | null>; setBy: string | null },
): Promise<Record<string, number>> {
  const metrics = Object.keys(targets);
  const before: Record<string, number> = {};
  if (metrics.length === 0) return before;
  const old = await tx
    .select({ metric: annualTargets.metric, target: annualTargets.target })
    .from(annualTargets)
    .where(and(eq(annualTargets.year, year), inArray(annualTargets.metric, metrics)))
    .for('update');
  for (const o of old) before[o.metric] = o.target;
  const clear = metrics.filter((m) => targets[m] === null);
  if (clear.length > 0) await tx.delete(annualTargets).where(and(eq(annualTargets.year, year), inArray(annualTargets.metric, clear)));
  const set = metrics.filter((m) => targets[m] !== null);
  if (set.length > 0) {
    await tx
      .insert(annualTargets)
      .values(set.map((metric) => ({ year, metric, target: targets[metric]!, setBy })))
      .onConflictDoUpdate({
        target: [annualTargets.year, annualTargets.metric],
        set: { target: sql`excluded.target`, setBy: sql`excluded.set_by`, setAt: sql`now()` },
      });
  }
  return before;
}

// ---------------------------------------------------------------- listing views

/** The day's secret, created on first use; a concurrent first use keeps whichever landed first. */
export async function listingViewSalt(db: Executor, day: string, candidate: string): Promise<string> {
  const res = await db.execute(sql`
    with ins as (
      insert into listing_view_salts (day, salt) values (${day}::date, ${candidate})
      on conflict (day) do nothing returning salt
    )
    select salt from ins union all select salt from listing_view_salts where day = ${day}::date limit 1`);
  return String(rowsOf(res)[0]!.salt);
}

/**
 * One view of a listing: the visitor's key is stored for the day once, and the day's count goes
 * up only when that insert happened — one statement, so two requests at once count once.
 * Answers whether it counted.
 */
export async function recordListingView(
  db: Executor,
  { day, submissionId, visitorKey }: { day: string; submissionId: string; visitorKey: string },
): Promise<boolean> {
  const res = await db.execute(sql`
    with ins as (
      insert into listing_view_visitors (day, submission_id, visitor_key)
      values (${day}::date, ${submissionId}::uuid, ${visitorKey})
      on conflict do nothing returning day, submission_id
    ), bumped as (
      insert into listing_view_counts (day, submission_id, views)
      select day, submission_id, 1 from ins
      on conflict (day, submission_id) do update set views = listing_view_counts.views + 1
      returning 1
    )
    select count(*)::int as n from bumped`);
  return int(rowsOf(res)[0]?.n) > 0;
}

/** Forgets the visitor keys and secrets of days before `today`; the counts stay. */
export async function purgeListingViewVisitors(db: Executor, today: string): Promise<{ visitors: number; salts: number }> {
  const v = await db.execute(
    sql`with d as (delete from listing_view_visitors where day < ${today}::date returning 1) select count(*)::int as n from d`,
  );
  const s = await db.execute(
    sql`with d as (delete from listing_view_salts where day < ${today}::date returning 1) select count(*)::int as n from d`,
  );
  return { visitors: int(rowsOf(v)[0]?.n), salts: int(rowsOf(s)[0]?.n) };
}

export async function listingViewTotals(db: Executor, submissionId: string): Promise<{ views: number; days: number; visitorKeys: number }> {
  const res = await db.execute(sql`
    select coalesce(sum(views), 0)::int as views, count(*)::int as days,
           (select count(*)::int from listing_view_visitors where submission_id = ${submissionId}::uuid) as keys
    from listing_view_counts where submission_id = ${submissionId}::uuid`);
  const r = rowsOf(res)[0]!;
  return { views: int(r.views), days: int(r.days), visitorKeys: int(r.keys) };
}

// ---------------------------------------------------------------- actuals

export interface DashboardActuals {
  contract_turnover_fen: number;
  entries_published: number;
  challenges_awarded: number;
  deals_signed: number;
  active_brokers: number;
}

/**
 * The target metrics over a period:
 * - contract_turnover_fen: Σ 合同成交额 of current registered contracts signed in the period;
 * - entries_published: scenario needs first published (batch entry) in the period;
 * - challenges_awarded: challenges with an award made in the period;
 * - deals_signed: deals signed in the period;
 * - active_brokers: brokers of deals that had an activity or reached a stage in the period.
 */
export async function dashboardActuals(db: Executor, r: DashboardRange): Promise<DashboardActuals> {
  const res = await db.execute(sql`
    select
      (select coalesce(sum(c.contract_amount_fen), 0)::text from tech_contracts c
        where ${CURRENT_CONTRACT} and c.signed_on between ${r.from}::date and ${r.to}::date) as turnover,
      (select count(*)::int from (
         select be.submission_id from batch_entries be where be.list_type = 'scenario_need'
         group by be.submission_id
         having min(be.published_at) >= ${r.startsAt} and min(be.published_at) < ${r.endsAt}) p) as published,
      (select count(distinct a.challenge_id)::int from challenge_awards a
        where a.awarded_at >= ${r.startsAt} and a.awarded_at < ${r.endsAt}) as awarded,
      (select count(*)::int from deals d where d.signed_at >= ${r.startsAt} and d.signed_at < ${r.endsAt}) as signed,
      (select count(*)::int from (
         select d.broker_user_id from deals d
          where d.broker_user_id is not null and (
                (d.intent_at >= ${r.startsAt} and d.intent_at < ${r.endsAt})
             or (d.meeting_at >= ${r.startsAt} and d.meeting_at < ${r.endsAt})
             or (d.negotiating_at >= ${r.startsAt} and d.negotiating_at < ${r.endsAt})
             or (d.signed_at >= ${r.startsAt} and d.signed_at < ${r.endsAt})
             or (d.declined_at >= ${r.startsAt} and d.declined_at < ${r.endsAt}))
         union
         select d.broker_user_id from deal_activities a join deals d on d.id = a.deal_id
          where d.broker_user_id is not null and a.occurred_at >= ${r.startsAt} and a.occurred_at < ${r.endsAt}) b) as brokers`);
  const row = rowsOf(res)[0]!;
  return {
    contract_turnover_fen: int(row.turnover),
    entries_published: int(row.published),
    challenges_awarded: int(row.awarded),
    deals_signed: int(row.signed),
    active_brokers: int(row.brokers),
  };
}

// ---------------------------------------------------------------- funnel

export interface FunnelCounts {
  published: number;
  viewed: number;
  interest: number;
  intent: number;
  meeting: number;
  signed: number;
  registered: number;
}

/**
 * The funnel of a cohort of scenario needs — those of one batch, or those first published in the
 * period — and how far each has got to date. A deal counts for a stage once it reached that stage
 * or a later one (a deal that went straight to signing passed the earlier stages too).
 */
export async function funnelCounts(db: Executor, cohort: { batchId: string } | DashboardRange): Promise<FunnelCounts> {
  const needs: SQL =
    'batchId' in cohort
      ? sql`select distinct be.submission_id as id from batch_entries be
             where be.batch_id = ${cohort.batchId}::uuid and be.list_type = 'scenario_need'`
      : sql`select be.submission_id as id from batch_entries be where be.list_type = 'scenario_need'
             group by be.submission_id
             having min(be.published_at) >= ${cohort.startsAt} and min(be.published_at) < ${cohort.endsAt}`;
  const res = await db.execute(sql`
    with n as (${needs}),
    d as (
      select d.need_id,
             bool_or(coalesce(d.intent_at, d.meeting_at, d.negotiating_at, d.signed_at) is not null) as intent,
             bool_or(coalesce(d.meeting_at, d.negotiating_at, d.signed_at) is not null) as meeting,
             bool_or(d.signed_at is not null) as signed
      from deals d where d.need_id in (select id from n) group by d.need_id
    ),
    reg as (
      select c.need_id as id from tech_contracts c where ${CURRENT_CONTRACT} and c.need_id in (select id from n)
      union
      select d.need_id from tech_contracts c join deals d on d.id = c.deal_id
       where ${CURRENT_CONTRACT} and d.need_id in (select id from n)
    )
    select
      count(*)::int as published,
      count(*) filter (where exists (select 1 from listing_view_counts v where v.submission_id = n.id and v.views > 0))::int as viewed,
      count(*) filter (where exists (select 1 from interests i where i.need_id = n.id))::int as interest,
      count(*) filter (where d.intent)::int as intent,
      count(*) filter (where d.meeting)::int as meeting,
      count(*) filter (where d.signed)::int as signed,
      count(*) filter (where n.id in (select id from reg))::int as registered
    from n left join d on d.need_id = n.id`);
  const r = rowsOf(res)[0]!;
  return {
    published: int(r.published),
    viewed: int(r.viewed),
    interest: int(r.interest),
    intent: int(r.intent),
    meeting: int(r.meeting),
    signed: int(r.signed),
    registered: int(r.registered),
  };
}

export interface NeedBatchRow {
  id: string;
  title: string;
  year: number;
  number: number;
  publishedAt: Date;
  entryCount: number;
}

export async function listNeedBatches(db: Executor, { limit, id }: { limit: number; id?: string }): Promise<NeedBatchRow[]> {
  const res = await db.execute(sql`
    select id, title, year, number, published_at, entry_count from batches
    where list_type = 'scenario_need' ${id ? sql`and id = ${id}::uuid` : sql``}
    order by published_at desc, id limit ${limit}`);
  return rowsOf(res).map((b) => ({
    id: String(b.id),
    title: String(b.title),
    year: int(b.year),
    number: int(b.number),
    publishedAt: instant(b.published_at),
    entryCount: int(b.entry_count),
  }));
}

// ---------------------------------------------------------------- turnover

export interface TurnoverSums {
  count: number;
  contractAmountFen: number;
  technologyAmountFen: number;
}
export interface TurnoverGroupRow extends TurnoverSums {
  key: string;
}
export interface TurnoverBreakdown {
  total: TurnoverSums;
  byType: TurnoverGroupRow[];
  byField: TurnoverGroupRow[];
  byRegion: TurnoverGroupRow[];
  bySellerKind: TurnoverGroupRow[];
  byMonth: TurnoverGroupRow[];
  /** Statistical report cells: contract type × seller region. */
  byTypeAndRegion: Array<TurnoverSums & { type: string; region: string }>;
}

/**
 * 合同成交额 / 技术交易额 of current registered contracts signed between from and to (dates
 * included), grouped every way the dashboard shows — one scan with GROUPING SETS.
 */
export async function turnoverBreakdown(db: Executor, from: string, to: string): Promise<TurnoverBreakdown> {
  const res = await db.execute(sql`
    select grouping(c.contract_type)::int as g_type, grouping(c.technology_field)::int as g_field,
           grouping(c.seller_region_code)::int as g_region, grouping(c.seller_nature_code)::int as g_kind,
           grouping(to_char(c.signed_on, 'YYYY-MM'))::int as g_month,
           c.contract_type, c.technology_field, c.seller_region_code, c.seller_nature_code,
           to_char(c.signed_on, 'YYYY-MM') as month,
           count(*)::int as n, sum(c.contract_amount_fen)::text as contract_fen, sum(c.technology_amount_fen)::text as technology_fen
    from tech_contracts c
    where ${CURRENT_CONTRACT} and c.signed_on between ${from}::date and ${to}::date
    group by grouping sets (
      (), (c.contract_type), (c.technology_field), (c.seller_region_code), (c.seller_nature_code),
      (to_char(c.signed_on, 'YYYY-MM')), (c.contract_type, c.seller_region_code))`);
  const out: TurnoverBreakdown = {
    total: { count: 0, contractAmountFen: 0, technologyAmountFen: 0 },
    byType: [],
    byField: [],
    byRegion: [],
    bySellerKind: [],
    byMonth: [],
    byTypeAndRegion: [],
  };
  for (const r of rowsOf(res)) {
    const sums = { count: int(r.n), contractAmountFen: int(r.contract_fen), technologyAmountFen: int(r.technology_fen) };
    const g = [int(r.g_type), int(r.g_field), int(r.g_region), int(r.g_kind), int(r.g_month)].join('');
    const key = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    if (g === '11111') out.total = sums;
    else if (g === '01111') out.byType.push({ key: key(r.contract_type), ...sums });
    else if (g === '10111') out.byField.push({ key: key(r.technology_field), ...sums });
    else if (g === '11011') out.byRegion.push({ key: key(r.seller_region_code), ...sums });
    else if (g === '11101') out.bySellerKind.push({ key: key(r.seller_nature_code), ...sums });
    else if (g === '11110') out.byMonth.push({ key: key(r.month), ...sums });
    else if (g === '01011') out.byTypeAndRegion.push({ type: key(r.contract_type), region: key(r.seller_region_code), ...sums });
  }
  const desc = (a: TurnoverGroupRow, b: TurnoverGroupRow) => b.contractAmountFen - a.contractAmountFen || a.key.localeCompare(b.key);
  out.byType.sort(desc);
  out.byField.sort(desc);
  out.byRegion.sort(desc);
  out.bySellerKind.sort(desc);
  out.byMonth.sort((a, b) => a.key.localeCompare(b.key));
  return out;
}

// ---------------------------------------------------------------- throughput and durations

export interface ThroughputMonthRow {
  month: string;
  selected: number;
  rejected: number;
  published: number;
}

/** Review decisions (select / reject) and publications per Shanghai month, from the audit trail. */
export async function reviewThroughput(db: Executor, r: DashboardRange): Promise<ThroughputMonthRow[]> {
  const res = await db.execute(sql`
    select to_char(e.at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
           count(*) filter (where e.action = 'submission.select')::int as selected,
           count(*) filter (where e.action = 'submission.reject')::int as rejected,
           count(*) filter (where e.action = 'submission.publish')::int as published
    from audit_events e
    where e.entity_type = 'submission' and e.action in ('submission.select', 'submission.reject', 'submission.publish')
      and e.at >= ${r.startsAt} and e.at < ${r.endsAt}
    group by 1 order by 1`);
  return rowsOf(res).map((m) => ({
    month: String(m.month),
    selected: int(m.selected),
    rejected: int(m.rejected),
    published: int(m.published),
  }));
}

export interface DurationRow {
  key: string;
  medianDays: number | null;
  count: number;
}

/**
 * Median days of each listing step for items that reached the later stage in the period:
 * submitted (submissions.submitted_at… the first submit) → in review (first start_review) →
 * selected (first select) → published (first publish), read from the audit trail.
 */
export async function listingStageDurations(db: Executor, r: DashboardRange): Promise<DurationRow[]> {
  const res = await db.execute(sql`
    with t as (
      select e.entity_id,
             min(e.at) filter (where e.action in ('submission.submit', 'submission.imported')) as submitted,
             min(e.at) filter (where e.action = 'submission.start_review') as reviewed,
             min(e.at) filter (where e.action = 'submission.select') as selected,
             min(e.at) filter (where e.action = 'submission.publish') as published
      from audit_events e
      where e.entity_type = 'submission'
        and e.action in ('submission.submit', 'submission.imported', 'submission.start_review', 'submission.select', 'submission.publish')
        and e.entity_id in (
          select x.entity_id from audit_events x
          where x.entity_type = 'submission' and x.action in ('submission.start_review', 'submission.select', 'submission.publish')
            and x.at >= ${r.startsAt} and x.at < ${r.endsAt})
      group by e.entity_id
    )
    select 'submitted_reviewed' as key, count(*)::int as n,
           percentile_cont(0.5) within group (order by extract(epoch from reviewed - submitted) / 86400) as median
      from t where reviewed >= ${r.startsAt} and reviewed < ${r.endsAt} and submitted is not null and submitted <= reviewed
    union all
    select 'reviewed_selected', count(*)::int,
           percentile_cont(0.5) within group (order by extract(epoch from selected - reviewed) / 86400)
      from t where selected >= ${r.startsAt} and selected < ${r.endsAt} and reviewed is not null and reviewed <= selected
    union all
    select 'selected_published', count(*)::int,
           percentile_cont(0.5) within group (order by extract(epoch from published - selected) / 86400)
      from t where published >= ${r.startsAt} and published < ${r.endsAt} and selected is not null and selected <= published`);
  return rowsOf(res).map((d) => ({ key: String(d.key), count: int(d.n), medianDays: roundDays(num(d.median)) }));
}

const roundDays = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Median days of each deal step, for deals that reached the later stage in the period. */
export async function dealStageDurations(db: Executor, r: DashboardRange): Promise<DurationRow[]> {
  const res = await db.execute(sql`
    select 'intent_meeting' as key, count(*)::int as n,
           percentile_cont(0.5) within group (order by extract(epoch from d.meeting_at - d.intent_at) / 86400) as median
      from deals d where d.meeting_at >= ${r.startsAt} and d.meeting_at < ${r.endsAt} and d.intent_at is not null and d.intent_at <= d.meeting_at
    union all
    select 'meeting_negotiating', count(*)::int,
           percentile_cont(0.5) within group (order by extract(epoch from d.negotiating_at - d.meeting_at) / 86400)
      from deals d where d.negotiating_at >= ${r.startsAt} and d.negotiating_at < ${r.endsAt} and d.meeting_at is not null and d.meeting_at <= d.negotiating_at
    union all
    select 'negotiating_signed', count(*)::int,
           percentile_cont(0.5) within group (order by extract(epoch from d.signed_at - d.negotiating_at) / 86400)
      from deals d where d.signed_at >= ${r.startsAt} and d.signed_at < ${r.endsAt} and d.negotiating_at is not null and d.negotiating_at <= d.signed_at`);
  return rowsOf(res).map((d) => ({ key: String(d.key), count: int(d.n), medianDays: roundDays(num(d.median)) }));
}

// ---------------------------------------------------------------- attention lists

export interface StaleListingRow {
  submissionId: string;
  title: string;
  organizationName: string;
  status: string;
  publishedAt: Date;
  lastActivityAt: Date | null;
}

/**
 * Published scenario needs (published or matching) first published before `before`, with no
 * interest and no deal activity since `before` (nothing for N days): the oldest first.
 */
export async function staleListings(
  db: Executor,
  { before, limit }: { before: Date; limit: number },
): Promise<{ total: number; items: StaleListingRow[] }> {
  const res = await db.execute(sql`
    with p as (
      select be.submission_id as id, min(be.published_at) as published_at
      from batch_entries be where be.list_type = 'scenario_need' group by be.submission_id
      having min(be.published_at) < ${before}
    ),
    s as (
      select p.id, p.published_at, sub.title, sub.status, o.name as organization_name,
             greatest((select max(i.created_at) from interests i where i.need_id = p.id),
                      (select max(d.last_activity_at) from deals d where d.need_id = p.id)) as last_activity
      from p join submissions sub on sub.id = p.id join organizations o on o.id = sub.organization_id
      where sub.status in ('published', 'matching')
    )
    select s.*, count(*) over ()::int as total from s
    where s.last_activity is null or s.last_activity < ${before}
    order by coalesce(s.last_activity, s.published_at), s.id
    limit ${limit}`);
  const rows = rowsOf(res);
  const total = rows.length > 0 ? int(rows[0]!.total) : 0;
  return {
    total,
    items: rows.map((s) => ({
      submissionId: String(s.id),
      title: String(s.title),
      organizationName: String(s.organization_name),
      status: String(s.status),
      publishedAt: instant(s.published_at),
      lastActivityAt: instantOrNull(s.last_activity),
    })),
  };
}

export interface DormantDealRow {
  dealId: string;
  code: string;
  title: string;
  status: string;
  brokerUserId: string | null;
  brokerName: string | null;
  lastActivityAt: Date;
  dormantSince: Date | null;
}

/** Dormant deals still open (not signed or declined), the longest idle first. */
export async function dormantDeals(db: Executor, { limit }: { limit: number }): Promise<{ total: number; items: DormantDealRow[] }> {
  const res = await db.execute(sql`
    select d.id, d.code, d.title, d.status, d.broker_user_id, u.display_name as broker_name, d.last_activity_at, d.dormant_since,
           count(*) over ()::int as total
    from deals d left join users u on u.id = d.broker_user_id
    where d.activity = 'dormant' and d.status not in ('signed', 'declined')
    order by d.last_activity_at, d.id
    limit ${limit}`);
  const rows = rowsOf(res);
  return {
    total: rows.length > 0 ? int(rows[0]!.total) : 0,
    items: rows.map((d) => ({
      dealId: String(d.id),
      code: String(d.code),
      title: String(d.title),
      status: String(d.status),
      brokerUserId: d.broker_user_id === null ? null : String(d.broker_user_id),
      brokerName: d.broker_name === null ? null : String(d.broker_name),
      lastActivityAt: instant(d.last_activity_at),
      dormantSince: instantOrNull(d.dormant_since),
    })),
  };
}
