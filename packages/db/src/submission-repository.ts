import { and, count, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client.js';
import { attachments, calls, organizations, submissions } from './schema.js';

export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'content'>;

export async function insertSubmissions(db: Executor, rows: NewSubmission[]): Promise<SubmissionRow[]> {
  const out: SubmissionRow[] = [];
  for (let i = 0; i < rows.length; i += 500) out.push(...(await db.insert(submissions).values(rows.slice(i, i + 500)).returning()));
  return out;
}

/** Locks the given submissions and reads them with their owner's name and credit code, in one query. */
export async function lockSubmissionsWithOwners(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ submission: submissions, organizationName: organizations.name, organizationCreditCode: organizations.creditCode })
    .from(submissions).innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .where(inArray(submissions.id, ids)).for('update', { of: submissions });
}

/** Moves exactly these submissions from `from` to `to`; returns the ids that moved. */
export async function moveSubmissions(db: Executor, ids: string[], from: string, to: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.update(submissions).set({ status: to, updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(and(inArray(submissions.id, ids), eq(submissions.status, from))).returning({ id: submissions.id });
  return rows.map((r) => r.id);
}

/** Moves every submission of a call in `from` to `to`; returns the moved rows. */
export async function moveSubmissionsOfCall(db: Executor, callId: string, from: string, to: string): Promise<SubmissionRow[]> {
  return db.update(submissions).set({ status: to, updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(and(eq(submissions.callId, callId), eq(submissions.status, from))).returning();
}

/**
 * For imports: rows whose fingerprint already exists are skipped, so re-running creates
 * nothing. Rows travel as one JSON parameter per chunk (jsonb_to_recordset): building a
 * 15-column multi-row VALUES for thousands of rows cost more than the insert itself.
 */
export async function insertSubmissionsSkippingDuplicates(db: Executor, rows: NewSubmission[]): Promise<{ id: string }[]> {
  const out: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({
      call_id: r.callId, organization_id: r.organizationId, list_type: r.listType, status: r.status, title: r.title,
      data: r.data, sector: r.sector ?? null, tech_fields: r.techFields ?? [], region_code: r.regionCode ?? null,
      budget_min: r.budgetMin ?? null, budget_max: r.budgetMax ?? null, maturity_trl: r.maturityTrl ?? null,
      import_fingerprint: r.importFingerprint ?? null, created_by: r.createdBy ?? null,
      submitted_at: r.submittedAt instanceof Date ? r.submittedAt.toISOString() : null,
    }));
    const result = await db.execute(sql`
      insert into submissions (call_id, organization_id, list_type, status, title, data, sector, tech_fields, region_code,
        budget_min, budget_max, maturity_trl, import_fingerprint, created_by, submitted_at)
      select call_id, organization_id, list_type, status, title, data, sector, tech_fields, region_code,
        budget_min, budget_max, maturity_trl, import_fingerprint, created_by, submitted_at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(call_id uuid, organization_id uuid, list_type text,
        status text, title text, data jsonb, sector text, tech_fields text[], region_code text, budget_min numeric,
        budget_max numeric, maturity_trl int, import_fingerprint text, created_by uuid, submitted_at timestamptz)
      on conflict (import_fingerprint) do nothing
      returning id`);
    out.push(...(result as unknown as { rows: { id: string }[] }).rows);
  }
  return out;
}

export async function findSubmission(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select({ submission: submissions, organizationName: organizations.name, callTitle: calls.title })
    .from(submissions)
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .where(eq(submissions.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: submissions }) : await q;
  return row;
}

/** Optimistic: the update applies only to the state the use case decided on. */
export async function updateSubmission(
  db: Executor, id: string, expectedStatus: string, patch: Partial<NewSubmission>,
): Promise<SubmissionRow | undefined> {
  const [row] = await db.update(submissions)
    .set({ ...patch, updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(and(eq(submissions.id, id), eq(submissions.status, expectedStatus)))
    .returning();
  return row;
}

export interface SubmissionQuery {
  organizationId?: string;
  /** Operators see only what was submitted at least once. */
  onlySubmitted?: boolean;
  callId?: string;
  statuses?: string[];
  listType?: string;
  text?: string;
  limit: number;
  offset: number;
}

export async function listSubmissions(db: Executor, q: SubmissionQuery) {
  const conds: SQL[] = [];
  if (q.organizationId) conds.push(eq(submissions.organizationId, q.organizationId));
  if (q.onlySubmitted) conds.push(isNotNull(submissions.submittedAt));
  if (q.callId) conds.push(eq(submissions.callId, q.callId));
  if (q.statuses?.length) conds.push(inArray(submissions.status, q.statuses));
  if (q.listType) conds.push(eq(submissions.listType, q.listType));
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(submissions.title, like), ilike(organizations.name, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const page = db.select({
      id: submissions.id, callId: submissions.callId, callTitle: calls.title, listType: submissions.listType,
      status: submissions.status, statusReason: submissions.statusReason, title: submissions.title,
      organizationId: submissions.organizationId, organizationName: organizations.name, sector: submissions.sector,
      regionCode: submissions.regionCode, createdAt: submissions.createdAt, updatedAt: submissions.updatedAt,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .where(where)
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(q.limit).offset(q.offset);
  // A separate count reads only the index; a window count would read every matching row in full.
  const counted = q.text
    ? db.select({ n: count() }).from(submissions).innerJoin(organizations, eq(organizations.id, submissions.organizationId)).where(where)
    : db.select({ n: count() }).from(submissions).where(where);
  const [items, [c]] = await Promise.all([page, counted]);
  return { items, total: c?.n ?? 0 };
}

export async function findExistingFingerprints(db: Executor, fingerprints: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < fingerprints.length; i += 1000) {
    const chunk = fingerprints.slice(i, i + 1000);
    const rows = await db.select({ f: submissions.importFingerprint }).from(submissions)
      .where(inArray(submissions.importFingerprint, chunk));
    for (const r of rows) if (r.f) found.add(r.f);
  }
  return found;
}

export async function insertAttachment(db: Executor, a: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
  const [row] = await db.insert(attachments).values(a).returning({
    id: attachments.id, submissionId: attachments.submissionId, filename: attachments.filename,
    mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256,
    createdBy: attachments.createdBy, createdAt: attachments.createdAt,
  });
  return row!;
}

const attachmentMeta = {
  id: attachments.id, submissionId: attachments.submissionId, filename: attachments.filename,
  mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256,
  createdBy: attachments.createdBy, createdAt: attachments.createdAt,
};

export async function listAttachments(db: Executor, submissionId: string): Promise<AttachmentMeta[]> {
  return db.select(attachmentMeta).from(attachments).where(eq(attachments.submissionId, submissionId)).orderBy(attachments.createdAt);
}

export async function findAttachmentMeta(db: Executor, id: string): Promise<AttachmentMeta | undefined> {
  const [row] = await db.select(attachmentMeta).from(attachments).where(eq(attachments.id, id));
  return row;
}

export async function readAttachmentContent(db: Executor, id: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id));
  return row?.content;
}

export async function deleteAttachment(db: Executor, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}

export async function countAttachments(db: Executor, submissionId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(attachments).where(eq(attachments.submissionId, submissionId));
  return c?.n ?? 0;
}
