import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { applicationParticipants, applications, challenges, organizations } from '../schema.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type ParticipantRow = typeof applicationParticipants.$inferSelect;
/** An application with what every reader needs of its challenge and its lead. */
export type ApplicationWithRefs = ApplicationRow & {
  leadOrganizationName: string;
  challengeTitle: string;
  challengeOrganizationId: string;
  challengeStatus: string;
  challengeDeadline: Date;
};
export type ParticipantWithOrg = ParticipantRow & { organizationName: string; creditCode: string };

const lead = alias(organizations, 'lead_org');
const refs = {
  a: applications,
  leadOrganizationName: lead.name,
  challengeTitle: challenges.title,
  challengeOrganizationId: challenges.organizationId,
  challengeStatus: challenges.status,
  challengeDeadline: challenges.applicationDeadline,
};
type RefsRow = {
  a: ApplicationRow;
  leadOrganizationName: string;
  challengeTitle: string;
  challengeOrganizationId: string;
  challengeStatus: string;
  challengeDeadline: Date;
};
const flat = (r: RefsRow): ApplicationWithRefs => ({
  ...r.a,
  leadOrganizationName: r.leadOrganizationName,
  challengeTitle: r.challengeTitle,
  challengeOrganizationId: r.challengeOrganizationId,
  challengeStatus: r.challengeStatus,
  challengeDeadline: r.challengeDeadline,
});
const withRefs = (db: Executor) =>
  db
    .select(refs)
    .from(applications)
    .innerJoin(lead, eq(lead.id, applications.leadOrganizationId))
    .innerJoin(challenges, eq(challenges.id, applications.challengeId));

export async function insertApplication(db: Executor, row: typeof applications.$inferInsert): Promise<ApplicationRow | undefined> {
  const [r] = await db.insert(applications).values(row).onConflictDoNothing().returning();
  return r;
}

export async function findApplication(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationWithRefs | undefined> {
  const q = withRefs(db).where(eq(applications.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: applications }) : await q;
  return row ? flat(row) : undefined;
}

/** The challenge row under FOR SHARE: its deadline and status cannot move until this transaction ends. */
export async function lockChallengeForShare(db: Executor, id: string) {
  const [row] = await db
    .select({ id: challenges.id, status: challenges.status, applicationDeadline: challenges.applicationDeadline })
    .from(challenges)
    .where(eq(challenges.id, id))
    .for('share');
  return row;
}

export async function updateApplication(db: Executor, id: string, patch: Partial<typeof applications.$inferInsert>) {
  const [row] = await db
    .update(applications)
    .set({ ...patch, updatedAt: new Date(), version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id))
    .returning();
  return row;
}

/** Conditional on the current state, so two concurrent movers cannot both succeed. */
export async function updateApplicationStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  patch: Partial<typeof applications.$inferInsert> = {},
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...patch, status: to, updatedAt: new Date() })
    .where(and(eq(applications.id, id), eq(applications.status, from)))
    .returning();
  return row;
}

export async function listParticipants(db: Executor, applicationId: string): Promise<ParticipantWithOrg[]> {
  const rows = await db
    .select({ p: applicationParticipants, organizationName: organizations.name, creditCode: organizations.creditCode })
    .from(applicationParticipants)
    .innerJoin(organizations, eq(organizations.id, applicationParticipants.organizationId))
    .where(eq(applicationParticipants.applicationId, applicationId))
    .orderBy(asc(applicationParticipants.position), asc(applicationParticipants.createdAt));
  return rows.map((r) => ({ ...r.p, organizationName: r.organizationName, creditCode: r.creditCode }));
}

/** Inserts the places; returns the organisations that already take part elsewhere in the challenge (nothing inserted for them). */
export async function insertParticipants(db: Executor, rows: (typeof applicationParticipants.$inferInsert)[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(applicationParticipants)
    .values(rows)
    .onConflictDoNothing()
    .returning({ organizationId: applicationParticipants.organizationId });
  const got = new Set(inserted.map((r) => r.organizationId));
  return rows.map((r) => r.organizationId).filter((id) => !got.has(id));
}

export async function deleteParticipants(db: Executor, applicationId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return;
  await db
    .delete(applicationParticipants)
    .where(and(eq(applicationParticipants.applicationId, applicationId), inArray(applicationParticipants.organizationId, organizationIds)));
}

export async function updateParticipant(
  db: Executor,
  applicationId: string,
  organizationId: string,
  patch: Partial<typeof applicationParticipants.$inferInsert>,
) {
  const [row] = await db
    .update(applicationParticipants)
    .set(patch)
    .where(and(eq(applicationParticipants.applicationId, applicationId), eq(applicationParticipants.organizationId, organizationId)))
    .returning();
  return row;
}

export async function deactivateParticipants(db: Executor, applicationId: string) {
  await db.update(applicationParticipants).set({ active: false }).where(eq(applicationParticipants.applicationId, applicationId));
}

/** Which organisations take part in a live application of the challenge (as lead or member), other than `exceptApplicationId`. */
export async function participatingElsewhere(db: Executor, challengeId: string, organizationIds: string[], exceptApplicationId?: string) {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .select({ organizationId: applicationParticipants.organizationId })
    .from(applicationParticipants)
    .where(
      and(
        eq(applicationParticipants.challengeId, challengeId),
        eq(applicationParticipants.active, true),
        inArray(applicationParticipants.organizationId, organizationIds),
        exceptApplicationId ? ne(applicationParticipants.applicationId, exceptApplicationId) : undefined,
      ),
    );
  return rows.map((r) => r.organizationId);
}

/** Every organisation taking part (lead or member, confirmed or still invited) in a live application of the challenge. */
export async function organizationsApplyingTo(db: Executor, challengeId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organizationId: applicationParticipants.organizationId })
    .from(applicationParticipants)
    .where(and(eq(applicationParticipants.challengeId, challengeId), eq(applicationParticipants.active, true)));
  return rows.map((r) => r.organizationId);
}

/** The application the organisation takes part in (any role) for a challenge, if any. */
export async function findApplicationOfOrganization(db: Executor, challengeId: string, organizationId: string) {
  const [row] = await db
    .select({ applicationId: applicationParticipants.applicationId, role: applicationParticipants.role })
    .from(applicationParticipants)
    .where(
      and(
        eq(applicationParticipants.challengeId, challengeId),
        eq(applicationParticipants.organizationId, organizationId),
        eq(applicationParticipants.active, true),
      ),
    );
  return row;
}

/**
 * The organisation's open applications, as the eligibility rule counts them: submitted (or
 * shortlisted) applications it leads, to challenges still open.
 */
export async function countOpenApplications(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(challenges, eq(challenges.id, applications.challengeId))
    .where(
      and(
        eq(applications.leadOrganizationId, organizationId),
        inArray(applications.status, ['submitted', 'shortlisted']),
        eq(challenges.status, 'open'),
      ),
    );
  return row?.n ?? 0;
}

export interface ApplicationListQuery {
  challengeId?: string;
  /** Only applications submitted at least once (what operators and the owner see). */
  submittedOnly?: boolean;
  /** Only those this organisation takes part in (lead or member). */
  participantOrganizationId?: string;
  /** Leave out withdrawn applications (the challenge owner's view). */
  excludeWithdrawn?: boolean;
  status?: string;
}

function listWhere(q: ApplicationListQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    q.challengeId ? eq(applications.challengeId, q.challengeId) : undefined,
    q.submittedOnly ? isNotNull(applications.submittedAt) : undefined,
    q.status ? eq(applications.status, q.status) : undefined,
    q.excludeWithdrawn ? ne(applications.status, 'withdrawn') : undefined,
    q.participantOrganizationId
      ? or(
          eq(applications.leadOrganizationId, q.participantOrganizationId),
          sql`exists (select 1 from ${applicationParticipants} p where p.application_id = ${applications.id} and p.organization_id = ${q.participantOrganizationId})`,
        )
      : undefined,
  ];
  const defined = conds.filter((c): c is SQL => c !== undefined);
  return defined.length ? and(...defined) : undefined;
}

export async function listApplications(
  db: Executor,
  q: ApplicationListQuery & { limit: number; offset: number },
): Promise<{ items: ApplicationWithRefs[]; total: number }> {
  const where = listWhere(q);
  const [rows, [c]] = await Promise.all([
    withRefs(db).where(where).orderBy(desc(applications.updatedAt), desc(applications.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  return { items: rows.map(flat), total: c?.n ?? 0 };
}

/** Drafts of open challenges whose deadline falls within (now, now + within]: the reminder job's list. */
export async function findDraftsBeforeDeadline(db: Executor, now: Date, withinMs: number) {
  return withRefs(db)
    .where(
      and(
        eq(applications.status, 'draft'),
        eq(challenges.status, 'open'),
        sql`${challenges.applicationDeadline} > ${now.toISOString()}::timestamptz`,
        sql`${challenges.applicationDeadline} <= ${new Date(now.getTime() + withinMs).toISOString()}::timestamptz`,
      ),
    )
    .then((rows) => rows.map(flat));
}

/** Approved organisations by name or credit code, for choosing consortium members. */
export async function searchApprovedOrganizations(db: Executor, q: string, limit = 20) {
  return db
    .select({ id: organizations.id, name: organizations.name, creditCode: organizations.creditCode, kind: organizations.kind })
    .from(organizations)
    .where(
      and(
        eq(organizations.status, 'approved'),
        eq(organizations.isPlatformOperator, false),
        or(sql`position(${q} in ${organizations.name}) > 0`, eq(organizations.creditCode, q.toUpperCase())),
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(limit);
}
