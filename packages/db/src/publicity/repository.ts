import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizations, users } from '../schema.js';
import { publicities, publicityItems, publicityObjections } from './schema.js';

export type PublicityRow = typeof publicities.$inferSelect;
export type PublicityItemRow = typeof publicityItems.$inferSelect;
export type ObjectionRow = typeof publicityObjections.$inferSelect;
export type ObjectionWithNames = ObjectionRow & {
  organizationName: string;
  lodgedByName: string;
  itemName: string;
  publicityTitle: string;
};

export async function insertPublicity(db: Executor, p: typeof publicities.$inferInsert): Promise<PublicityRow> {
  const [row] = await db.insert(publicities).values(p).returning();
  return row!;
}

export async function insertPublicityItems(db: Executor, items: (typeof publicityItems.$inferInsert)[]): Promise<PublicityItemRow[]> {
  if (items.length === 0) return [];
  return db.insert(publicityItems).values(items).returning();
}

export async function findPublicity(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<PublicityRow | undefined> {
  const q = db.select().from(publicities).where(eq(publicities.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Conditional on the current state, so two concurrent movers cannot both succeed. */
export async function updatePublicityStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  patch: Partial<typeof publicities.$inferInsert> = {},
): Promise<PublicityRow | undefined> {
  const [row] = await db
    .update(publicities)
    .set({ ...patch, status: to, updatedAt: new Date() })
    .where(and(eq(publicities.id, id), eq(publicities.status, from)))
    .returning();
  return row;
}

export async function listPublicities(
  db: Executor,
  q: { statuses?: string[]; subjectKind?: string; subjectId?: string; limit: number; offset: number },
): Promise<{ items: PublicityRow[]; total: number }> {
  const conds = [
    q.statuses ? (q.statuses.length ? inArray(publicities.status, q.statuses) : sql`false`) : undefined,
    q.subjectKind ? eq(publicities.subjectKind, q.subjectKind) : undefined,
    q.subjectId ? eq(publicities.subjectId, q.subjectId) : undefined,
  ].filter((c) => c !== undefined);
  const where = conds.length ? and(...conds) : undefined;
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(publicities)
      .where(where)
      .orderBy(desc(sql`coalesce(${publicities.startedAt}, ${publicities.createdAt})`), desc(publicities.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(publicities).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

/** Every publicity of one subject (any state), newest first. */
export async function listPublicitiesOfSubject(db: Executor, subjectKind: string, subjectId: string): Promise<PublicityRow[]> {
  return db
    .select()
    .from(publicities)
    .where(and(eq(publicities.subjectKind, subjectKind), eq(publicities.subjectId, subjectId)))
    .orderBy(desc(publicities.createdAt));
}

export async function listPublicityItems(db: Executor, publicityIds: string[]): Promise<PublicityItemRow[]> {
  if (publicityIds.length === 0) return [];
  return db.select().from(publicityItems).where(inArray(publicityItems.publicityId, publicityIds)).orderBy(asc(publicityItems.seq));
}

export async function findPublicityItem(db: Executor, id: string): Promise<PublicityItemRow | undefined> {
  const [row] = await db.select().from(publicityItems).where(eq(publicityItems.id, id));
  return row;
}

export async function revokePublicityItem(db: Executor, id: string, reason: string, at: Date): Promise<PublicityItemRow | undefined> {
  const [row] = await db
    .update(publicityItems)
    .set({ status: 'revoked', revokedReason: reason, revokedAt: at })
    .where(and(eq(publicityItems.id, id), eq(publicityItems.status, 'listed')))
    .returning();
  return row;
}

/** Running publicities whose end has come, and ended ones (the clock finalises those with nothing pending). */
export async function findPublicitiesDue(db: Executor, now: Date): Promise<PublicityRow[]> {
  return db
    .select()
    .from(publicities)
    .where(
      sql`(${publicities.status} = 'running' and ${publicities.endsAt} <= ${now.toISOString()}::timestamptz) or ${publicities.status} = 'ended'`,
    );
}

export async function insertObjection(db: Executor, o: typeof publicityObjections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await db.insert(publicityObjections).values(o).returning();
  return row!;
}

export async function findObjection(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ObjectionRow | undefined> {
  const q = db.select().from(publicityObjections).where(eq(publicityObjections.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateObjectionStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  patch: Partial<typeof publicityObjections.$inferInsert>,
): Promise<ObjectionRow | undefined> {
  const [row] = await db
    .update(publicityObjections)
    .set({ ...patch, status: to })
    .where(and(eq(publicityObjections.id, id), eq(publicityObjections.status, from)))
    .returning();
  return row;
}

export async function countPendingObjections(db: Executor, publicityId: string): Promise<number> {
  const [c] = await db
    .select({ n: count() })
    .from(publicityObjections)
    .where(and(eq(publicityObjections.publicityId, publicityId), eq(publicityObjections.status, 'pending')));
  return c?.n ?? 0;
}

/** Objections with the lodging organisation's and user's names: for operators, or (filtered) for the lodging organisation. */
export async function listObjections(
  db: Executor,
  q: { id?: string; publicityId?: string; organizationId?: string; limit?: number; offset?: number },
): Promise<ObjectionWithNames[]> {
  const conds = [
    q.id ? eq(publicityObjections.id, q.id) : undefined,
    q.publicityId ? eq(publicityObjections.publicityId, q.publicityId) : undefined,
    q.organizationId ? eq(publicityObjections.organizationId, q.organizationId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({
      o: publicityObjections,
      organizationName: organizations.name,
      lodgedByName: users.displayName,
      itemName: publicityItems.name,
      publicityTitle: publicities.title,
    })
    .from(publicityObjections)
    .innerJoin(organizations, eq(organizations.id, publicityObjections.organizationId))
    .innerJoin(users, eq(users.id, publicityObjections.lodgedBy))
    .innerJoin(publicityItems, eq(publicityItems.id, publicityObjections.itemId))
    .innerJoin(publicities, eq(publicities.id, publicityObjections.publicityId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(publicityObjections.createdAt), desc(publicityObjections.id))
    .limit(q.limit ?? 1000)
    .offset(q.offset ?? 0);
  return rows.map((r) => ({
    ...r.o,
    organizationName: r.organizationName,
    lodgedByName: r.lodgedByName,
    itemName: r.itemName,
    publicityTitle: r.publicityTitle,
  }));
}

/** Per item, how many objections are in each state: what the public sees (never who lodged them). */
export async function objectionCountsByItem(
  db: Executor,
  publicityIds: string[],
): Promise<Map<string, { pending: number; dismissed: number; upheld: number }>> {
  const out = new Map<string, { pending: number; dismissed: number; upheld: number }>();
  if (publicityIds.length === 0) return out;
  const rows = await db
    .select({ itemId: publicityObjections.itemId, status: publicityObjections.status, n: count() })
    .from(publicityObjections)
    .where(inArray(publicityObjections.publicityId, publicityIds))
    .groupBy(publicityObjections.itemId, publicityObjections.status);
  for (const r of rows) {
    const c = out.get(r.itemId) ?? { pending: 0, dismissed: 0, upheld: 0 };
    c[r.status as 'pending' | 'dismissed' | 'upheld'] = r.n;
    out.set(r.itemId, c);
  }
  return out;
}

/** Publicities the public pages list: running, and those ended or final since `since`. */
export async function listPublicPublicities(db: Executor, since: Date, limit = 100): Promise<PublicityRow[]> {
  return db
    .select()
    .from(publicities)
    .where(
      sql`${publicities.status} = 'running' or (${publicities.status} in ('ended', 'final') and ${publicities.endsAt} >= ${since.toISOString()}::timestamptz)`,
    )
    .orderBy(desc(publicities.startedAt), desc(publicities.id))
    .limit(limit);
}
