import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizations, reviewAssignments, reviewerRelations, submissions, users } from '../schema.js';

export type AssignmentRow = typeof reviewAssignments.$inferSelect;

export async function listReviewers(db: Executor) {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      organizationId: users.organizationId,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(sql`'reviewer' = any(${users.roles})`, eq(users.disabled, false)))
    .orderBy(users.createdAt, users.id);
  const relations = rows.length
    ? await db
        .select()
        .from(reviewerRelations)
        .where(
          inArray(
            reviewerRelations.reviewerUserId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    relatedOrganizationIds: relations.filter((x) => x.reviewerUserId === r.id).map((x) => x.organizationId),
  }));
}

export async function listRelations(db: Executor, reviewerUserId: string) {
  return db
    .select({
      organizationId: reviewerRelations.organizationId,
      note: reviewerRelations.note,
      organizationName: organizations.name,
      createdAt: reviewerRelations.createdAt,
    })
    .from(reviewerRelations)
    .innerJoin(organizations, eq(organizations.id, reviewerRelations.organizationId))
    .where(eq(reviewerRelations.reviewerUserId, reviewerUserId));
}

export async function insertRelation(db: Executor, r: typeof reviewerRelations.$inferInsert) {
  await db.insert(reviewerRelations).values(r).onConflictDoNothing();
}

export async function deleteRelation(db: Executor, reviewerUserId: string, organizationId: string): Promise<boolean> {
  const gone = await db
    .delete(reviewerRelations)
    .where(and(eq(reviewerRelations.reviewerUserId, reviewerUserId), eq(reviewerRelations.organizationId, organizationId)))
    .returning({ id: reviewerRelations.organizationId });
  return gone.length > 0;
}

/** The reviewer's live (not stepped-aside) assignment on an item, if any. */
export async function findActiveAssignmentFor(db: Executor, submissionId: string, reviewerUserId: string) {
  const [row] = await db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.submissionId, submissionId),
        eq(reviewAssignments.reviewerUserId, reviewerUserId),
        sql`${reviewAssignments.status} <> 'conflict_declared'`,
      ),
    );
  return row;
}

export async function listAssignmentsOfCall(db: Executor, callId: string): Promise<AssignmentRow[]> {
  return db.select().from(reviewAssignments).where(eq(reviewAssignments.callId, callId));
}

export async function insertAssignments(db: Executor, rows: (typeof reviewAssignments.$inferInsert)[]): Promise<AssignmentRow[]> {
  const out: AssignmentRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insert(reviewAssignments)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

export async function findAssignment(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateAssignment(
  db: Executor,
  id: string,
  expectedStatus: string,
  patch: Partial<typeof reviewAssignments.$inferInsert>,
) {
  const [row] = await db
    .update(reviewAssignments)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(reviewAssignments.id, id), eq(reviewAssignments.status, expectedStatus)))
    .returning();
  return row;
}

export async function deleteAssignment(db: Executor, id: string) {
  await db.delete(reviewAssignments).where(eq(reviewAssignments.id, id));
}

/**
 * Submitted scores go back to draft when the item comes back from revision. The states are
 * the caller's decided transition (the domain's reopen), not written here.
 */
export async function reopenAssignmentsOfSubmission(db: Executor, submissionId: string, move: { from: readonly string[]; to: string }) {
  await db
    .update(reviewAssignments)
    .set({ status: move.to, submittedAt: null, weightedScore: null, updatedAt: new Date() })
    .where(and(eq(reviewAssignments.submissionId, submissionId), inArray(reviewAssignments.status, [...move.from])));
}

/** A reviewer's assignments with the item, for the reviewer's own list: the newest assignments first. */
export async function listAssignmentsOfReviewer(db: Executor, reviewerUserId: string, opts: { callId?: string } = {}) {
  return db
    .select({
      assignment: reviewAssignments,
      title: submissions.title,
      listType: submissions.listType,
      submissionStatus: submissions.status,
      organizationId: submissions.organizationId,
      organizationName: organizations.name,
    })
    .from(reviewAssignments)
    .innerJoin(submissions, eq(submissions.id, reviewAssignments.submissionId))
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .where(and(eq(reviewAssignments.reviewerUserId, reviewerUserId), opts.callId ? eq(reviewAssignments.callId, opts.callId) : undefined))
    .orderBy(desc(reviewAssignments.assignedAt), reviewAssignments.id);
}

/** Every assignment of a call with reviewer names, for ranking and progress, in the order they were made. */
export async function listAssignmentsWithReviewers(db: Executor, callId: string) {
  return db
    .select({ assignment: reviewAssignments, reviewerName: users.displayName })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
    .where(eq(reviewAssignments.callId, callId))
    .orderBy(reviewAssignments.assignedAt, reviewAssignments.id);
}

export async function listSubmissionsOfCallInStates(db: Executor, callId: string, states: string[]) {
  return db
    .select({
      id: submissions.id,
      organizationId: submissions.organizationId,
      title: submissions.title,
      status: submissions.status,
      organizationName: organizations.name,
      sector: submissions.sector,
      listType: submissions.listType,
      statusReason: submissions.statusReason,
    })
    .from(submissions)
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .where(and(eq(submissions.callId, callId), inArray(submissions.status, states)))
    .orderBy(submissions.submittedAt, submissions.id);
}
