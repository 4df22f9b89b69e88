import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { batchEntries, batches, benchmarkCases } from '../schema.js';

export type BatchRow = typeof batches.$inferSelect;
export type BatchEntryRow = typeof batchEntries.$inferSelect;

export async function insertBatch(db: Executor, b: typeof batches.$inferInsert): Promise<BatchRow> {
  const [row] = await db.insert(batches).values(b).returning();
  return row!;
}

export async function insertBatchEntries(db: Executor, rows: (typeof batchEntries.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(batchEntries).values(rows.slice(i, i + 500));
}

export async function findBatch(db: Executor, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(batches).where(eq(batches.id, id));
  return row;
}

export async function batchNumberTaken(db: Executor, listType: string, year: number, number: number): Promise<boolean> {
  const [row] = await db
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.listType, listType), eq(batches.year, year), eq(batches.number, number)));
  return !!row;
}

export async function nextBatchNumber(db: Executor, listType: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${batches.number}), 0)::int` })
    .from(batches)
    .where(and(eq(batches.listType, listType), eq(batches.year, year)));
  return (row?.n ?? 0) + 1;
}

export async function listBatches(db: Executor, q: { listType?: string; limit: number; offset: number }) {
  const where = q.listType ? eq(batches.listType, q.listType) : undefined;
  const [items, [c]] = await Promise.all([
    db.select().from(batches).where(where).orderBy(desc(batches.publishedAt), desc(batches.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(batches).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

/** Every version of a batch's entries, ordered by seq then version. */
export async function listBatchEntries(db: Executor, batchId: string, opts: { currentOnly?: boolean } = {}): Promise<BatchEntryRow[]> {
  return db
    .select()
    .from(batchEntries)
    .where(and(eq(batchEntries.batchId, batchId), opts.currentOnly ? eq(batchEntries.isCurrent, true) : undefined))
    .orderBy(batchEntries.seq, batchEntries.version);
}

export async function findBatchEntry(db: Executor, id: string): Promise<BatchEntryRow | undefined> {
  const [row] = await db.select().from(batchEntries).where(eq(batchEntries.id, id));
  return row;
}

export async function findCurrentEntry(db: Executor, batchId: string, seq: number, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(batchEntries)
    .where(and(eq(batchEntries.batchId, batchId), eq(batchEntries.seq, seq), eq(batchEntries.isCurrent, true)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function entryVersions(db: Executor, batchId: string, seq: number): Promise<BatchEntryRow[]> {
  return db
    .select()
    .from(batchEntries)
    .where(and(eq(batchEntries.batchId, batchId), eq(batchEntries.seq, seq)))
    .orderBy(batchEntries.version);
}

export async function retireEntryVersion(db: Executor, id: string): Promise<void> {
  await db.update(batchEntries).set({ isCurrent: false }).where(eq(batchEntries.id, id));
}

export interface PublicEntryQuery {
  listType?: string;
  sector?: string;
  techField?: string;
  regionCode?: string;
  batchId?: string;
  text?: string;
  limit: number;
  offset: number;
}

/** Current versions of published entries, newest batch first, then by entry number. */
export async function listPublicEntries(db: Executor, q: PublicEntryQuery) {
  const conds: SQL[] = [eq(batchEntries.isCurrent, true)];
  if (q.listType) conds.push(eq(batchEntries.listType, q.listType));
  if (q.sector) conds.push(eq(batchEntries.sector, q.sector));
  if (q.techField) conds.push(sql`${q.techField} = any(${batchEntries.techFields})`);
  if (q.regionCode) conds.push(eq(batchEntries.regionCode, q.regionCode));
  if (q.batchId) conds.push(eq(batchEntries.batchId, q.batchId));
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(batchEntries.name, like), ilike(batchEntries.issuer, like), ilike(batchEntries.description, like))!);
  }
  const where = and(...conds);
  // The page's ids first (narrow, index-ordered), then the full rows for just those ids: deep
  // pages then sort ids, not whole entries with their descriptions.
  const ids = db
    .select({ id: batchEntries.id })
    .from(batchEntries)
    .where(where)
    .orderBy(desc(batchEntries.publishedAt), batchEntries.seq, batchEntries.id)
    .limit(q.limit)
    .offset(q.offset);
  const [pageIds, [c]] = await Promise.all([ids, db.select({ n: count() }).from(batchEntries).where(where)]);
  if (pageIds.length === 0) return { items: [], total: c?.n ?? 0 };
  const rows = await db
    .select({ entry: batchEntries, batchTitle: batches.title })
    .from(batchEntries)
    .innerJoin(batches, eq(batches.id, batchEntries.batchId))
    .where(
      inArray(
        batchEntries.id,
        pageIds.map((r) => r.id),
      ),
    )
    .orderBy(desc(batchEntries.publishedAt), batchEntries.seq, batchEntries.id);
  return { items: rows, total: c?.n ?? 0 };
}

export async function insertBenchmarkCase(db: Executor, c: typeof benchmarkCases.$inferInsert) {
  const [row] = await db.insert(benchmarkCases).values(c).returning();
  return row!;
}

export async function listBenchmarkCases(db: Executor, q: { limit: number; offset: number }) {
  const [items, [c]] = await Promise.all([
    db.select().from(benchmarkCases).orderBy(desc(benchmarkCases.promotedAt), desc(benchmarkCases.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(benchmarkCases),
  ]);
  return { items, total: c?.n ?? 0 };
}
