import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { eligibilityOverrides, programmeAwards } from '../schema.js';

export type EligibilityOverrideRow = typeof eligibilityOverrides.$inferSelect;
export type ProgrammeAwardRow = typeof programmeAwards.$inferSelect;

export async function findEligibilityOverride(
  db: Executor,
  organizationId: string,
  challengeRef: string,
): Promise<EligibilityOverrideRow | undefined> {
  const [row] = await db
    .select()
    .from(eligibilityOverrides)
    .where(and(eq(eligibilityOverrides.organizationId, organizationId), eq(eligibilityOverrides.challengeRef, challengeRef)));
  return row;
}

/** The new override, or undefined if one for this organisation and challenge exists already. */
export async function insertEligibilityOverride(
  db: Executor,
  row: typeof eligibilityOverrides.$inferInsert,
): Promise<EligibilityOverrideRow | undefined> {
  const [out] = await db.insert(eligibilityOverrides).values(row).onConflictDoNothing().returning();
  return out;
}

export async function listEligibilityOverrides(db: Executor, organizationId: string): Promise<EligibilityOverrideRow[]> {
  return db
    .select()
    .from(eligibilityOverrides)
    .where(eq(eligibilityOverrides.organizationId, organizationId))
    .orderBy(desc(eligibilityOverrides.createdAt));
}

/** The organisation's awards in the programme since the given moment, not revoked, newest first. */
export async function listProgrammeAwardsSince(
  db: Executor,
  organizationId: string,
  programme: string,
  since: Date,
): Promise<ProgrammeAwardRow[]> {
  return db
    .select()
    .from(programmeAwards)
    .where(
      and(
        eq(programmeAwards.organizationId, organizationId),
        eq(programmeAwards.programme, programme),
        gte(programmeAwards.awardedAt, since),
        isNull(programmeAwards.revokedAt),
      ),
    )
    .orderBy(desc(programmeAwards.awardedAt));
}

export async function insertProgrammeAward(db: Executor, row: typeof programmeAwards.$inferInsert): Promise<ProgrammeAwardRow> {
  const [out] = await db.insert(programmeAwards).values(row).returning();
  return out!;
}
