import { and, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { challenges, organizations } from '../schema.js';

export type ChallengeRow = typeof challenges.$inferSelect;
export type NewChallenge = typeof challenges.$inferInsert;
export type ChallengeWithOrg = ChallengeRow & { organizationName: string };

export async function insertChallenge(db: Executor, c: typeof challenges.$inferInsert): Promise<ChallengeRow> {
  const [row] = await db.insert(challenges).values(c).returning();
  return row!;
}

export async function findChallenge(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ChallengeWithOrg | undefined> {
  const q = db
    .select({ c: challenges, organizationName: organizations.name })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.organizationId))
    .where(eq(challenges.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: challenges }) : await q;
  return row ? { ...row.c, organizationName: row.organizationName } : undefined;
}

export async function updateChallenge(
  db: Executor,
  id: string,
  patch: Partial<typeof challenges.$inferInsert>,
): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .update(challenges)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(challenges.id, id))
    .returning();
  return row;
}

/** Conditional on the current state, so two concurrent movers cannot both succeed. */
export async function updateChallengeStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  patch: Partial<typeof challenges.$inferInsert> = {},
): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .update(challenges)
    .set({ ...patch, status: to, updatedAt: new Date() })
    .where(and(eq(challenges.id, id), eq(challenges.status, from)))
    .returning();
  return row;
}

/**
 * One filter for the list and its export: the statuses everyone may see, plus (for an
 * organisation's users) every challenge of their own organisation, and (for operators) the
 * statuses only they see.
 */
export interface ChallengeListQuery {
  /** Statuses visible whoever owns the challenge; undefined = all. */
  statuses?: string[];
  /** Also every challenge of this organisation, in any state. */
  ownOrganizationId?: string;
  /** Also every challenge submitted for review at least once (the operator's view). */
  orSubmitted?: boolean;
  /** Only this organisation's. */
  onlyOrganizationId?: string;
  status?: string;
  q?: string;
}

export function challengeListWhere(q: ChallengeListQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.statuses) {
    const visible = q.statuses.length ? inArray(challenges.status, q.statuses) : sql`false`;
    const also = [
      q.ownOrganizationId ? eq(challenges.organizationId, q.ownOrganizationId) : undefined,
      q.orSubmitted ? isNotNull(challenges.submittedAt) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    conds.push(also.length ? or(visible, ...also) : visible);
  }
  if (q.onlyOrganizationId) conds.push(eq(challenges.organizationId, q.onlyOrganizationId));
  if (q.status) conds.push(eq(challenges.status, q.status));
  if (q.q) conds.push(sql`position(${q.q} in ${challenges.title}) > 0`);
  const defined = conds.filter((c): c is SQL => c !== undefined);
  return defined.length ? and(...defined) : undefined;
}

export async function listChallenges(
  db: Executor,
  q: ChallengeListQuery & { limit: number; offset: number },
): Promise<{ items: ChallengeWithOrg[]; total: number }> {
  const where = challengeListWhere(q);
  const [rows, [c]] = await Promise.all([
    db
      .select({ c: challenges, organizationName: organizations.name })
      .from(challenges)
      .innerJoin(organizations, eq(organizations.id, challenges.organizationId))
      .where(where)
      .orderBy(desc(challenges.updatedAt), desc(challenges.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(challenges).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.c, organizationName: r.organizationName })), total: c?.n ?? 0 };
}

/** Open challenges for the public page, the nearest deadline first. */
export async function listOpenChallenges(db: Executor, limit = 200): Promise<ChallengeWithOrg[]> {
  const rows = await db
    .select({ c: challenges, organizationName: organizations.name })
    .from(challenges)
    .innerJoin(organizations, eq(organizations.id, challenges.organizationId))
    .where(eq(challenges.status, 'open'))
    .orderBy(challenges.applicationDeadline, challenges.id)
    .limit(limit);
  return rows.map((r) => ({ ...r.c, organizationName: r.organizationName }));
}

/** Open challenges whose application deadline has come: the clock closes them. */
export async function findChallengesDueToClose(db: Executor, now: Date): Promise<ChallengeRow[]> {
  return db
    .select()
    .from(challenges)
    .where(and(eq(challenges.status, 'open'), sql`${challenges.applicationDeadline} <= ${now.toISOString()}::timestamptz`));
}
