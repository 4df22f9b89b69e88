import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { applicationParticipants, challenges, organizations, users } from '../schema.js';
import { awardMilestones, awardPayments, challengeAwards, milestoneAcceptors } from './schema.js';
import type { AwardMilestoneRow } from './repository.js';

export type AwardPaymentRow = typeof awardPayments.$inferSelect;
export type MilestoneAcceptorRow = typeof milestoneAcceptors.$inferSelect;

/** Who sees which awards in a list: everything (operators) or what an organisation takes part in or owns. */
export type AwardListScope = { all: true } | { organizationId: string };

export interface AwardListQuery {
  scope: AwardListScope;
  status?: string;
  limit: number;
  offset: number;
}

/** The organisations of an application that the award binds: the lead and its confirmed members. */
const partOfAward = (organizationId: string) =>
  sql`exists (select 1 from ${applicationParticipants} p where p.application_id = ${challengeAwards.applicationId}
      and p.organization_id = ${organizationId} and p.status = 'confirmed')`;

function listWhere(q: Pick<AwardListQuery, 'scope' | 'status'>): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (q.status) parts.push(eq(challengeAwards.status, q.status));
  if ('organizationId' in q.scope) {
    const org = q.scope.organizationId;
    parts.push(or(eq(challengeAwards.organizationId, org), eq(challenges.organizationId, org), partOfAward(org)));
  }
  return and(...parts);
}

const listColumns = {
  award: challengeAwards,
  organizationName: organizations.name,
  challengeTitle: challenges.title,
  challengeMode: challenges.mode,
  ownerOrganizationId: challenges.organizationId,
};

export type AwardListRow = typeof challengeAwards.$inferSelect & {
  organizationName: string;
  challengeTitle: string;
  challengeMode: string;
  ownerOrganizationId: string;
};

export async function listAwards(db: Executor, q: AwardListQuery): Promise<{ rows: AwardListRow[]; total: number }> {
  const where = listWhere(q);
  const base = () =>
    db
      .select(listColumns)
      .from(challengeAwards)
      .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
      .innerJoin(challenges, eq(challenges.id, challengeAwards.challengeId))
      .where(where);
  const rows = await base().orderBy(desc(challengeAwards.awardedAt), desc(challengeAwards.agreementNo)).limit(q.limit).offset(q.offset);
  const [n] = await db
    .select({ n: count() })
    .from(challengeAwards)
    .innerJoin(challenges, eq(challenges.id, challengeAwards.challengeId))
    .where(where);
  return { rows: rows.map(flatten), total: Number(n?.n ?? 0) };
}

const flatten = (r: {
  award: typeof challengeAwards.$inferSelect;
  organizationName: string;
  challengeTitle: string;
  challengeMode: string;
  ownerOrganizationId: string;
}) => ({
  ...r.award,
  organizationName: r.organizationName,
  challengeTitle: r.challengeTitle,
  challengeMode: r.challengeMode,
  ownerOrganizationId: r.ownerOrganizationId,
});

/** One award with what its rules read of the challenge. */
export async function findAwardWithChallenge(db: Executor, id: string): Promise<AwardListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(challengeAwards)
    .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
    .innerJoin(challenges, eq(challenges.id, challengeAwards.challengeId))
    .where(eq(challengeAwards.id, id));
  return row ? flatten(row) : undefined;
}

/** Organisations bound by the award's application (lead and confirmed consortium members). */
export async function awardParticipantOrganizationIds(db: Executor, applicationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: applicationParticipants.organizationId })
    .from(applicationParticipants)
    .where(and(eq(applicationParticipants.applicationId, applicationId), eq(applicationParticipants.status, 'confirmed')));
  return rows.map((r) => r.id);
}

export async function findMilestone(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<AwardMilestoneRow | undefined> {
  const q = db.select().from(awardMilestones).where(eq(awardMilestones.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Conditional on the state the use case decided from. */
export async function updateMilestone(
  db: Executor,
  id: string,
  from: string,
  patch: Partial<typeof awardMilestones.$inferInsert>,
): Promise<AwardMilestoneRow | undefined> {
  const [row] = await db
    .update(awardMilestones)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(awardMilestones.id, id), eq(awardMilestones.status, from)))
    .returning();
  return row;
}

export async function insertAcceptors(db: Executor, rows: (typeof milestoneAcceptors.$inferInsert)[]): Promise<MilestoneAcceptorRow[]> {
  if (rows.length === 0) return [];
  return db.insert(milestoneAcceptors).values(rows).onConflictDoNothing().returning();
}

export type AcceptorWithName = MilestoneAcceptorRow & { displayName: string; organizationId: string };

export async function listAcceptorsOfMilestones(db: Executor, milestoneIds: string[]): Promise<AcceptorWithName[]> {
  if (milestoneIds.length === 0) return [];
  const rows = await db
    .select({ a: milestoneAcceptors, displayName: users.displayName, organizationId: users.organizationId })
    .from(milestoneAcceptors)
    .innerJoin(users, eq(users.id, milestoneAcceptors.userId))
    .where(inArray(milestoneAcceptors.milestoneId, milestoneIds))
    // The owner's opinion first ('owner' sorts after 'expert'), then the experts as assigned.
    .orderBy(asc(milestoneAcceptors.round), desc(milestoneAcceptors.role), asc(milestoneAcceptors.createdAt));
  return rows.map((r) => ({ ...r.a, displayName: r.displayName, organizationId: r.organizationId }));
}

/** Records a verdict once: a row already recorded is left as it is (undefined). */
export async function recordAcceptorVerdict(
  db: Executor,
  id: string,
  v: { verdict: string; score: number; opinion: string | null; recordedAt: Date },
): Promise<MilestoneAcceptorRow | undefined> {
  const [row] = await db
    .update(milestoneAcceptors)
    .set(v)
    .where(and(eq(milestoneAcceptors.id, id), isNull(milestoneAcceptors.verdict)))
    .returning();
  return row;
}

/** Is this user an assigned expert on any milestone of the award (any round)? */
export async function isExpertOfAward(db: Executor, awardId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: milestoneAcceptors.id })
    .from(milestoneAcceptors)
    .innerJoin(awardMilestones, eq(awardMilestones.id, milestoneAcceptors.milestoneId))
    .where(and(eq(awardMilestones.awardId, awardId), eq(milestoneAcceptors.userId, userId), eq(milestoneAcceptors.role, 'expert')))
    .limit(1);
  return !!row;
}

/** An expert's acceptance tasks (我的验收任务), open ones first. */
export async function listExpertTasks(db: Executor, userId: string) {
  return db
    .select({
      acceptorId: milestoneAcceptors.id,
      round: milestoneAcceptors.round,
      verdict: milestoneAcceptors.verdict,
      recordedAt: milestoneAcceptors.recordedAt,
      milestoneId: awardMilestones.id,
      milestoneName: awardMilestones.name,
      milestoneSeq: awardMilestones.seq,
      milestoneStatus: awardMilestones.status,
      milestoneRound: awardMilestones.round,
      awardId: challengeAwards.id,
      agreementNo: challengeAwards.agreementNo,
      organizationName: organizations.name,
      challengeTitle: challenges.title,
    })
    .from(milestoneAcceptors)
    .innerJoin(awardMilestones, eq(awardMilestones.id, milestoneAcceptors.milestoneId))
    .innerJoin(challengeAwards, eq(challengeAwards.id, awardMilestones.awardId))
    .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
    .innerJoin(challenges, eq(challenges.id, challengeAwards.challengeId))
    .where(and(eq(milestoneAcceptors.userId, userId), eq(milestoneAcceptors.role, 'expert')))
    .orderBy(sql`${milestoneAcceptors.verdict} is not null`, desc(milestoneAcceptors.createdAt));
}

/** Inserts a payment once per request key: a repeated key inserts nothing (undefined). */
export async function insertPayment(db: Executor, row: typeof awardPayments.$inferInsert): Promise<AwardPaymentRow | undefined> {
  const [inserted] = await db.insert(awardPayments).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findPaymentByKey(db: Executor, awardId: string, requestKey: string): Promise<AwardPaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(awardPayments)
    .where(and(eq(awardPayments.awardId, awardId), eq(awardPayments.requestKey, requestKey)));
  return row;
}

export async function listPaymentsOfAward(db: Executor, awardId: string) {
  return db
    .select({ p: awardPayments, recordedByName: users.displayName })
    .from(awardPayments)
    .innerJoin(users, eq(users.id, awardPayments.recordedBy))
    .where(eq(awardPayments.awardId, awardId))
    .orderBy(asc(awardPayments.createdAt), asc(awardPayments.id))
    .then((rows) => rows.map((r) => ({ ...r.p, recordedByName: r.recordedByName })));
}

/** What has been paid against one milestone so far, in 分. */
export async function paidOfMilestone(db: Executor, milestoneId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${awardPayments.amountFen}), 0)` })
    .from(awardPayments)
    .where(eq(awardPayments.milestoneId, milestoneId));
  return Number(row?.n ?? 0);
}

/** Sets the start once: undefined when it had already been started. */
export async function markAwardStarted(db: Executor, id: string, now: Date): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(challengeAwards)
    .set({ agreementStartedAt: now, updatedAt: now })
    .where(and(eq(challengeAwards.id, id), isNull(challengeAwards.agreementStartedAt)))
    .returning({ id: challengeAwards.id });
  return row;
}
