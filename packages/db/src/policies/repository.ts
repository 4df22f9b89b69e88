/** The policy hub's SQL (docs/policies.md): policies, their measures, terms and calculators, organisation profiles. */
import { and, asc, count, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizationPolicyProfiles, policies, policyCalculators, policyMeasures, policyTerms } from './schema.js';

export type PolicyRow = typeof policies.$inferSelect;
export type NewPolicy = typeof policies.$inferInsert;
export type PolicyMeasureRow = typeof policyMeasures.$inferSelect;
export type NewPolicyMeasure = typeof policyMeasures.$inferInsert;
export type PolicyTermRow = typeof policyTerms.$inferSelect;
export type NewPolicyTerm = typeof policyTerms.$inferInsert;
export type PolicyCalculatorRow = typeof policyCalculators.$inferSelect;
export type PolicyProfileRow = typeof organizationPolicyProfiles.$inferSelect;

export async function insertPolicy(db: Executor, row: NewPolicy): Promise<PolicyRow> {
  const [r] = await db.insert(policies).values(row).returning();
  return r!;
}

export async function findPolicyBySourceHash(db: Executor, sha256: string): Promise<PolicyRow | undefined> {
  const [r] = await db.select().from(policies).where(eq(policies.sourceSha256, sha256));
  return r;
}

export async function findPolicy(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<PolicyRow | undefined> {
  const q = db.select().from(policies).where(eq(policies.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r;
}

/** Optimistic: only from the version read; false when someone changed it meanwhile. */
export async function updatePolicy(db: Executor, id: string, version: number, patch: Partial<NewPolicy>): Promise<boolean> {
  const rows = await db
    .update(policies)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(policies.id, id), eq(policies.version, version)))
    .returning({ id: policies.id });
  return rows.length === 1;
}

/** Inserts the measures in document order; answers their ids by path. */
export async function insertPolicyMeasures(db: Executor, rows: NewPolicyMeasure[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const out = await db.insert(policyMeasures).values(rows).returning({ id: policyMeasures.id, path: policyMeasures.path });
  return new Map(out.map((r) => [r.path, r.id]));
}

export async function insertPolicyTerms(db: Executor, rows: NewPolicyTerm[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(policyTerms).values(rows.slice(i, i + 1000));
}

export async function listPolicyMeasures(db: Executor, policyId: string): Promise<PolicyMeasureRow[]> {
  return db.select().from(policyMeasures).where(eq(policyMeasures.policyId, policyId)).orderBy(asc(policyMeasures.seq));
}

export async function findPolicyMeasure(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PolicyMeasureRow | undefined> {
  const q = db.select().from(policyMeasures).where(eq(policyMeasures.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r;
}

export async function updatePolicyMeasure(db: Executor, id: string, patch: Partial<NewPolicyMeasure>): Promise<void> {
  await db.update(policyMeasures).set(patch).where(eq(policyMeasures.id, id));
}

export async function listPolicyTerms(db: Executor, policyId: string): Promise<PolicyTermRow[]> {
  return db
    .select({ t: policyTerms })
    .from(policyTerms)
    .innerJoin(policyMeasures, eq(policyMeasures.id, policyTerms.measureId))
    .where(eq(policyMeasures.policyId, policyId))
    .orderBy(asc(policyTerms.spanStart))
    .then((rows) => rows.map((r) => r.t));
}

/** A measure's terms replaced by the operator's corrected list. */
export async function replaceMeasureTerms(db: Executor, measureId: string, rows: NewPolicyTerm[]): Promise<void> {
  await db.delete(policyTerms).where(eq(policyTerms.measureId, measureId));
  if (rows.length) await db.insert(policyTerms).values(rows);
}

export async function listPolicyCalculators(db: Executor, policyId: string): Promise<PolicyCalculatorRow[]> {
  return db
    .select({ c: policyCalculators })
    .from(policyCalculators)
    .innerJoin(policyMeasures, eq(policyMeasures.id, policyCalculators.measureId))
    .where(eq(policyMeasures.policyId, policyId))
    .then((rows) => rows.map((r) => r.c));
}

export async function findPolicyCalculator(db: Executor, measureId: string): Promise<PolicyCalculatorRow | undefined> {
  const [r] = await db.select().from(policyCalculators).where(eq(policyCalculators.measureId, measureId));
  return r;
}

export async function upsertPolicyCalculator(db: Executor, row: typeof policyCalculators.$inferInsert): Promise<void> {
  const { measureId: _m, ...set } = row;
  await db.insert(policyCalculators).values(row).onConflictDoUpdate({ target: policyCalculators.measureId, set });
}

export interface PolicyListFilter {
  statuses: readonly string[];
  q?: string;
  issuer?: string;
  regionCode?: string;
  /** Policies valid on this day (no end, or ending on or after it). */
  validOn?: string;
  /** Published policies whose validity ends on or before this day (and on or after validOn). */
  endingBy?: string;
  /** Policies with a measure of this 支持方式 (POLICY_SUPPORT_TYPES code). */
  supportType?: string;
  /** Policies with a measure whose beneficiaries (受益对象) mention these words. */
  beneficiary?: string;
  page: number;
  pageSize: number;
}

function listWhere(f: PolicyListFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [inArray(policies.status, [...f.statuses])];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(policies.title, like), ilike(policies.documentNumber, like), ilike(policies.issuer, like)));
  }
  if (f.issuer) conds.push(ilike(policies.issuer, `%${f.issuer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.regionCode) conds.push(sql`${policies.regionCode} like ${f.regionCode.replace(/0+$/, '') + '%'}`);
  if (f.validOn) conds.push(sql`(${policies.validUntil} is null or ${policies.validUntil} >= ${f.validOn})`);
  if (f.endingBy) conds.push(lte(policies.validUntil, f.endingBy));
  if (f.supportType)
    conds.push(sql`exists (select 1 from policy_measures m where m.policy_id = "policies"."id" and m.support_type = ${f.supportType})`);
  if (f.beneficiary) {
    const like = `%${f.beneficiary.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`exists (select 1 from policy_measures m where m.policy_id = "policies"."id" and m.beneficiaries::text ilike ${like})`);
  }
  return and(...conds);
}

export async function listPolicies(db: Executor, f: PolicyListFilter) {
  const where = listWhere(f);
  // Qualified by hand: drizzle writes a bare "id" here, which the subquery would read as m.id.
  const measureCount = sql<number>`(select count(*)::int from policy_measures m where m.policy_id = "policies"."id")`;
  const [items, [total]] = await Promise.all([
    db
      .select({ p: policies, measureCount })
      .from(policies)
      .where(where)
      .orderBy(
        f.endingBy ? asc(policies.validUntil) : desc(sql`coalesce(${policies.issuedOn}, ${policies.createdAt}::date)`),
        desc(policies.id),
      )
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(policies).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findPolicyProfile(db: Executor, organizationId: string): Promise<PolicyProfileRow | undefined> {
  const [r] = await db.select().from(organizationPolicyProfiles).where(eq(organizationPolicyProfiles.organizationId, organizationId));
  return r;
}

export async function upsertPolicyProfile(db: Executor, row: typeof organizationPolicyProfiles.$inferInsert): Promise<PolicyProfileRow> {
  const { organizationId: _o, ...set } = row;
  const [r] = await db
    .insert(organizationPolicyProfiles)
    .values(row)
    .onConflictDoUpdate({ target: organizationPolicyProfiles.organizationId, set })
    .returning();
  return r!;
}

/** Every measure of the published policies valid on `day`, with its policy's title and its calculator's state. */
export async function livePolicyMeasures(db: Executor, day: string) {
  return db
    .select({
      m: policyMeasures,
      policyTitle: policies.title,
      policyValidUntil: policies.validUntil,
      calculatorStatus: policyCalculators.status,
    })
    .from(policyMeasures)
    .innerJoin(policies, eq(policies.id, policyMeasures.policyId))
    .leftJoin(policyCalculators, eq(policyCalculators.measureId, policyMeasures.id))
    .where(and(eq(policies.status, 'published'), sql`(${policies.validUntil} is null or ${policies.validUntil} >= ${day})`))
    .orderBy(desc(policies.issuedOn), asc(policyMeasures.seq));
}
