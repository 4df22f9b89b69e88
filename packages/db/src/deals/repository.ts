/**
 * 对接项目 queries (docs/deals.md): deals with their parties, listings and broker; the viewer's
 * scoped list, the board aggregate (SQL, not JS), the activity log, the clock's dormancy and
 * next-step scans, and the broker's profile, caseload and conversion figures.
 */
import { and, asc, desc, eq, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { interests, organizations, submissions, users } from '../schema.js';
import { brokerProfiles, dealActivities, deals } from './schema.js';

export type DealRow = typeof deals.$inferSelect;
export type NewDeal = typeof deals.$inferInsert;
export type DealActivityRow = typeof dealActivities.$inferSelect;
export type BrokerProfileRow = typeof brokerProfiles.$inferSelect;

/** The stages of an open deal (neither signed nor declined). */
export const OPEN_DEAL_STATUSES = ['suggested', 'intent', 'meeting', 'negotiating'] as const;

/** A deal with what the API shows beside it. */
export interface DealView extends DealRow {
  needTitle: string;
  needStatus: string;
  capabilityTitle: string | null;
  capabilityStatus: string | null;
  demandOrganizationName: string;
  supplyOrganizationName: string;
  brokerName: string | null;
  /** The earliest next step not yet done (its text and due date), for the board's cards. */
  nextStep: string | null;
  nextStepDueOn: string | null;
}

const need = alias(submissions, 'deal_need');
const capability = alias(submissions, 'deal_capability');
const demandOrg = alias(organizations, 'deal_demand_org');
const supplyOrg = alias(organizations, 'deal_supply_org');
const broker = alias(users, 'deal_broker');

const viewColumns = {
  deal: deals,
  needTitle: need.title,
  needStatus: need.status,
  capabilityTitle: capability.title,
  capabilityStatus: capability.status,
  demandOrganizationName: demandOrg.name,
  supplyOrganizationName: supplyOrg.name,
  brokerName: broker.displayName,
  nextStep: sql<
    string | null
  >`(select a.next_step from ${dealActivities} a where a.deal_id = ${deals.id} and a.next_step_due_on is not null and a.next_step_done_at is null order by a.next_step_due_on, a.created_at limit 1)`,
  nextStepDueOn: sql<
    string | null
  >`(select to_char(min(a.next_step_due_on), 'YYYY-MM-DD') from ${dealActivities} a where a.deal_id = ${deals.id} and a.next_step_done_at is null)`,
};

function viewQuery(db: Executor) {
  return db
    .select(viewColumns)
    .from(deals)
    .innerJoin(need, eq(need.id, deals.needId))
    .leftJoin(capability, eq(capability.id, deals.capabilityId))
    .innerJoin(demandOrg, eq(demandOrg.id, deals.demandOrganizationId))
    .innerJoin(supplyOrg, eq(supplyOrg.id, deals.supplyOrganizationId))
    .leftJoin(broker, eq(broker.id, deals.brokerUserId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];
const toView = (r: ViewRow): DealView => ({
  ...r.deal,
  needTitle: r.needTitle,
  needStatus: r.needStatus,
  capabilityTitle: r.capabilityTitle,
  capabilityStatus: r.capabilityStatus,
  demandOrganizationName: r.demandOrganizationName,
  supplyOrganizationName: r.supplyOrganizationName,
  brokerName: r.brokerName,
  nextStep: r.nextStep,
  nextStepDueOn: r.nextStepDueOn,
});

export async function insertDeal(db: Executor, d: NewDeal): Promise<DealRow> {
  const [row] = await db.insert(deals).values(d).returning();
  return row!;
}

/** Null when another transaction inserted the same interest's or award's deal first (unique index). */
export async function insertDealIfAbsent(db: Executor, d: NewDeal): Promise<DealRow | undefined> {
  const [row] = await db.insert(deals).values(d).onConflictDoNothing().returning();
  return row;
}

export async function findDeal(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<DealView | undefined> {
  const q = viewQuery(db).where(eq(deals.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: deals }) : await q;
  return row ? toView(row) : undefined;
}

export async function findDealByInterest(db: Executor, interestId: string): Promise<DealView | undefined> {
  const [row] = await viewQuery(db).where(eq(deals.interestId, interestId));
  return row ? toView(row) : undefined;
}

export async function findDealByAward(db: Executor, awardId: string): Promise<DealView | undefined> {
  const [row] = await viewQuery(db).where(eq(deals.awardId, awardId));
  return row ? toView(row) : undefined;
}

/** Whether an open or signed deal already pairs this need with this capability. */
export async function findDealOfPair(db: Executor, needId: string, capabilityId: string): Promise<DealRow | undefined> {
  const [row] = await db
    .select()
    .from(deals)
    .where(and(eq(deals.needId, needId), eq(deals.capabilityId, capabilityId), sql`${deals.status} <> 'declined'`))
    .limit(1);
  return row;
}

/**
 * Optimistic update: applies only when the row still has `version` (and `where` holds), and
 * bumps the version. Undefined when someone else changed it first.
 */
export async function updateDeal(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<NewDeal>,
  where?: SQL,
): Promise<DealRow | undefined> {
  const [row] = await db
    .update(deals)
    .set({ ...patch, updatedAt: patch.updatedAt ?? sql`now()`, version: sql`${deals.version} + 1` })
    .where(and(eq(deals.id, id), eq(deals.version, version), where))
    .returning();
  return row;
}

/**
 * The next deal code of a year: DJ-<year>-<5 digits>. Call inside the inserting transaction: the
 * advisory lock (held to its end) keeps two deals created at once from drawing the same number.
 */
export async function nextDealCode(db: Executor, year: number): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('deals.code'))`);
  const prefix = `DJ-${year}-`;
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(substring(${deals.code} from ${prefix.length + 1}::int)::int), 0)` })
    .from(deals)
    .where(sql`${deals.code} like ${prefix + '%'}`);
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(5, '0')}`;
}

// --- lists, board, export: one query builder ---------------------------------------------------

/** Whose deals the viewer sees: everything, or the union of an organisation's and a broker's. */
export interface DealScope {
  all?: boolean;
  /** Deals where this organisation is the demand or the supply side. */
  organizationId?: string;
  /** Deals assigned to this broker, and those nobody holds yet. */
  brokerUserId?: string;
}

export interface DealFilters {
  status?: readonly string[];
  activity?: string;
  /** A broker's user id, or 'none' for deals without a broker. */
  brokerId?: string;
  q?: string;
  needId?: string;
}

/** The WHERE of every list of deals: the list page, the board and the export read the same. */
export function dealConditions(scope: DealScope, f: DealFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (!scope.all) {
    const sees: SQL[] = [];
    if (scope.organizationId) {
      sees.push(or(eq(deals.demandOrganizationId, scope.organizationId), eq(deals.supplyOrganizationId, scope.organizationId))!);
    }
    if (scope.brokerUserId) sees.push(or(eq(deals.brokerUserId, scope.brokerUserId), isNull(deals.brokerUserId))!);
    conds.push(sees.length ? or(...sees) : sql`false`);
  }
  if (f.status?.length) conds.push(inArray(deals.status, [...f.status]));
  if (f.activity) conds.push(eq(deals.activity, f.activity));
  if (f.brokerId === 'none') conds.push(isNull(deals.brokerUserId));
  else if (f.brokerId) conds.push(eq(deals.brokerUserId, f.brokerId));
  if (f.needId) conds.push(eq(deals.needId, f.needId));
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(deals.title, like), ilike(deals.code, like), ilike(need.title, like))!);
  }
  return and(...conds);
}

export async function listDeals(
  db: Executor,
  scope: DealScope,
  f: DealFilters,
  page: { offset: number; limit: number },
): Promise<{ items: DealView[]; total: number }> {
  const where = dealConditions(scope, f);
  const rows = await viewQuery(db).where(where).orderBy(desc(deals.lastActivityAt), desc(deals.id)).limit(page.limit).offset(page.offset);
  const [t] = await db
    .select({ n: sql<string>`count(*)` })
    .from(deals)
    .innerJoin(need, eq(need.id, deals.needId))
    .where(where);
  return { items: rows.map(toView), total: Number(t?.n ?? 0) };
}

export interface DealStageAggregate {
  stage: string;
  count: number;
  totalExpectedFen: number;
  dormantCount: number;
}

/** Count, expected-amount sum (分) and dormant count per stage, summed by the database. */
export async function aggregateDealsByStage(db: Executor, scope: DealScope, f: DealFilters): Promise<DealStageAggregate[]> {
  const rows = await db
    .select({
      stage: deals.status,
      n: sql<string>`count(*)`,
      sum: sql<string>`coalesce(sum(${deals.expectedAmountFen}), 0)`,
      dormant: sql<string>`count(*) filter (where ${deals.activity} = 'dormant')`,
    })
    .from(deals)
    .innerJoin(need, eq(need.id, deals.needId))
    .where(dealConditions(scope, f))
    .groupBy(deals.status);
  return rows.map((r) => ({ stage: r.stage, count: Number(r.n), totalExpectedFen: Number(r.sum), dormantCount: Number(r.dormant) }));
}

// --- activity log ---------------------------------------------------------------------------

export interface DealActivityView extends DealActivityRow {
  createdByName: string | null;
}

export async function insertDealActivity(db: Executor, a: typeof dealActivities.$inferInsert): Promise<DealActivityRow> {
  const [row] = await db.insert(dealActivities).values(a).returning();
  return row!;
}

export async function listDealActivities(db: Executor, dealId: string): Promise<DealActivityView[]> {
  const rows = await db
    .select({ a: dealActivities, createdByName: users.displayName })
    .from(dealActivities)
    .leftJoin(users, eq(users.id, dealActivities.createdBy))
    .where(eq(dealActivities.dealId, dealId))
    .orderBy(desc(dealActivities.occurredAt), desc(dealActivities.createdAt));
  return rows.map((r) => ({ ...r.a, createdByName: r.createdByName }));
}

export async function findDealActivity(db: Executor, id: string): Promise<DealActivityRow | undefined> {
  const [row] = await db.select().from(dealActivities).where(eq(dealActivities.id, id));
  return row;
}

/** Closes an open next step; undefined when it was closed already (or has none). */
export async function markNextStepDone(db: Executor, id: string, at: Date): Promise<DealActivityRow | undefined> {
  const [row] = await db
    .update(dealActivities)
    .set({ nextStepDoneAt: at })
    .where(and(eq(dealActivities.id, id), isNull(dealActivities.nextStepDoneAt), sql`${dealActivities.nextStep} is not null`))
    .returning();
  return row;
}

// --- the clock -------------------------------------------------------------------------------

/** Open, active deals whose last activity is before `cutoff`, oldest first. */
export async function listDealsToGoDormant(db: Executor, cutoff: Date, limit = 500): Promise<DealRow[]> {
  return db
    .select()
    .from(deals)
    .where(and(inArray(deals.status, [...OPEN_DEAL_STATUSES]), eq(deals.activity, 'active'), lt(deals.lastActivityAt, cutoff)))
    .orderBy(asc(deals.lastActivityAt))
    .limit(limit);
}

export interface DueNextStep {
  activity: DealActivityRow;
  deal: DealRow;
}

/** Open next steps of open deals due on or before `today` (YYYY-MM-DD) and not yet reminded. */
export async function listUnremindedDueNextSteps(db: Executor, today: string, limit = 1000): Promise<DueNextStep[]> {
  return db
    .select({ activity: dealActivities, deal: deals })
    .from(dealActivities)
    .innerJoin(deals, eq(deals.id, dealActivities.dealId))
    .where(
      and(
        lte(dealActivities.nextStepDueOn, today),
        isNull(dealActivities.nextStepDoneAt),
        isNull(dealActivities.remindedAt),
        inArray(deals.status, [...OPEN_DEAL_STATUSES]),
      ),
    )
    .orderBy(asc(dealActivities.nextStepDueOn), asc(dealActivities.id))
    .limit(limit);
}

/** Marks one reminder sent; false when another run marked it first. */
export async function markNextStepReminded(db: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(dealActivities)
    .set({ remindedAt: at })
    .where(and(eq(dealActivities.id, id), isNull(dealActivities.remindedAt)))
    .returning({ id: dealActivities.id });
  return rows.length > 0;
}

// --- brokers ---------------------------------------------------------------------------------

export async function findBrokerProfile(db: Executor, userId: string): Promise<BrokerProfileRow | undefined> {
  const [row] = await db.select().from(brokerProfiles).where(eq(brokerProfiles.userId, userId));
  return row;
}

export async function upsertBrokerProfile(
  db: Executor,
  p: { userId: string; fields: string[]; certificateNo: string | null; bio: string | null },
): Promise<BrokerProfileRow> {
  const [row] = await db
    .insert(brokerProfiles)
    .values(p)
    .onConflictDoUpdate({
      target: brokerProfiles.userId,
      set: { fields: p.fields, certificateNo: p.certificateNo, bio: p.bio, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export interface BrokerListRow {
  userId: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
  fields: string[];
  certificateNo: string | null;
  openDeals: number;
}

/** Enabled users with the broker role, with their profile and the open deals they hold. */
export async function listBrokers(db: Executor, opts: { userId?: string } = {}): Promise<BrokerListRow[]> {
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      fields: brokerProfiles.fields,
      certificateNo: brokerProfiles.certificateNo,
      openDeals: sql<string>`(select count(*) from ${deals} d where d.broker_user_id = ${users.id} and d.status in ('suggested', 'intent', 'meeting', 'negotiating'))`,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(brokerProfiles, eq(brokerProfiles.userId, users.id))
    .where(and(sql`'broker' = any(${users.roles})`, eq(users.disabled, false), opts.userId ? eq(users.id, opts.userId) : undefined))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((r) => ({ ...r, fields: r.fields ?? [], openDeals: Number(r.openDeals) }));
}

export interface BrokerFigures {
  byStage: { stage: string; count: number; dormant: number }[];
  unassignedOpen: number;
  handled: number;
  signed: number;
  declined: number;
  signedExpectedFen: number;
}

/** A broker's caseload by stage and conversion figures, counted by the database. */
export async function brokerFigures(db: Executor, brokerUserId: string): Promise<BrokerFigures> {
  const byStage = await db
    .select({
      stage: deals.status,
      n: sql<string>`count(*)`,
      dormant: sql<string>`count(*) filter (where ${deals.activity} = 'dormant')`,
      sum: sql<string>`coalesce(sum(${deals.expectedAmountFen}), 0)`,
    })
    .from(deals)
    .where(eq(deals.brokerUserId, brokerUserId))
    .groupBy(deals.status);
  const [u] = await db
    .select({ n: sql<string>`count(*)` })
    .from(deals)
    .where(and(isNull(deals.brokerUserId), inArray(deals.status, [...OPEN_DEAL_STATUSES])));
  const get = (s: string) => byStage.find((r) => r.stage === s);
  return {
    byStage: byStage.map((r) => ({ stage: r.stage, count: Number(r.n), dormant: Number(r.dormant) })),
    unassignedOpen: Number(u?.n ?? 0),
    handled: byStage.reduce((n, r) => n + Number(r.n), 0),
    signed: Number(get('signed')?.n ?? 0),
    declined: Number(get('declined')?.n ?? 0),
    signedExpectedFen: Number(get('signed')?.sum ?? 0),
  };
}

export interface FollowUpRow {
  activityId: string;
  dealId: string;
  dealCode: string;
  dealTitle: string;
  nextStep: string;
  dueOn: string;
}

/** Open next steps due on or before `today` on the broker's open deals, earliest first. */
export async function listBrokerFollowUps(db: Executor, brokerUserId: string, today: string, limit = 200): Promise<FollowUpRow[]> {
  const rows = await db
    .select({
      activityId: dealActivities.id,
      dealId: deals.id,
      dealCode: deals.code,
      dealTitle: deals.title,
      nextStep: dealActivities.nextStep,
      dueOn: dealActivities.nextStepDueOn,
    })
    .from(dealActivities)
    .innerJoin(deals, eq(deals.id, dealActivities.dealId))
    .where(
      and(
        eq(deals.brokerUserId, brokerUserId),
        inArray(deals.status, [...OPEN_DEAL_STATUSES]),
        lte(dealActivities.nextStepDueOn, today),
        isNull(dealActivities.nextStepDoneAt),
      ),
    )
    .orderBy(asc(dealActivities.nextStepDueOn), asc(dealActivities.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, nextStep: r.nextStep ?? '', dueOn: r.dueOn ?? today }));
}

/** The need–capability pairs among these needs that already have a deal (any stage but declined). */
export async function dealPairsOfNeeds(db: Executor, needIds: readonly string[]): Promise<Set<string>> {
  if (needIds.length === 0) return new Set();
  const rows = await db
    .select({ needId: deals.needId, capabilityId: deals.capabilityId })
    .from(deals)
    .where(and(inArray(deals.needId, [...needIds]), sql`${deals.capabilityId} is not null`, sql`${deals.status} <> 'declined'`));
  return new Set(rows.map((r) => `${r.needId}|${r.capabilityId}`));
}

/** An interest (意向) with its listings' organisations and titles, for accepting it as a deal. */
export async function findInterestForDeal(db: Executor, interestId: string, opts: { forUpdate?: boolean } = {}) {
  const n = alias(submissions, 'interest_need');
  const c = alias(submissions, 'interest_capability');
  const q = db
    .select({
      interest: interests,
      needOrganizationId: n.organizationId,
      needTitle: n.title,
      capabilityOrganizationId: c.organizationId,
      capabilityTitle: c.title,
    })
    .from(interests)
    .innerJoin(n, eq(n.id, interests.needId))
    .innerJoin(c, eq(c.id, interests.capabilityId))
    .where(eq(interests.id, interestId));
  const [row] = opts.forUpdate ? await q.for('update', { of: interests }) : await q;
  return row;
}

/** Records the recipient's answer, only from the state it was read in; false when it changed meanwhile. */
export async function decideInterest(
  db: Executor,
  id: string,
  from: string,
  patch: { status: string; declineReason?: string | null; decidedBy: string | null; decidedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(interests)
    .set(patch)
    .where(and(eq(interests.id, id), eq(interests.status, from)))
    .returning({ id: interests.id });
  return rows.length === 1;
}

/** Needs live on the platform (published or matching), most recently updated first: the candidates of suggested matches. */
export async function listLiveNeedIds(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.listType, 'scenario_need'), inArray(submissions.status, ['published', 'matching'])))
    .orderBy(desc(submissions.updatedAt), asc(submissions.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
