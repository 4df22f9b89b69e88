/** What the in-memory measure search (packages/app/src/policy-hub/measure-search.ts) reads. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { policies, policyMeasures } from './schema.js';

/**
 * A fingerprint of the published set: count, latest change and a digest of (id, version). Every
 * change to a policy or its measures bumps the policy's version, so the digest catches edits
 * that leave the count and updated_at alone.
 */
export async function publishedPoliciesStamp(db: Executor): Promise<string> {
  const [r] = await db
    .select({
      n: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${policies.updatedAt})::text`,
      digest: sql<string | null>`md5(string_agg(${policies.id}::text || ':' || ${policies.version}, ',' order by ${policies.id}))`,
    })
    .from(policies)
    .where(eq(policies.status, 'published'));
  return `${r?.n ?? 0}|${r?.latest ?? ''}|${r?.digest ?? ''}`;
}

/** The published policies' ids and versions (a changed version means changed measures). */
export async function publishedPolicyVersions(db: Executor) {
  return db.select({ id: policies.id, version: policies.version }).from(policies).where(eq(policies.status, 'published'));
}

/** Ids, versions, titles and source texts of the given published policies (measure texts are cut from them). */
export async function publishedPolicyTexts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: policies.id, version: policies.version, title: policies.title, sourceText: policies.sourceText })
    .from(policies)
    .where(and(eq(policies.status, 'published'), inArray(policies.id, [...ids])));
}

/** The measures of the given policies in document order. */
export async function measuresOfPolicies(db: Executor, policyIds: readonly string[]) {
  if (policyIds.length === 0) return [];
  return db
    .select({
      id: policyMeasures.id,
      policyId: policyMeasures.policyId,
      path: policyMeasures.path,
      marker: policyMeasures.marker,
      heading: policyMeasures.heading,
      spanStart: policyMeasures.spanStart,
      spanEnd: policyMeasures.spanEnd,
    })
    .from(policyMeasures)
    .where(inArray(policyMeasures.policyId, [...policyIds]))
    .orderBy(asc(policyMeasures.policyId), asc(policyMeasures.seq));
}
