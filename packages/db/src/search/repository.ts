import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { appSettings, interests, matchDecisions, organizations, searchSynonyms, searchTerms, submissions, users } from '../schema.js';

/** What the search index keeps of a submission (text is read again per page for snippets). */
export interface ListingRow {
  id: string;
  listType: string;
  status: string;
  organizationId: string;
  organizationName: string;
  title: string;
  description: string;
  extraText: string;
  sector: string | null;
  sectors: string[];
  techFields: string[];
  regionCode: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  maturityTrl: number | null;
  contactPublic: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  deadline: Date | null;
  batchId: string | null;
  batchTitle: string | null;
  publishedAt: Date | null;
  changeXid: string;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function toListing(r: Record<string, unknown>): ListingRow {
  const cases = Array.isArray(r.reference_cases) ? (r.reference_cases as Array<{ title?: string; summary?: string }>) : [];
  return {
    id: r.id as string,
    listType: r.list_type as string,
    status: r.status as string,
    organizationId: r.organization_id as string,
    organizationName: r.organization_name as string,
    title: r.title as string,
    description: (r.description as string | null) ?? '',
    extraText: [r.expected_outcome as string | null, ...cases.map((c) => `${c.title ?? ''} ${c.summary ?? ''}`)].filter(Boolean).join('\n'),
    sector: (r.sector as string | null) ?? null,
    sectors: Array.isArray(r.sectors) ? (r.sectors as string[]) : r.sector ? [r.sector as string] : [],
    techFields: (r.tech_fields as string[] | null) ?? [],
    regionCode: (r.region_code as string | null) ?? null,
    budgetMin: num(r.budget_min),
    budgetMax: num(r.budget_max),
    maturityTrl: num(r.maturity_trl),
    contactPublic: r.contact_public === true || r.contact_public === 'true',
    createdAt: date(r.created_at)!,
    submittedAt: date(r.submitted_at),
    deadline: date(r.closes_at),
    batchId: (r.batch_id as string | null) ?? null,
    batchTitle: (r.batch_title as string | null) ?? null,
    publishedAt: date(r.published_at),
    changeXid: String(r.change_xid),
  };
}

const LISTING_COLUMNS = sql`
  s.id, s.list_type, s.status, s.organization_id, o.name as organization_name, s.title,
    s.data->>'description' as description, s.data->>'expectedOutcome' as expected_outcome,
    s.data->'referenceCases' as reference_cases, s.data->'sectors' as sectors, (s.data->'contact'->>'public') as contact_public,
    s.sector, s.tech_fields, s.region_code, s.budget_min, s.budget_max, s.maturity_trl,
    s.created_at, s.submitted_at, c.closes_at, be.batch_id, b.title as batch_title, be.published_at, s.change_xid::text as change_xid`;

const LISTING_FROM = sql`
  from submissions s
  join organizations o on o.id = s.organization_id
  join calls c on c.id = s.call_id
  left join lateral (
    select e.batch_id, e.published_at from batch_entries e
    where e.submission_id = s.id and e.is_current order by e.published_at desc limit 1
  ) be on true
  left join batches b on b.id = be.batch_id`;

const LISTING_SELECT = sql`select ${LISTING_COLUMNS} ${LISTING_FROM}`;

function rowsOf(res: unknown): Record<string, unknown>[] {
  return (res as { rows: Record<string, unknown>[] }).rows;
}

/**
 * The oldest transaction still running. Every transaction below it has finished, so rows
 * stamped below it that we have read can never change without getting a newer stamp.
 */
export async function snapshotXmin(db: Executor): Promise<string> {
  const r = rowsOf(await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`));
  return String(r[0]!.xmin);
}

/**
 * Listings written at or after `sinceXid` (all when null), in (change_xid, id) order from
 * `after`, `limit` at a time. Rows at the watermark are read again on the next pass: harmless,
 * because applying a listing twice gives the same index.
 */
export async function listingsChangedSince(
  db: Executor,
  sinceXid: string | null,
  limit: number,
  after?: { xid: string; id: string },
): Promise<ListingRow[]> {
  const conds = [sql`true`];
  if (sinceXid !== null) conds.push(sql`s.change_xid >= ${sinceXid}::xid8`);
  if (after) conds.push(sql`(s.change_xid, s.id) > (${after.xid}::xid8, ${after.id}::uuid)`);
  const res = await db.execute(sql`${LISTING_SELECT} where ${sql.join(conds, sql` and `)} order by s.change_xid, s.id limit ${limit}`);
  return rowsOf(res).map(toListing);
}

export async function listingsByIds(db: Executor, ids: string[]): Promise<ListingRow[]> {
  if (ids.length === 0) return [];
  const res = await db.execute(
    sql`${LISTING_SELECT} where s.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return rowsOf(res).map(toListing);
}

/** A listing with the whole of its submitted data, for its detail page: one read. */
export interface ListingDetailRow extends ListingRow {
  data: Record<string, unknown>;
  mergedIntoId: string | null;
}

export async function listingDetailById(db: Executor, id: string): Promise<ListingDetailRow | undefined> {
  const res = await db.execute(
    sql`select ${LISTING_COLUMNS}, s.data as full_data, s.merged_into_id ${LISTING_FROM} where s.id = ${id}::uuid`,
  );
  const r = rowsOf(res)[0];
  if (!r) return undefined;
  return {
    ...toListing(r),
    data: (r.full_data as Record<string, unknown> | null) ?? {},
    mergedIntoId: (r.merged_into_id as string | null) ?? null,
  };
}

/** Title and full text of some listings, for snippets, matching and duplicate checks. */
export async function listingTexts(db: Executor, ids: string[]): Promise<Map<string, { title: string; text: string }>> {
  const out = new Map<string, { title: string; text: string }>();
  if (ids.length === 0) return out;
  const res = await db.execute(sql`
    select s.id, s.title, s.data->>'description' as description, s.data->>'expectedOutcome' as expected_outcome,
      s.data->'referenceCases' as reference_cases
    from submissions s where s.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  for (const r of rowsOf(res)) {
    const l = toListing({ ...r, created_at: new Date(0) });
    out.set(l.id, { title: l.title, text: `${l.description}\n${l.extraText}` });
  }
  return out;
}

/**
 * One round trip before a search: the current watermark, the vocabulary version, and whether
 * anything was written at or after `sinceXid` (only then are the rows read).
 */
export async function indexProbe(
  db: Executor,
  sinceXid: string | null,
): Promise<{ xmin: string; vocabularyVersion: number; changed: boolean }> {
  const changed = sinceXid === null ? sql`true` : sql`exists (select 1 from submissions where change_xid >= ${sinceXid}::xid8)`;
  const res = await db.execute(sql`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
      (select value from app_settings where key = ${VOCABULARY_VERSION_KEY}) as version,
      ${changed} as changed`);
  const r = rowsOf(res)[0]!;
  return {
    xmin: String(r.xmin),
    vocabularyVersion: r.version === null || r.version === undefined ? 0 : Number(r.version),
    changed: r.changed === true || r.changed === 't',
  };
}

// --- operator vocabulary ---------------------------------------------------------------------

export const VOCABULARY_VERSION_KEY = 'search.vocabulary_version';

export async function vocabularyVersion(db: Executor): Promise<number> {
  const [r] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, VOCABULARY_VERSION_KEY));
  return r ? Number(r.value) : 0;
}

/** Bumps the version every process compares with its own to know it must reload. */
export async function bumpVocabularyVersion(db: Executor): Promise<number> {
  const res = await db.execute(sql`
    insert into app_settings (key, value, updated_at) values (${VOCABULARY_VERSION_KEY}, '1'::jsonb, now())
    on conflict (key) do update set value = to_jsonb((app_settings.value)::text::int + 1), updated_at = now()
    returning value`);
  return Number(rowsOf(res)[0]!.value);
}

export type SearchTermRow = typeof searchTerms.$inferSelect;
export type SearchSynonymRow = typeof searchSynonyms.$inferSelect;

export async function listSearchTerms(db: Executor) {
  return db
    .select({ term: searchTerms, createdByName: users.displayName })
    .from(searchTerms)
    .leftJoin(users, eq(users.id, searchTerms.createdBy))
    .orderBy(desc(searchTerms.createdAt), asc(searchTerms.term));
}

export async function insertSearchTerm(db: Executor, row: typeof searchTerms.$inferInsert): Promise<SearchTermRow | undefined> {
  const [r] = await db.insert(searchTerms).values(row).onConflictDoNothing().returning();
  return r;
}

export async function deleteSearchTerm(db: Executor, id: string): Promise<SearchTermRow | undefined> {
  const [r] = await db.delete(searchTerms).where(eq(searchTerms.id, id)).returning();
  return r;
}

export async function listSearchSynonyms(db: Executor) {
  return db
    .select({ synonym: searchSynonyms, createdByName: users.displayName })
    .from(searchSynonyms)
    .leftJoin(users, eq(users.id, searchSynonyms.createdBy))
    .orderBy(desc(searchSynonyms.createdAt));
}

export async function insertSearchSynonym(db: Executor, row: typeof searchSynonyms.$inferInsert): Promise<SearchSynonymRow> {
  const [r] = await db.insert(searchSynonyms).values(row).returning();
  return r!;
}

export async function deleteSearchSynonym(db: Executor, id: string): Promise<SearchSynonymRow | undefined> {
  const [r] = await db.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).returning();
  return r;
}

// --- match decisions --------------------------------------------------------------------------

export type MatchDecisionRow = typeof matchDecisions.$inferSelect;

export async function matchDecisionsFor(db: Executor, sourceId: string) {
  return db
    .select({ decision: matchDecisions, decidedByName: users.displayName })
    .from(matchDecisions)
    .leftJoin(users, eq(users.id, matchDecisions.decidedBy))
    .where(eq(matchDecisions.sourceId, sourceId));
}

/** One decision per pair: a new one replaces the old (the audit log keeps both). */
export async function upsertMatchDecision(db: Executor, row: typeof matchDecisions.$inferInsert): Promise<MatchDecisionRow> {
  const [r] = await db
    .insert(matchDecisions)
    .values(row)
    .onConflictDoUpdate({
      target: [matchDecisions.sourceId, matchDecisions.targetId],
      set: { decision: row.decision, reason: row.reason, decidedBy: row.decidedBy, decidedAt: sql`now()` },
    })
    .returning();
  return r!;
}

export async function deleteMatchDecision(db: Executor, sourceId: string, targetId: string): Promise<MatchDecisionRow | undefined> {
  const [r] = await db
    .delete(matchDecisions)
    .where(and(eq(matchDecisions.sourceId, sourceId), eq(matchDecisions.targetId, targetId)))
    .returning();
  return r;
}

/** Enabled users of these organisations who act for them (org_admin or org_member). */
export async function usersOfOrganizations(db: Executor, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({ id: users.id, organizationId: users.organizationId, roles: users.roles })
    .from(users)
    .where(
      and(
        inArray(users.organizationId, organizationIds),
        eq(users.disabled, false),
        sql`${users.roles} && array['org_admin', 'org_member']`,
      ),
    );
}

export async function usersWithRole(db: Executor, role: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`${role} = any(${users.roles})`, eq(users.disabled, false)));
}

// --- interests (意向) --------------------------------------------------------------------------

export type InterestRow = typeof interests.$inferSelect;

/** Idempotent: the same organisation saying it twice about the same pair keeps the first. */
export async function insertInterest(db: Executor, row: typeof interests.$inferInsert): Promise<{ row: InterestRow; created: boolean }> {
  const [created] = await db.insert(interests).values(row).onConflictDoNothing().returning();
  if (created) return { row: created, created: true };
  const [existing] = await db
    .select()
    .from(interests)
    .where(
      and(
        eq(interests.needId, row.needId),
        eq(interests.capabilityId, row.capabilityId),
        eq(interests.fromOrganizationId, row.fromOrganizationId),
      ),
    );
  return { row: existing!, created: false };
}

export async function interestsOn(db: Executor, submissionId: string) {
  return db
    .select({ interest: interests, organizationName: organizations.name, userName: users.displayName })
    .from(interests)
    .innerJoin(organizations, eq(organizations.id, interests.fromOrganizationId))
    .leftJoin(users, eq(users.id, interests.createdBy))
    .where(sql`${interests.needId} = ${submissionId} or ${interests.capabilityId} = ${submissionId}`)
    .orderBy(desc(interests.createdAt));
}

// --- merging near-duplicates --------------------------------------------------------------------

export async function markMerged(db: Executor, ids: string[], intoId: string, reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(submissions)
    .set({ status: 'merged', mergedIntoId: intoId, statusReason: reason, updatedAt: sql`now()` })
    .where(inArray(submissions.id, ids));
}

/** Whether an interest ties listing `id` to an item of organisation `organizationId` (either side). */
export async function hasInterestLink(db: Executor, id: string, organizationId: string): Promise<boolean> {
  const res = await db.execute(sql`
    select 1 from interests i
    join submissions s on s.id in (i.need_id, i.capability_id)
    where (i.need_id = ${id}::uuid or i.capability_id = ${id}::uuid) and s.organization_id = ${organizationId}::uuid
    limit 1`);
  return rowsOf(res).length > 0;
}
