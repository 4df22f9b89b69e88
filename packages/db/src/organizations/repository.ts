import { and, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import {
  authThrottles,
  organizationDishonestyFlags,
  organizationLicences,
  organizationQualifications,
  organizations,
  users,
} from '../schema.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type UserRow = typeof users.$inferSelect;
export type OrganizationLicenceMeta = Omit<typeof organizationLicences.$inferSelect, 'content'>;
export type OrganizationQualificationRow = typeof organizationQualifications.$inferSelect;
export type OrganizationDishonestyFlagRow = typeof organizationDishonestyFlags.$inferSelect;

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
  db: Executor,
  id: string,
  from: string,
  to: string,
  reason: string | null,
): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ status: to, statusReason: reason, updatedAt: new Date() })
    .where(and(eq(organizations.id, id), eq(organizations.status, from)))
    .returning();
  return row;
}

export async function listOrganizations(
  db: Executor,
  q: { status?: string; text?: string; limit: number; offset: number },
): Promise<{ items: OrganizationRow[]; total: number }> {
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(organizations.status, q.status));
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(organizations.name, like), ilike(organizations.creditCode, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(organizations)
      .where(where)
      .orderBy(desc(organizations.createdAt), desc(organizations.id))
      .limit(q.limit)
      .offset(q.offset),
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

export interface AttemptScope {
  scope: string;
  /** Seconds to wait after the n-th attempt, for n = 1, 2, …; the last entry holds for every later n. */
  delays: readonly number[];
  /** An idle row older than this starts counting again from one. */
  forgetAfterSeconds: number;
}

export type AttemptClaim = { claimed: true; attempts: Record<string, number> } | { claimed: false; scope: string; nextAttemptAt: Date };

class Refused extends Error {
  constructor(
    readonly scope: string,
    readonly nextAttemptAt: Date,
  ) {
    super('refused');
  }
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Claims one attempt in every scope, or in none: each claim is one INSERT … ON CONFLICT DO
 * UPDATE … WHERE next_attempt_at <= now, so concurrent claimers (in any process) queue on the
 * row and each sees the one before it. A claim that is refused changes nothing.
 */
export async function claimAuthAttempt(db: Executor, userId: string, scopes: readonly AttemptScope[], now: Date): Promise<AttemptClaim> {
  try {
    return await db.transaction(async (tx) => {
      const attempts: Record<string, number> = {};
      for (const s of scopes) attempts[s.scope] = await claimOne(tx, userId, s, now);
      return { claimed: true as const, attempts };
    });
  } catch (e) {
    if (e instanceof Refused) return { claimed: false, scope: e.scope, nextAttemptAt: e.nextAttemptAt };
    throw e;
  }
}

async function claimOne(tx: Executor, userId: string, s: AttemptScope, now: Date): Promise<number> {
  const t = authThrottles;
  const delays = `{${s.delays.map((d) => Math.trunc(d)).join(',')}}`;
  const forgetBefore = new Date(now.getTime() - s.forgetAfterSeconds * 1000);
  const n = sql`(case when ${t.lastAttemptAt} <= ${at(forgetBefore)} then 1 else ${t.attempts} + 1 end)`;
  const next = (k: SQL) => sql`${at(now)} + (${delays}::int[])[least(${k}, ${s.delays.length})] * interval '1 second'`;
  const [row] = await tx
    .insert(t)
    .values({ userId, scope: s.scope, attempts: 1, nextAttemptAt: sql`${next(sql`1`)}`, lastAttemptAt: now })
    .onConflictDoUpdate({
      target: [t.userId, t.scope],
      set: { attempts: n, nextAttemptAt: next(n), lastAttemptAt: now },
      setWhere: sql`${t.nextAttemptAt} <= ${at(now)}`,
    })
    .returning({ attempts: t.attempts });
  if (row) return row.attempts;
  const [held] = await tx
    .select({ nextAttemptAt: t.nextAttemptAt })
    .from(t)
    .where(and(eq(t.userId, userId), eq(t.scope, s.scope)));
  throw new Refused(s.scope, held?.nextAttemptAt ?? now);
}

/** A successful check: the counters of these scopes start again. */
export async function resetAuthAttempts(db: Executor, userId: string, scopes: readonly string[]): Promise<void> {
  if (scopes.length > 0)
    await db.delete(authThrottles).where(and(eq(authThrottles.userId, userId), inArray(authThrottles.scope, [...scopes])));
}

/**
 * True for the first refusal after each claimed attempt, false for the rest: a flood of refused
 * requests is audited once per slot it was refused, not once per request.
 */
export async function noteAttemptRefused(db: Executor, userId: string, scope: string, now: Date): Promise<boolean> {
  const t = authThrottles;
  const rows = await db
    .update(t)
    .set({ refusalAuditedAt: now })
    .where(and(eq(t.userId, userId), eq(t.scope, scope), or(isNull(t.refusalAuditedAt), lt(t.refusalAuditedAt, t.lastAttemptAt))))
    .returning({ scope: t.scope });
  return rows.length > 0;
}

/**
 * Counters idle since `before` (their forget time) are the same as no counter: claimOne would
 * start them again from one. Removing them keeps the table to the accounts tried lately.
 */
export async function forgetIdleAuthAttempts(db: Executor, before: Date): Promise<number> {
  const t = authThrottles;
  const rows = await db
    .delete(t)
    .where(and(lt(t.lastAttemptAt, before), lt(t.nextAttemptAt, before)))
    .returning({ scope: t.scope });
  return rows.length;
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
}

const licenceMeta = {
  id: organizationLicences.id,
  organizationId: organizationLicences.organizationId,
  filename: organizationLicences.filename,
  mediaType: organizationLicences.mediaType,
  size: organizationLicences.size,
  sha256: organizationLicences.sha256,
  createdBy: organizationLicences.createdBy,
  createdAt: organizationLicences.createdAt,
};

export async function insertOrganizationLicence(
  db: Executor,
  l: typeof organizationLicences.$inferInsert,
): Promise<OrganizationLicenceMeta> {
  const [row] = await db.insert(organizationLicences).values(l).returning(licenceMeta);
  return row!;
}

/** An organisation's licence files, newest first. */
export async function listOrganizationLicences(db: Executor, organizationId: string): Promise<OrganizationLicenceMeta[]> {
  return db
    .select(licenceMeta)
    .from(organizationLicences)
    .where(eq(organizationLicences.organizationId, organizationId))
    .orderBy(desc(organizationLicences.createdAt), desc(organizationLicences.id));
}

/** The newest licence of each of these organisations (those without one are absent), in one query. */
export async function latestOrganizationLicences(db: Executor, organizationIds: string[]): Promise<Map<string, OrganizationLicenceMeta>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([organizationLicences.organizationId], licenceMeta)
    .from(organizationLicences)
    .where(inArray(organizationLicences.organizationId, organizationIds))
    .orderBy(organizationLicences.organizationId, desc(organizationLicences.createdAt), desc(organizationLicences.id));
  return new Map(rows.map((r) => [r.organizationId, r]));
}

export async function countOrganizationLicences(db: Executor, organizationId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(organizationLicences).where(eq(organizationLicences.organizationId, organizationId));
  return c?.n ?? 0;
}

/** One licence file with its bytes, only if it belongs to this organisation. */
export async function readOrganizationLicence(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<{ meta: OrganizationLicenceMeta; content: Buffer } | undefined> {
  const [row] = await db
    .select({ ...licenceMeta, content: organizationLicences.content })
    .from(organizationLicences)
    .where(and(eq(organizationLicences.id, id), eq(organizationLicences.organizationId, organizationId)));
  if (!row) return undefined;
  const { content, ...meta } = row;
  return { meta, content };
}

/** Locks the organisation's row: uploads to one organisation are serialised, so a count check holds. */
export async function lockOrganization(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).for('update');
  return row;
}

/** The organisation's recorded qualifications, in the order they were recorded. */
export async function listOrganizationQualifications(db: Executor, organizationId: string): Promise<OrganizationQualificationRow[]> {
  return db
    .select()
    .from(organizationQualifications)
    .where(eq(organizationQualifications.organizationId, organizationId))
    .orderBy(organizationQualifications.createdAt, organizationQualifications.id);
}

/** The new row, or undefined if the organisation has this qualification recorded already. */
export async function insertOrganizationQualification(
  db: Executor,
  row: typeof organizationQualifications.$inferInsert,
): Promise<OrganizationQualificationRow | undefined> {
  const [out] = await db.insert(organizationQualifications).values(row).onConflictDoNothing().returning();
  return out;
}

/** The deleted row, or undefined if the organisation has no such qualification. */
export async function deleteOrganizationQualification(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<OrganizationQualificationRow | undefined> {
  const [out] = await db
    .delete(organizationQualifications)
    .where(and(eq(organizationQualifications.organizationId, organizationId), eq(organizationQualifications.id, id)))
    .returning();
  return out;
}

export async function findOrganizationDishonestyFlag(
  db: Executor,
  organizationId: string,
): Promise<OrganizationDishonestyFlagRow | undefined> {
  const [row] = await db.select().from(organizationDishonestyFlags).where(eq(organizationDishonestyFlags.organizationId, organizationId));
  return row;
}

/** Sets the organisation's 失信 flag to this state (one row per organisation). */
export async function upsertOrganizationDishonestyFlag(
  db: Executor,
  row: Omit<typeof organizationDishonestyFlags.$inferInsert, 'updatedAt'> & { updatedAt: Date },
): Promise<OrganizationDishonestyFlagRow> {
  const [out] = await db
    .insert(organizationDishonestyFlags)
    .values(row)
    .onConflictDoUpdate({
      target: organizationDishonestyFlags.organizationId,
      set: {
        flagged: row.flagged,
        source: row.source,
        listedOn: row.listedOn ?? null,
        reason: row.reason,
        updatedBy: row.updatedBy ?? null,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  return out!;
}
