import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client.js';
import { organizations, users } from './schema.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type UserRow = typeof users.$inferSelect;

export async function insertOrganization(db: Executor, org: NewOrganization): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(org).returning();
  return row!;
}

export async function findOrganization(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export async function findOrganizationByCreditCode(db: Executor, creditCode: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.creditCode, creditCode));
  return row;
}

export async function findOrganizationsByCreditCodes(db: Executor, codes: string[]): Promise<OrganizationRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(organizations).where(inArray(organizations.creditCode, codes));
}

export async function updateOrganizationStatus(
  db: Executor, id: string, from: string, to: string, reason: string | null,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.update(organizations)
    .set({ status: to, statusReason: reason, updatedAt: new Date() })
    .where(and(eq(organizations.id, id), eq(organizations.status, from)))
    .returning();
  return row;
}

export async function listOrganizations(
  db: Executor, q: { status?: string; text?: string; limit: number; offset: number },
): Promise<{ items: OrganizationRow[]; total: number }> {
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(organizations.status, q.status));
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(organizations.name, like), ilike(organizations.creditCode, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [items, [c]] = await Promise.all([
    db.select().from(organizations).where(where).orderBy(desc(organizations.createdAt), desc(organizations.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

export async function insertUser(db: Executor, user: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listOrganizationUsers(db: Executor, organizationId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.organizationId, organizationId)).orderBy(users.createdAt);
}

export async function recordLoginFailure(db: Executor, userId: string, lockAfter: number, lockUntil: Date): Promise<UserRow> {
  const [row] = await db.update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning();
  return row!;
}

export async function recordLoginSuccess(db: Executor, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
}
