/** SQL of policy profiles, "measures for me" and 免申即享 (docs/policies.md). */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizationDishonestyFlags, organizationQualifications, organizations } from '../organizations/schema.js';
import {
  organizationPolicyProfiles,
  policies,
  policyCalculators,
  policyMeasures,
  policyRedemptionRuns,
  policyRedemptions,
} from './schema.js';

export type PolicyRedemptionRow = typeof policyRedemptions.$inferSelect;
export type NewPolicyRedemption = typeof policyRedemptions.$inferInsert;

export interface ProfileSource {
  organization: { id: string; name: string; kind: string; regionCode: string; status: string };
  profile: typeof organizationPolicyProfiles.$inferSelect | null;
  qualifications: { code: string; certificateNo: string | null; validUntil: string | null }[];
  /** null: no flag row (nobody has checked). */
  dishonest: boolean | null;
}

/** Everything a profile is made of, for one organisation, in one query. */
export async function loadProfileSources(db: Executor, organizationId: string): Promise<ProfileSource[]> {
  const where = eq(organizations.id, organizationId);
  const quals = sql<ProfileSource['qualifications']>`coalesce((
    select json_agg(json_build_object('code', q.code, 'certificateNo', q.certificate_no, 'validUntil', q.valid_until) order by q.code)
    from ${organizationQualifications} q where q.organization_id = ${organizations.id}), '[]'::json)`;
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      regionCode: organizations.regionCode,
      status: organizations.status,
      profile: organizationPolicyProfiles,
      flagged: organizationDishonestyFlags.flagged,
      qualifications: quals,
    })
    .from(organizations)
    .leftJoin(organizationPolicyProfiles, eq(organizationPolicyProfiles.organizationId, organizations.id))
    .leftJoin(organizationDishonestyFlags, eq(organizationDishonestyFlags.organizationId, organizations.id))
    .where(where);
  return rows.map(({ profile, flagged, qualifications, ...organization }) => ({
    organization,
    profile,
    qualifications,
    dishonest: flagged ?? null,
  }));
}

/**
 * Changes whenever anything "measures for me" reads of policies changes: a policy published,
 * withdrawn or corrected (its version), a calculator proposed or confirmed.
 */
export async function policyMatchingStamp(db: Executor): Promise<string> {
  const res = await db.execute(sql`
    select (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '')
              from policies where status = 'published') || '|' ||
           (select count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' ||
                   count(*) filter (where status = 'confirmed') from policy_calculators) as stamp`);
  const rows = (res as unknown as { rows: { stamp: string }[] }).rows;
  return rows[0]!.stamp;
}

/** The calculator state of each of these measures that has one. */
export async function calculatorStatuses(db: Executor, measureIds: string[]): Promise<Map<string, string>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db
    .select({ id: policyCalculators.measureId, status: policyCalculators.status })
    .from(policyCalculators)
    .where(inArray(policyCalculators.measureId, measureIds));
  return new Map(rows.map((r) => [r.id, r.status]));
}

export async function redeemedOrganizationIds(db: Executor, measureId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: policyRedemptions.organizationId })
    .from(policyRedemptions)
    .where(eq(policyRedemptions.measureId, measureId));
  return new Set(rows.map((r) => r.id));
}

/** Idempotent per (measure, organisation): answers the rows really inserted. */
export async function insertRedemptions(db: Executor, rows: NewPolicyRedemption[]): Promise<{ id: string; organizationId: string }[]> {
  const out: { id: string; organizationId: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const part = await db
      .insert(policyRedemptions)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing({ target: [policyRedemptions.measureId, policyRedemptions.organizationId] })
      .returning({ id: policyRedemptions.id, organizationId: policyRedemptions.organizationId });
    out.push(...part);
  }
  return out;
}

export async function insertRedemptionRun(db: Executor, row: typeof policyRedemptionRuns.$inferInsert): Promise<string> {
  const [r] = await db.insert(policyRedemptionRuns).values(row).returning({ id: policyRedemptionRuns.id });
  return r!.id;
}

export interface RedemptionFilter {
  measureId?: string;
  organizationId?: string;
  stage?: string;
  limit: number;
  offset: number;
}

const redemptionFields = {
  r: policyRedemptions,
  organizationName: organizations.name,
  measurePath: policyMeasures.path,
  measureHeading: policyMeasures.heading,
  policyId: policies.id,
  policyTitle: policies.title,
};
export type RedemptionListRow = {
  r: PolicyRedemptionRow;
  organizationName: string;
  measurePath: string;
  measureHeading: string | null;
  policyId: string;
  policyTitle: string;
};

function redemptionWhere(f: RedemptionFilter): SQL | undefined {
  return and(
    f.measureId ? eq(policyRedemptions.measureId, f.measureId) : undefined,
    f.organizationId ? eq(policyRedemptions.organizationId, f.organizationId) : undefined,
    f.stage ? eq(policyRedemptions.stage, f.stage) : undefined,
  );
}

/** Newest match first, with the organisation's name and the measure's policy. */
export async function listRedemptions(db: Executor, f: RedemptionFilter): Promise<{ items: RedemptionListRow[]; total: number }> {
  const where = redemptionWhere(f);
  const [items, [total]] = await Promise.all([
    db
      .select(redemptionFields)
      .from(policyRedemptions)
      .innerJoin(organizations, eq(organizations.id, policyRedemptions.organizationId))
      .innerJoin(policyMeasures, eq(policyMeasures.id, policyRedemptions.measureId))
      .innerJoin(policies, eq(policies.id, policyMeasures.policyId))
      .where(where)
      .orderBy(desc(policyRedemptions.matchedAt), asc(organizations.name), asc(policyRedemptions.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(policyRedemptions).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findRedemption(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(policyRedemptions).where(eq(policyRedemptions.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r;
}

/** Only from the stage read; false when it moved meanwhile. */
export async function updateRedemption(db: Executor, id: string, fromStage: string, patch: Partial<NewPolicyRedemption>): Promise<boolean> {
  const rows = await db
    .update(policyRedemptions)
    .set(patch)
    .where(and(eq(policyRedemptions.id, id), eq(policyRedemptions.stage, fromStage)))
    .returning({ id: policyRedemptions.id });
  return rows.length === 1;
}

/** Confirms the profile, creating an empty one when the organisation never filled it in. */
export async function confirmPolicyProfile(db: Executor, organizationId: string, userId: string, at: Date) {
  const [r] = await db
    .insert(organizationPolicyProfiles)
    .values({ organizationId, confirmedBy: userId, confirmedAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: organizationPolicyProfiles.organizationId, set: { confirmedBy: userId, confirmedAt: at } })
    .returning();
  return r!;
}

/** What a 免申即享 run reads of one organisation: only the fields conditions look at. */
export interface RunProfileSource {
  organization: { id: string; kind: string; regionCode: string };
  profile: Pick<ProfileSource['profile'] & object, 'employees' | 'revenueBand' | 'rdSharePercent' | 'sectors' | 'foundedOn'> | null;
  qualifications: { code: string; validUntil: string | null }[];
  dishonest: boolean | null;
}

/** Every approved organisation but the platform's own, lean: a run reads 10,000 of them at once. */
export async function loadRunProfileSources(db: Executor): Promise<RunProfileSource[]> {
  const approved = and(eq(organizations.status, 'approved'), eq(organizations.isPlatformOperator, false));
  const [rows, quals] = await Promise.all([
    db
      .select({
        id: organizations.id,
        kind: organizations.kind,
        regionCode: organizations.regionCode,
        hasProfile: organizationPolicyProfiles.organizationId,
        employees: organizationPolicyProfiles.employees,
        revenueBand: organizationPolicyProfiles.revenueBand,
        rdSharePercent: organizationPolicyProfiles.rdSharePercent,
        sectors: organizationPolicyProfiles.sectors,
        foundedOn: organizationPolicyProfiles.foundedOn,
        flagged: organizationDishonestyFlags.flagged,
      })
      .from(organizations)
      .leftJoin(organizationPolicyProfiles, eq(organizationPolicyProfiles.organizationId, organizations.id))
      .leftJoin(organizationDishonestyFlags, eq(organizationDishonestyFlags.organizationId, organizations.id))
      .where(approved),
    db
      .select({
        organizationId: organizationQualifications.organizationId,
        code: organizationQualifications.code,
        validUntil: organizationQualifications.validUntil,
      })
      .from(organizationQualifications)
      .innerJoin(organizations, eq(organizations.id, organizationQualifications.organizationId))
      .where(approved),
  ]);
  const byOrg = new Map<string, RunProfileSource['qualifications']>();
  for (const { organizationId, ...q } of quals) {
    const list = byOrg.get(organizationId);
    if (list) list.push(q);
    else byOrg.set(organizationId, [q]);
  }
  return rows.map(({ id, kind, regionCode, hasProfile, flagged, ...p }) => ({
    organization: { id, kind, regionCode },
    profile: hasProfile ? p : null,
    qualifications: byOrg.get(id) ?? [],
    dishonest: flagged ?? null,
  }));
}
