/** 政策动态's SQL (docs/policies.md): digest issues, their items, numbering and subscribers. */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizations, users } from '../organizations/schema.js';
import { subscriptions } from '../subscriptions/schema.js';
import { policies, policyDigestItems, policyDigests, policyMeasures, policyTerms } from './schema.js';

export type PolicyDigestRow = typeof policyDigests.$inferSelect;
export type NewPolicyDigest = typeof policyDigests.$inferInsert;
export type PolicyDigestItemRow = typeof policyDigestItems.$inferSelect;
export type NewPolicyDigestItem = Omit<typeof policyDigestItems.$inferInsert, 'digestId'>;

export async function insertPolicyDigest(db: Executor, row: NewPolicyDigest): Promise<PolicyDigestRow> {
  const [r] = await db.insert(policyDigests).values(row).returning();
  return r!;
}

export async function findPolicyDigest(db: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<PolicyDigestRow | undefined> {
  const q = db.select().from(policyDigests).where(eq(policyDigests.id, id));
  const [r] = opts.forUpdate ? await q.for('update') : await q;
  return r;
}

/** Optimistic: only from the version read; false when someone changed it meanwhile. */
export async function updatePolicyDigestRow(db: Executor, id: string, version: number, patch: Partial<NewPolicyDigest>): Promise<boolean> {
  const rows = await db
    .update(policyDigests)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(policyDigests.id, id), eq(policyDigests.version, version)))
    .returning({ id: policyDigests.id });
  return rows.length === 1;
}

/** The items, replaced as a whole in the order given. */
export async function replacePolicyDigestItems(db: Executor, digestId: string, items: readonly NewPolicyDigestItem[]): Promise<void> {
  await db.delete(policyDigestItems).where(eq(policyDigestItems.digestId, digestId));
  if (items.length) await db.insert(policyDigestItems).values(items.map((i) => ({ ...i, digestId })));
}

/** Items in order, each with its policy's metadata. */
export async function listPolicyDigestItems(db: Executor, digestId: string) {
  return db
    .select({ item: policyDigestItems, policy: policies })
    .from(policyDigestItems)
    .innerJoin(policies, eq(policies.id, policyDigestItems.policyId))
    .where(eq(policyDigestItems.digestId, digestId))
    .orderBy(asc(policyDigestItems.seq));
}

/** Drafts first (newest first), then published issues by their total number, newest first. */
export async function listPolicyDigestRows(db: Executor, f: { statuses: readonly string[]; page: number; pageSize: number }) {
  const where = inArray(policyDigests.status, [...f.statuses]);
  const itemCount = sql<number>`(select count(*)::int from policy_digest_items i where i.digest_id = ${policyDigests.id})`;
  const [items, [total]] = await Promise.all([
    db
      .select({ d: policyDigests, itemCount })
      .from(policyDigests)
      .where(where)
      .orderBy(sql`${policyDigests.totalNo} desc nulls first`, desc(policyDigests.createdAt), desc(policyDigests.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(policyDigests).where(where),
  ]);
  return { items, total: total!.n };
}

/**
 * How many issues are published in `year` and in all. Call inside the publishing transaction:
 * the advisory lock (held to its end) keeps two issues published at once from drawing one number.
 */
export async function publishedDigestCounts(db: Executor, year: number): Promise<{ thisYear: number; all: number }> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('policy_digests.number'))`);
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      thisYear: sql<number>`(count(*) filter (where ${policyDigests.year} = ${year}))::int`,
    })
    .from(policyDigests)
    .where(eq(policyDigests.status, 'published'));
  return { thisYear: Number(row?.thisYear ?? 0), all: Number(row?.all ?? 0) };
}

export async function findPoliciesForDigest(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(policies)
    .where(inArray(policies.id, [...ids]));
}

/** The measures of these policies in document order, each with its terms. */
export async function listDigestMeasuresWithTerms(db: Executor, policyIds: readonly string[]) {
  if (policyIds.length === 0) return [];
  const [measures, terms] = await Promise.all([
    db
      .select()
      .from(policyMeasures)
      .where(inArray(policyMeasures.policyId, [...policyIds]))
      .orderBy(asc(policyMeasures.policyId), asc(policyMeasures.seq)),
    db
      .select({ t: policyTerms })
      .from(policyTerms)
      .innerJoin(policyMeasures, eq(policyMeasures.id, policyTerms.measureId))
      .where(inArray(policyMeasures.policyId, [...policyIds]))
      .orderBy(asc(policyTerms.spanStart)),
  ]);
  const byMeasure = new Map<string, (typeof terms)[number]['t'][]>();
  for (const { t } of terms) byMeasure.set(t.measureId, [...(byMeasure.get(t.measureId) ?? []), t]);
  return measures.map((m) => ({ measure: m, terms: byMeasure.get(m.id) ?? [] }));
}

/** The organisation a user belongs to, by name (the publisher printed on an issue). */
export async function digestPublisherName(db: Executor, userId: string): Promise<string | undefined> {
  const [r] = await db
    .select({ name: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return r?.name;
}

/** Subscriptions of the given kind still active with email on, of users not disabled, with their address. */
export async function activeSubscriptionsOfKind(db: Executor, kind: string) {
  return db
    .select({ subscriptionId: subscriptions.id, userId: users.id, email: users.email })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(
      and(
        eq(subscriptions.kind, kind),
        isNull(subscriptions.unsubscribedAt),
        eq(subscriptions.emailEnabled, true),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
}

export async function listDigestMeasuresByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(policyMeasures)
    .where(inArray(policyMeasures.id, [...ids]));
}
