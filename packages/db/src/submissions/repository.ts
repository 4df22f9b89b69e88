import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { and, asc, count, desc, eq, gt, ilike, inArray, is, isNotNull, isNull, lte, or, Placeholder, sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Executor } from '../client.js';
import { attachments, calls, organizations, submissions } from '../schema.js';

export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'content'>;

export async function insertSubmissions(db: Executor, rows: NewSubmission[]): Promise<SubmissionRow[]> {
  const out: SubmissionRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insert(submissions)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

/** Locks the given submissions and reads them with their owner's name and credit code, in one query. */
export async function lockSubmissionsWithOwners(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ submission: submissions, organizationName: organizations.name, organizationCreditCode: organizations.creditCode })
    .from(submissions)
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .where(inArray(submissions.id, ids))
    .for('update', { of: submissions });
}

/** Moves exactly these submissions from `from` to `to`; returns the ids that moved. */
export async function moveSubmissions(db: Executor, ids: string[], from: string, to: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(submissions)
    .set({ status: to, updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(and(inArray(submissions.id, ids), eq(submissions.status, from)))
    .returning({ id: submissions.id });
  return rows.map((r) => r.id);
}

/** Moves every submission of a call in `from` to `to`; returns the moved rows. */
export async function moveSubmissionsOfCall(db: Executor, callId: string, from: string, to: string): Promise<SubmissionRow[]> {
  return db
    .update(submissions)
    .set({ status: to, updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(and(eq(submissions.callId, callId), eq(submissions.status, from)))
    .returning();
}

/**
 * For imports: rows whose fingerprint already exists are skipped, so re-running creates
 * nothing. Rows travel as one JSON parameter per chunk (jsonb_to_recordset): building a
 * 15-column multi-row VALUES for thousands of rows cost more than the insert itself.
 */
export async function insertSubmissionsSkippingDuplicates(db: Executor, rows: NewSubmission[]): Promise<{ id: string }[]> {
  const out: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({
      call_id: r.callId,
      organization_id: r.organizationId,
      list_type: r.listType,
      status: r.status,
      title: r.title,
      data: r.data,
      sector: r.sector ?? null,
      tech_fields: r.techFields ?? [],
      region_code: r.regionCode ?? null,
      budget_min: r.budgetMin ?? null,
      budget_max: r.budgetMax ?? null,
      maturity_trl: r.maturityTrl ?? null,
      import_fingerprint: r.importFingerprint ?? null,
      created_by: r.createdBy ?? null,
      submitted_at: r.submittedAt instanceof Date ? r.submittedAt.toISOString() : null,
    }));
    const result = await db.execute(sql`
      insert into submissions (call_id, organization_id, list_type, status, title, data, sector, tech_fields, region_code,
        budget_min, budget_max, maturity_trl, import_fingerprint, created_by, submitted_at)
      select call_id, organization_id, list_type, status, title, data, sector, tech_fields, region_code,
        budget_min, budget_max, maturity_trl, import_fingerprint, created_by, submitted_at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(call_id uuid, organization_id uuid, list_type text,
        status text, title text, data jsonb, sector text, tech_fields text[], region_code text, budget_min numeric,
        budget_max numeric, maturity_trl int, import_fingerprint text, created_by uuid, submitted_at timestamptz)
      on conflict (import_fingerprint) do nothing
      returning id`);
    out.push(...(result as unknown as { rows: { id: string }[] }).rows);
  }
  return out;
}

export async function findSubmission(db: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ submission: submissions, organizationName: organizations.name, callTitle: calls.title })
    .from(submissions)
    .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .where(eq(submissions.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: submissions }) : await q;
  return row;
}

/** Optimistic: the update applies only to the state the use case decided on. */
export async function updateSubmission(
  db: Executor,
  id: string,
  expectedStatus: string,
  patch: Partial<NewSubmission>,
): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .update(submissions)
    .set({ ...patch, updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(and(eq(submissions.id, id), eq(submissions.status, expectedStatus)))
    .returning();
  return row;
}

export interface SubmissionQuery {
  organizationId?: string;
  /** Operators see only what was submitted at least once. */
  onlySubmitted?: boolean;
  callId?: string;
  statuses?: string[];
  listType?: string;
  text?: string;
  limit: number;
  offset: number;
}

/**
 * The newest transaction that wrote a submission (the `submissions_stamp_xid` trigger stamps
 * every insert and update; submissions are never deleted). While it stays the same, no
 * submission has changed, so a total counted earlier still holds.
 */
const submissionsVersion = sql<
  string | null
>`(select v.change_xid::text from submissions v where v.change_xid is not null order by v.change_xid desc limit 1)`;

interface CachedTotal {
  version: string | null;
  n: number;
}
/** The list's statements for one filter shape, prepared once per database handle. */
interface ListStatements {
  page: Prepared<PageRow>;
  pageBackwards: Prepared<PageRow>;
  count: Prepared<{ n: number; version: string | null; settled: boolean }>;
}
interface ListState {
  /** Filter → exact total and the version it was counted at. */
  totals: Map<string, CachedTotal>;
  statements: Map<string, ListStatements>;
}
const listStates = new WeakMap<object, ListState>();
const TOTAL_CACHE_MAX = 1000;

function listStateFor(db: Executor): ListState {
  let state = listStates.get(db);
  if (!state) listStates.set(db, (state = { totals: new Map(), statements: new Map() }));
  return state;
}

/** A list item as `json_build_array` sends it: one text value per page instead of 20 rows × 14 columns. */
const listItem = sql`json_build_array(${submissions.id}, ${submissions.callId}, ${calls.title}, ${submissions.listType}, ${submissions.status},
  ${submissions.statusReason}, ${submissions.title}, ${submissions.organizationId}, ${organizations.name}, ${submissions.sector},
  ${submissions.regionCode}, ${submissions.createdAt}, ${submissions.updatedAt}, ${submissions.submittedAt}, ${submissions.receiptSeq})`;
type ListItemJson = [
  string,
  string,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string | null,
  number,
];
export interface SubmissionListItem {
  id: string;
  callId: string;
  callTitle: string;
  listType: string;
  status: string;
  statusReason: string | null;
  title: string;
  organizationId: string;
  organizationName: string;
  sector: string | null;
  regionCode: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  receiptSeq: number;
}
function fromListItemJson(a: ListItemJson): SubmissionListItem {
  return {
    id: a[0],
    callId: a[1],
    callTitle: a[2],
    listType: a[3],
    status: a[4],
    statusReason: a[5],
    title: a[6],
    organizationId: a[7],
    organizationName: a[8],
    sector: a[9],
    regionCode: a[10],
    createdAt: new Date(a[11]),
    updatedAt: new Date(a[12]),
    submittedAt: a[13] === null ? null : new Date(a[13]),
    receiptSeq: a[14],
  };
}
/** One page: its items as a JSON array (text) and the submissions version in the same snapshot. */
interface PageRow {
  items: string;
  version: string | null;
}

/** Which filters a query uses: one set of prepared statements per shape, values bound at run time. */
function listShape(q: SubmissionQuery) {
  return {
    organization: !!q.organizationId,
    onlySubmitted: !!q.onlySubmitted,
    call: !!q.callId,
    statuses: q.statuses?.length ?? 0,
    listType: !!q.listType,
    text: !!q.text,
  };
}

type Prepared<T> = { execute(values: Record<string, unknown>): Promise<T[]> };
type Buildable = { toSQL(): { sql: string; params: unknown[] }; prepare(name: string): unknown };

/** A literal for EXECUTE: numbers and booleans as such, strings quoted by pg's own escaping. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return pg.escapeLiteral(v);
  throw new Error(`unsupported parameter for a prepared list statement: ${typeof v}`);
}

/**
 * PGlite's API has no named statements (every query is parsed and planned again), so on PGlite
 * the statement is PREPAREd once per database in SQL and run with EXECUTE, its values inlined as
 * escaped literals. Planning was a third of the database's time for a list page.
 */
function preparedOnPglite<T>(client: PGlite, qb: Buildable, fields: string[], generic: boolean): Prepared<T> {
  const { sql: text, params } = qb.toSQL();
  const name = `sb_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  let ready: Promise<unknown> | undefined;
  const prepare = () =>
    (ready ??= client.exec(`prepare ${name} as ${text}`).catch((e: { code?: string }) => {
      if (e.code === '42P05') return; // already prepared on this database (same text, same name)
      ready = undefined;
      throw e;
    }));
  return {
    async execute(values) {
      const args = params.map((p) => literal(is(p, Placeholder) ? values[p.name] : p)).join(', ');
      const statement = args ? `execute ${name}(${args})` : `execute ${name}`;
      // One simple-protocol message; should EXECUTE fail, the implicit transaction undoes the SET.
      const run = async () =>
        generic
          ? (await client.exec(`set plan_cache_mode = force_generic_plan; ${statement}; reset plan_cache_mode`, { rowMode: 'array' }))[1]!
          : await client.query<unknown[]>(statement, [], { rowMode: 'array' });
      await prepare();
      let res;
      try {
        res = await run();
      } catch (e) {
        if ((e as { code?: string }).code !== '26000') throw e; // prepared statement vanished (DISCARD ALL): once more
        ready = undefined;
        await prepare();
        res = await run();
      }
      return (res.rows as unknown[][]).map((r) => Object.fromEntries(fields.map((f, i) => [f, r[i]])) as T);
    },
  };
}

/**
 * Named statements on the pg driver (parsed once per connection, planned as the server's
 * plan_cache_mode decides); on PGlite see above, where `generic` makes the statement run on its
 * generic plan, skipping planning, for shapes whose generic plan is the index walk anyway.
 */
function prepared<T>(db: Executor, qb: Buildable, name: string, fields: string[], generic = false): Prepared<T> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) return preparedOnPglite<T>(client, qb, fields, generic);
  return qb.prepare(name) as Prepared<T>;
}

function prepareList(db: Executor, shape: ReturnType<typeof listShape>): ListStatements {
  const p = (name: string) => sql.placeholder(name);
  const conds: SQL[] = [];
  if (shape.organization) conds.push(eq(submissions.organizationId, p('organizationId')));
  if (shape.onlySubmitted) conds.push(isNotNull(submissions.submittedAt));
  if (shape.call) conds.push(eq(submissions.callId, p('callId')));
  if (shape.statuses)
    conds.push(
      inArray(
        submissions.status,
        Array.from({ length: shape.statuses }, (_, i) => p(`status${i}`)),
      ),
    );
  if (shape.listType) conds.push(eq(submissions.listType, p('listType')));
  if (shape.text) conds.push(or(ilike(submissions.title, p('like')), ilike(organizations.name, p('like')))!);
  const where = conds.length ? and(...conds) : undefined;
  const name = (kind: string) =>
    `submissions_list_${kind}_${createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16)}`;
  // Ids first: the filter and OFFSET walk an index (the partial `submissions_submitted_list_idx`
  // for the operator's list), and only the page's own rows are read in full and joined.
  const page = (backwards: boolean) => {
    const order = backwards ? [asc(submissions.createdAt), asc(submissions.id)] : [desc(submissions.createdAt), desc(submissions.id)];
    const base = db.select({ id: submissions.id, createdAt: submissions.createdAt }).from(submissions);
    const ids = (shape.text ? base.innerJoin(organizations, eq(organizations.id, submissions.organizationId)) : base)
      .where(where)
      .orderBy(...order)
      .limit(p('limit'))
      .offset(p('offset'))
      .as('p');
    // Aggregated into one value: PGlite and pg both pay per result row and column far more than
    // for one longer text value. The aggregate also returns the version for an empty page.
    const qb = db
      .select({
        items: sql<string>`coalesce(json_agg(${listItem} order by ${ids.createdAt} desc, ${ids.id} desc), '[]')::text`,
        version: submissionsVersion,
      })
      .from(ids)
      .innerJoin(submissions, eq(submissions.id, ids.id))
      .innerJoin(organizations, eq(organizations.id, submissions.organizationId))
      .innerJoin(calls, eq(calls.id, submissions.callId));
    // An organisation's own list, or the operator's list by status or type: the generic plan walks
    // the filter's index and was faster than planning each page (PGlite measured). The operator's
    // unfiltered list keeps custom plans: its generic plan sorts the whole table.
    const generic = !shape.text && !shape.call && (shape.organization || shape.statuses > 0 || shape.listType);
    return prepared<PageRow>(db, qb, name(backwards ? 'back' : 'page'), ['items', 'version'], generic);
  };
  // A separate count reads only an index; a window count would read every matching row in full.
  const countFields = {
    n: count(),
    version: submissionsVersion,
    settled: sql<boolean>`pg_snapshot_xmin(pg_current_snapshot()) > coalesce(${submissionsVersion}::xid8, '0'::xid8)`,
  };
  const countBase = db.select(countFields).from(submissions);
  const counted = (shape.text ? countBase.innerJoin(organizations, eq(organizations.id, submissions.organizationId)) : countBase).where(
    where,
  );
  return {
    page: page(false),
    pageBackwards: page(true),
    count: prepared<{ n: number; version: string | null; settled: boolean }>(db, counted, name('count'), Object.keys(countFields)),
  };
}

/**
 * One page of the list, newest first, and the exact number of matching rows.
 *
 * - Statements are prepared per filter shape and database (see `prepared`).
 * - Counting every matching row on every page was most of the cost of a list request. The total
 *   is remembered per filter together with `submissionsVersion` as read in the same statement
 *   as the count, and reused when the page query (which reads the version in its own snapshot)
 *   finds the version unchanged: then no submission was written in between, and the total is
 *   exact for the page's snapshot. A count is remembered only if every transaction up to that
 *   version had finished when it was taken (`pg_snapshot_xmin` above the version); otherwise a
 *   transaction with a smaller id could still commit later without moving the version. So the
 *   cache never serves a stale total, across processes too.
 * - With the total known, a page in the back half of the list is read from the oldest end
 *   (a shorter OFFSET walk), then put back in newest-first order.
 */
export async function listSubmissions(db: Executor, q: SubmissionQuery) {
  const shape = listShape(q);
  const state = listStateFor(db);
  const shapeKey = JSON.stringify(shape);
  let statements = state.statements.get(shapeKey);
  if (!statements) state.statements.set(shapeKey, (statements = prepareList(db, shape)));
  const values: Record<string, unknown> = {
    organizationId: q.organizationId,
    callId: q.callId,
    listType: q.listType,
    like: q.text ? `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
  };
  q.statuses?.forEach((s, i) => {
    values[`status${i}`] = s;
  });

  const key = JSON.stringify([
    q.organizationId ?? null,
    !!q.onlySubmitted,
    q.callId ?? null,
    q.statuses ?? null,
    q.listType ?? null,
    q.text ?? null,
  ]);
  const readPage = (total: number | undefined) => {
    if (total !== undefined && q.offset > total / 2 && q.offset < total) {
      const limit = Math.min(q.limit, total - q.offset);
      return statements.pageBackwards.execute({ ...values, limit, offset: total - q.offset - limit });
    }
    return statements.page.execute({ ...values, limit: q.limit, offset: q.offset });
  };
  const count = async () => {
    const [c] = await statements.count.execute(values);
    const n = Number(c?.n ?? 0);
    if (c?.settled) {
      state.totals.delete(key);
      if (state.totals.size >= TOTAL_CACHE_MAX) state.totals.delete(state.totals.keys().next().value!);
      state.totals.set(key, { version: c.version, n });
    }
    return n;
  };

  const known = state.totals.get(key);
  let page: PageRow | undefined;
  let total: number;
  if (!known) {
    // Nothing remembered for this filter: count alongside the page.
    [[page], total] = await Promise.all([readPage(undefined), count()]);
  } else {
    [page] = await readPage(known.n);
    if (page && page.version === known.version) {
      total = known.n;
    } else {
      // Submissions changed since the count: count again, and if the page was placed from the
      // oldest end with the old total, read it again from the newest end.
      total = await count();
      if (q.offset > known.n / 2 && q.offset < known.n) [page] = await readPage(undefined);
    }
  }
  return { items: (JSON.parse(page?.items ?? '[]') as ListItemJson[]).map(fromListItemJson), total };
}

export async function findExistingFingerprints(db: Executor, fingerprints: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < fingerprints.length; i += 1000) {
    const chunk = fingerprints.slice(i, i + 1000);
    const rows = await db
      .select({ f: submissions.importFingerprint })
      .from(submissions)
      .where(inArray(submissions.importFingerprint, chunk));
    for (const r of rows) if (r.f) found.add(r.f);
  }
  return found;
}

export async function insertAttachment(db: Executor, a: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
  const [row] = await db.insert(attachments).values(a).returning({
    id: attachments.id,
    submissionId: attachments.submissionId,
    filename: attachments.filename,
    mediaType: attachments.mediaType,
    size: attachments.size,
    sha256: attachments.sha256,
    createdBy: attachments.createdBy,
    createdAt: attachments.createdAt,
  });
  return row!;
}

const attachmentMeta = {
  id: attachments.id,
  submissionId: attachments.submissionId,
  filename: attachments.filename,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  createdBy: attachments.createdBy,
  createdAt: attachments.createdAt,
};

export async function listAttachments(db: Executor, submissionId: string): Promise<AttachmentMeta[]> {
  return db.select(attachmentMeta).from(attachments).where(eq(attachments.submissionId, submissionId)).orderBy(attachments.createdAt);
}

export async function findAttachmentMeta(db: Executor, id: string): Promise<AttachmentMeta | undefined> {
  const [row] = await db.select(attachmentMeta).from(attachments).where(eq(attachments.id, id));
  return row;
}

export async function readAttachmentContent(db: Executor, id: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id));
  return row?.content;
}

export async function deleteAttachment(db: Executor, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}

export async function countAttachments(db: Executor, submissionId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(attachments).where(eq(attachments.submissionId, submissionId));
  return c?.n ?? 0;
}

/**
 * Sets when newly published listings stop being current. Only where none is set yet: a listing
 * keeps the validity of its first publication (a corrected entry does not renew it).
 */
export async function setSubmissionsValidUntil(db: Executor, ids: string[], validUntil: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(submissions)
    .set({ validUntil })
    .where(and(inArray(submissions.id, ids), isNull(submissions.validUntil)));
}

/** Current listings (in `states`) whose validity ended at or before `now`, locked, oldest end first. */
export async function lockSubmissionsPastValidity(db: Executor, now: Date, states: readonly string[], limit = 1000) {
  return db
    .select({
      id: submissions.id,
      status: submissions.status,
      organizationId: submissions.organizationId,
      validUntil: submissions.validUntil,
    })
    .from(submissions)
    .where(and(inArray(submissions.status, [...states]), lte(submissions.validUntil, now)))
    .orderBy(asc(submissions.validUntil), asc(submissions.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Claims the expiry reminders due now: current listings (in `states`) whose validity ends after
 * `now` but no later than `horizon`, not yet reminded. Marks them reminded and returns them, so
 * each is reminded once however often the clock runs.
 */
export async function claimExpiryReminders(db: Executor, now: Date, horizon: Date, states: readonly string[]) {
  return db
    .update(submissions)
    .set({ expiryRemindedAt: now })
    .where(
      and(
        inArray(submissions.status, [...states]),
        isNull(submissions.expiryRemindedAt),
        gt(submissions.validUntil, now),
        lte(submissions.validUntil, horizon),
      ),
    )
    .returning({
      id: submissions.id,
      title: submissions.title,
      organizationId: submissions.organizationId,
      validUntil: submissions.validUntil,
    });
}
