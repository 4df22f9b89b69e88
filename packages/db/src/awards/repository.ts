import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizations } from '../schema.js';
import { awardMilestones, challengeAwards } from './schema.js';

export type AwardRow = typeof challengeAwards.$inferSelect;
export type AwardWithOrganization = AwardRow & { organizationName: string };
export type AwardMilestoneRow = typeof awardMilestones.$inferSelect;

export async function insertAward(db: Executor, a: typeof challengeAwards.$inferInsert): Promise<AwardRow> {
  const [row] = await db.insert(challengeAwards).values(a).returning();
  return row!;
}

export async function insertAwardMilestones(db: Executor, rows: (typeof awardMilestones.$inferInsert)[]): Promise<AwardMilestoneRow[]> {
  if (rows.length === 0) return [];
  return db.insert(awardMilestones).values(rows).returning();
}

const withOrganization = {
  award: challengeAwards,
  organizationName: organizations.name,
};

export async function findAward(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<AwardWithOrganization | undefined> {
  const q = db
    .select(withOrganization)
    .from(challengeAwards)
    .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
    .where(eq(challengeAwards.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: challengeAwards }) : await q;
  return row ? { ...row.award, organizationName: row.organizationName } : undefined;
}

/** A challenge's awards in the order they were made (the 公示's order). */
export async function listAwardsOfChallenge(db: Executor, challengeId: string): Promise<AwardWithOrganization[]> {
  const rows = await db
    .select(withOrganization)
    .from(challengeAwards)
    .innerJoin(organizations, eq(organizations.id, challengeAwards.organizationId))
    .where(eq(challengeAwards.challengeId, challengeId))
    .orderBy(asc(challengeAwards.agreementNo));
  return rows.map((r) => ({ ...r.award, organizationName: r.organizationName }));
}

export async function listMilestonesOfAwards(db: Executor, awardIds: string[]): Promise<AwardMilestoneRow[]> {
  if (awardIds.length === 0) return [];
  return db
    .select()
    .from(awardMilestones)
    .where(inArray(awardMilestones.awardId, awardIds))
    .orderBy(asc(awardMilestones.awardId), asc(awardMilestones.seq));
}

/** Conditional on the current state, so two concurrent movers cannot both succeed. */
export async function updateAwardStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  patch: Partial<typeof challengeAwards.$inferInsert> = {},
): Promise<AwardRow | undefined> {
  const [row] = await db
    .update(challengeAwards)
    .set({ ...patch, status: to, updatedAt: new Date(), version: sql`${challengeAwards.version} + 1` })
    .where(and(eq(challengeAwards.id, id), eq(challengeAwards.status, from)))
    .returning();
  return row;
}

/**
 * The next 任务书 number of a year: RW-<year>-<4 digits>, counted over the awards made that year.
 * Call inside the transaction that inserts the award: the advisory lock (held to its end) keeps
 * two challenges awarded at the same moment from drawing the same number.
 */
export async function nextAgreementNo(db: Executor, year: number): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('challenge_awards.agreement_no'))`);
  const prefix = `RW-${year}-`;
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(substring(${challengeAwards.agreementNo} from ${prefix.length + 1}::int)::int), 0)` })
    .from(challengeAwards)
    .where(sql`${challengeAwards.agreementNo} like ${prefix + '%'}`);
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(4, '0')}`;
}
