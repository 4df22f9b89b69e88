import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import {
  applicationParticipants,
  applicationReviews,
  applications,
  challenges,
  defenceSlotApplications,
  defenceSlots,
  organizations,
  users,
} from '../schema.js';

export type ApplicationReviewRow = typeof applicationReviews.$inferSelect;
export type DefenceSlotRow = typeof defenceSlots.$inferSelect;

/**
 * A challenge's applications in the given states, each with every organisation taking part
 * (lead first, then the members whose place is active): conflicts of interest cover them all.
 */
export async function listApplicationsForReview(db: Executor, challengeId: string, states: readonly string[]) {
  const rows = await db
    .select({
      id: applications.id,
      status: applications.status,
      quoteFen: applications.quoteFen,
      leadOrganizationId: applications.leadOrganizationId,
      leadOrganizationName: organizations.name,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.leadOrganizationId))
    .where(and(eq(applications.challengeId, challengeId), inArray(applications.status, [...states])))
    .orderBy(asc(applications.submittedAt), asc(applications.id));
  const parts = rows.length
    ? await db
        .select({
          applicationId: applicationParticipants.applicationId,
          organizationId: applicationParticipants.organizationId,
          organizationName: organizations.name,
          role: applicationParticipants.role,
        })
        .from(applicationParticipants)
        .innerJoin(organizations, eq(organizations.id, applicationParticipants.organizationId))
        .where(
          and(
            inArray(
              applicationParticipants.applicationId,
              rows.map((r) => r.id),
            ),
            eq(applicationParticipants.active, true),
          ),
        )
        .orderBy(asc(applicationParticipants.position), asc(applicationParticipants.createdAt))
    : [];
  return rows.map((r) => {
    const mine = parts.filter((p) => p.applicationId === r.id && p.organizationId !== r.leadOrganizationId);
    return {
      ...r,
      organizationIds: [r.leadOrganizationId, ...mine.map((p) => p.organizationId)],
      memberNames: mine.map((p) => p.organizationName),
    };
  });
}

export async function listApplicationReviewsOfChallenge(db: Executor, challengeId: string) {
  return db
    .select({ review: applicationReviews, reviewerName: users.displayName })
    .from(applicationReviews)
    .innerJoin(users, eq(users.id, applicationReviews.reviewerUserId))
    .where(eq(applicationReviews.challengeId, challengeId))
    .orderBy(asc(applicationReviews.assignedAt), asc(applicationReviews.id));
}

export async function insertApplicationReviews(
  db: Executor,
  rows: (typeof applicationReviews.$inferInsert)[],
): Promise<ApplicationReviewRow[]> {
  if (rows.length === 0) return [];
  const out: ApplicationReviewRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insert(applicationReviews)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

export async function findApplicationReview(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(applicationReviews).where(eq(applicationReviews.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Conditional on the status read, so two concurrent writers cannot both succeed. */
export async function updateApplicationReview(
  db: Executor,
  id: string,
  expectedStatus: string,
  patch: Partial<typeof applicationReviews.$inferInsert>,
) {
  const [row] = await db
    .update(applicationReviews)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(applicationReviews.id, id), eq(applicationReviews.status, expectedStatus)))
    .returning();
  return row;
}

export async function deleteApplicationReview(db: Executor, id: string) {
  await db.delete(applicationReviews).where(eq(applicationReviews.id, id));
}

/** A reviewer's application assignments with the application and challenge, newest first. */
export async function listApplicationReviewsOfReviewer(db: Executor, reviewerUserId: string) {
  return db
    .select({
      review: applicationReviews,
      challengeTitle: challenges.title,
      challengeStatus: challenges.status,
      reviewScheme: challenges.reviewScheme,
      leadOrganizationName: organizations.name,
      applicationStatus: applications.status,
    })
    .from(applicationReviews)
    .innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
    .innerJoin(challenges, eq(challenges.id, applicationReviews.challengeId))
    .innerJoin(organizations, eq(organizations.id, applications.leadOrganizationId))
    .where(eq(applicationReviews.reviewerUserId, reviewerUserId))
    .orderBy(desc(applicationReviews.assignedAt), asc(applicationReviews.id));
}

// --- 答辩/路演 slots --------------------------------------------------------------------------

export async function insertDefenceSlot(db: Executor, row: typeof defenceSlots.$inferInsert): Promise<DefenceSlotRow> {
  const [r] = await db.insert(defenceSlots).values(row).returning();
  return r!;
}

export async function findDefenceSlot(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(defenceSlots).where(eq(defenceSlots.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateDefenceSlot(
  db: Executor,
  id: string,
  expectedStatus: string,
  patch: Partial<typeof defenceSlots.$inferInsert>,
) {
  const [row] = await db
    .update(defenceSlots)
    .set({ ...patch, updatedAt: new Date(), version: sql`${defenceSlots.version} + 1` })
    .where(and(eq(defenceSlots.id, id), eq(defenceSlots.status, expectedStatus)))
    .returning();
  return row;
}

/** Replaces the slot's applications; `active` follows the slot's status. */
export async function setDefenceSlotApplications(db: Executor, slotId: string, applicationIds: readonly string[], active: boolean) {
  await db.delete(defenceSlotApplications).where(eq(defenceSlotApplications.slotId, slotId));
  if (applicationIds.length === 0) return;
  await db
    .insert(defenceSlotApplications)
    .values(applicationIds.map((applicationId, position) => ({ slotId, applicationId, active, position })));
}

export async function deactivateDefenceSlotApplications(db: Executor, slotId: string) {
  await db.update(defenceSlotApplications).set({ active: false }).where(eq(defenceSlotApplications.slotId, slotId));
}

/** A challenge's slots by start time, each with its applications in their order. */
export async function listDefenceSlotsOfChallenge(db: Executor, challengeId: string) {
  const slots = await db
    .select()
    .from(defenceSlots)
    .where(eq(defenceSlots.challengeId, challengeId))
    .orderBy(asc(defenceSlots.startsAt), asc(defenceSlots.id));
  const apps = slots.length
    ? await db
        .select({
          slotId: defenceSlotApplications.slotId,
          applicationId: defenceSlotApplications.applicationId,
          leadOrganizationName: organizations.name,
        })
        .from(defenceSlotApplications)
        .innerJoin(applications, eq(applications.id, defenceSlotApplications.applicationId))
        .innerJoin(organizations, eq(organizations.id, applications.leadOrganizationId))
        .where(
          inArray(
            defenceSlotApplications.slotId,
            slots.map((s) => s.id),
          ),
        )
        .orderBy(asc(defenceSlotApplications.position))
    : [];
  return slots.map((s) => ({ ...s, applications: apps.filter((a) => a.slotId === s.id) }));
}

/** Users to tell about a slot: the applications' lead and member organisations' users, and their live reviewers. */
export async function defenceAudience(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return { organizationIds: [] as string[], reviewerUserIds: [] as string[] };
  const orgs = await db
    .selectDistinct({ organizationId: applicationParticipants.organizationId })
    .from(applicationParticipants)
    .where(and(inArray(applicationParticipants.applicationId, [...applicationIds]), eq(applicationParticipants.active, true)));
  const reviewers = await db
    .selectDistinct({ reviewerUserId: applicationReviews.reviewerUserId })
    .from(applicationReviews)
    .where(and(inArray(applicationReviews.applicationId, [...applicationIds]), sql`${applicationReviews.status} <> 'conflict_declared'`));
  return { organizationIds: orgs.map((o) => o.organizationId), reviewerUserIds: reviewers.map((r) => r.reviewerUserId) };
}
