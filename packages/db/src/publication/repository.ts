import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { batchEntries, batches, benchmarkBatches, benchmarkCases, benchmarkEntries } from '../schema.js';

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
  // One statement: the page's ids (narrow, in the partial index's order) with the number of all
  // matches beside them, then the full rows for just those ids. Counting in a separate
  // statement scanned the matches twice (with a keyword: every description twice) and cost a
  // round trip more on every request.
  const page = db.$with('page').as(
    db
      .select({ id: batchEntries.id, total: sql<number>`count(*) over ()`.mapWith(Number).as('total') })
      .from(batchEntries)
      .where(where)
      .orderBy(desc(batchEntries.publishedAt), batchEntries.seq, batchEntries.id)
      .limit(q.limit)
      .offset(q.offset),
  );
  const rows = await db
    .with(page)
    .select({ entry: batchEntries, batchTitle: batches.title, total: page.total })
    .from(page)
    .innerJoin(batchEntries, eq(batchEntries.id, page.id))
    .innerJoin(batches, eq(batches.id, batchEntries.batchId))
    .orderBy(desc(batchEntries.publishedAt), batchEntries.seq, batchEntries.id);
  if (rows.length > 0) return { items: rows.map(({ entry, batchTitle }) => ({ entry, batchTitle })), total: rows[0]!.total };
  // Past the last page (or nothing matches): no row carries the count.
  const [c] = q.offset > 0 ? await db.select({ n: count() }).from(batchEntries).where(where) : [{ n: 0 }];
  return { items: [], total: c?.n ?? 0 };
}

/** Current published entries of some submissions (the portal's search hits), with their batch titles. */
export async function currentEntriesOfSubmissions(db: Executor, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select({ entry: batchEntries, batchTitle: batches.title })
    .from(batchEntries)
    .innerJoin(batches, eq(batches.id, batchEntries.batchId))
    .where(and(inArray(batchEntries.submissionId, submissionIds), eq(batchEntries.isCurrent, true)))
    .orderBy(desc(batchEntries.publishedAt), batchEntries.seq, batchEntries.id);
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

// ---- 标杆案例清单 batches ---------------------------------------------------------------------

export type BenchmarkBatchRow = typeof benchmarkBatches.$inferSelect;
export type BenchmarkEntryRow = typeof benchmarkEntries.$inferSelect;

export async function insertBenchmarkBatch(db: Executor, b: typeof benchmarkBatches.$inferInsert): Promise<BenchmarkBatchRow> {
  const [row] = await db.insert(benchmarkBatches).values(b).returning();
  return row!;
}

export async function insertBenchmarkEntries(db: Executor, rows: (typeof benchmarkEntries.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(benchmarkEntries).values(rows.slice(i, i + 500));
}

export async function insertBenchmarkCases(db: Executor, rows: (typeof benchmarkCases.$inferInsert)[]) {
  return rows.length ? db.insert(benchmarkCases).values(rows).returning() : [];
}

export async function nextBenchmarkNumber(db: Executor, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${benchmarkBatches.number}), 0)::int` })
    .from(benchmarkBatches)
    .where(eq(benchmarkBatches.year, year));
  return (row?.n ?? 0) + 1;
}

export async function benchmarkNumberTaken(db: Executor, year: number, number: number): Promise<boolean> {
  const [row] = await db
    .select({ id: benchmarkBatches.id })
    .from(benchmarkBatches)
    .where(and(eq(benchmarkBatches.year, year), eq(benchmarkBatches.number, number)));
  return !!row;
}

export async function findBenchmarkBatch(db: Executor, id: string): Promise<BenchmarkBatchRow | undefined> {
  const [row] = await db.select().from(benchmarkBatches).where(eq(benchmarkBatches.id, id));
  return row;
}

export async function listBenchmarkBatches(db: Executor, q: { limit: number; offset: number }) {
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(benchmarkBatches)
      .orderBy(desc(benchmarkBatches.publishedAt), desc(benchmarkBatches.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(benchmarkBatches),
  ]);
  return { items, total: c?.n ?? 0 };
}

/** Every version of a benchmark batch's entries, by seq then version. */
export async function listBenchmarkEntries(db: Executor, batchId: string): Promise<BenchmarkEntryRow[]> {
  return db
    .select()
    .from(benchmarkEntries)
    .where(eq(benchmarkEntries.batchId, batchId))
    .orderBy(benchmarkEntries.seq, benchmarkEntries.version);
}

export async function findCurrentBenchmarkEntry(db: Executor, batchId: string, seq: number, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(benchmarkEntries)
    .where(and(eq(benchmarkEntries.batchId, batchId), eq(benchmarkEntries.seq, seq), eq(benchmarkEntries.isCurrent, true)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function retireBenchmarkEntryVersion(db: Executor, id: string): Promise<void> {
  await db.update(benchmarkEntries).set({ isCurrent: false }).where(eq(benchmarkEntries.id, id));
}

/** The first version of each of these submissions' benchmark entries (an item is in one batch only). */
export async function benchmarkEntriesOfSubmissions(db: Executor, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select({ submissionId: benchmarkEntries.submissionId, batchId: benchmarkEntries.batchId })
    .from(benchmarkEntries)
    .where(and(inArray(benchmarkEntries.submissionId, submissionIds), eq(benchmarkEntries.version, 1)));
}
