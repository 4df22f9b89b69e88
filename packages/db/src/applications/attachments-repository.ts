import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { applicationAttachments, applicationReviews } from '../schema.js';

export type ApplicationAttachmentMeta = Omit<typeof applicationAttachments.$inferSelect, 'content'>;

const meta = {
  id: applicationAttachments.id,
  applicationId: applicationAttachments.applicationId,
  filename: applicationAttachments.filename,
  mediaType: applicationAttachments.mediaType,
  size: applicationAttachments.size,
  sha256: applicationAttachments.sha256,
  createdBy: applicationAttachments.createdBy,
  createdAt: applicationAttachments.createdAt,
};

export async function insertApplicationAttachment(
  db: Executor,
  row: typeof applicationAttachments.$inferInsert,
): Promise<ApplicationAttachmentMeta> {
  const [r] = await db.insert(applicationAttachments).values(row).returning(meta);
  return r!;
}

export async function listApplicationAttachments(db: Executor, applicationId: string): Promise<ApplicationAttachmentMeta[]> {
  return db
    .select(meta)
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.createdAt), asc(applicationAttachments.id));
}

export async function findApplicationAttachmentMeta(db: Executor, id: string): Promise<ApplicationAttachmentMeta | undefined> {
  const [row] = await db.select(meta).from(applicationAttachments).where(eq(applicationAttachments.id, id));
  return row;
}

export async function readApplicationAttachmentContent(db: Executor, id: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: applicationAttachments.content })
    .from(applicationAttachments)
    .where(eq(applicationAttachments.id, id));
  return row?.content;
}

export async function deleteApplicationAttachment(db: Executor, id: string): Promise<void> {
  await db.delete(applicationAttachments).where(eq(applicationAttachments.id, id));
}

export async function countApplicationAttachments(db: Executor, applicationId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(applicationAttachments).where(eq(applicationAttachments.applicationId, applicationId));
  return c?.n ?? 0;
}

/** Whether the user reviews the application (an assignment they have not stepped aside from). */
export async function reviewsApplication(db: Executor, applicationId: string, reviewerUserId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: applicationReviews.id })
    .from(applicationReviews)
    .where(
      and(
        eq(applicationReviews.applicationId, applicationId),
        eq(applicationReviews.reviewerUserId, reviewerUserId),
        sql`${applicationReviews.status} <> 'conflict_declared'`,
      ),
    )
    .limit(1);
  return !!row;
}
