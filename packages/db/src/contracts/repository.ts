/**
 * 技术合同登记 (docs/contracts.md): one row per version in `tech_contracts`, the signed PDFs in
 * `tech_contract_attachments`. The deals table is only read here (for the need a deal is about).
 *
 * "Current registered contract" — what every statistic counts: status registered, not superseded
 * by a later version, not a cancellation. `currentRegisteredContractsWhere` is that condition and
 * `currentRegisteredContracts` a query builder over it, for the dashboard to sum over.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { deals, organizations, techContractAttachments, techContracts, users } from '../schema.js';

export type TechContractRow = typeof techContracts.$inferSelect;
export type NewTechContract = typeof techContracts.$inferInsert;
export type TechContractWithNames = TechContractRow & { sellerOrganizationName: string; decidedByName: string | null };

/** The condition of a current registered contract (registered, not superseded, not a cancellation). */
export function currentRegisteredContractsWhere(): SQL {
  return and(eq(techContracts.status, 'registered'), isNull(techContracts.supersededAt), ne(techContracts.kind, 'cancellation'))!;
}

/** A query builder over the current registered contracts; add `.where(and(currentRegisteredContractsWhere(), …))` or aggregate. */
export function currentRegisteredContracts(db: Executor) {
  return db.select().from(techContracts).where(currentRegisteredContractsWhere()).$dynamic();
}

/** Whether a row is a current registered contract (the same rule in JS). */
export const isCurrentContract = (c: Pick<TechContractRow, 'status' | 'supersededAt' | 'kind'>) =>
  c.status === 'registered' && c.supersededAt === null && c.kind !== 'cancellation';

export async function insertTechContract(db: Executor, row: NewTechContract): Promise<TechContractRow> {
  const [r] = await db.insert(techContracts).values(row).returning();
  return r!;
}

const COLUMNS: [keyof NewTechContract, string, string][] = [
  ['id', 'id', 'uuid'],
  ['lineageId', 'lineage_id', 'uuid'],
  ['versionNo', 'version_no', 'int'],
  ['kind', 'kind', 'text'],
  ['sellerOrganizationId', 'seller_organization_id', 'uuid'],
  ['projectName', 'project_name', 'text'],
  ['contractType', 'contract_type', 'text'],
  ['buyerName', 'buyer_name', 'text'],
  ['buyerCreditCode', 'buyer_credit_code', 'text'],
  ['buyerRegionCode', 'buyer_region_code', 'text'],
  ['buyerNatureCode', 'buyer_nature_code', 'text'],
  ['sellerName', 'seller_name', 'text'],
  ['sellerCreditCode', 'seller_credit_code', 'text'],
  ['sellerRegionCode', 'seller_region_code', 'text'],
  ['sellerNatureCode', 'seller_nature_code', 'text'],
  ['signedOn', 'signed_on', 'date'],
  ['validFrom', 'valid_from', 'date'],
  ['validUntil', 'valid_until', 'date'],
  ['contractAmountFen', 'contract_amount_fen', 'bigint'],
  ['technologyAmountFen', 'technology_amount_fen', 'bigint'],
  ['paymentMethod', 'payment_method', 'text'],
  ['patents', 'patents', 'jsonb'],
  ['expectedInvestmentFen', 'expected_investment_fen', 'bigint'],
  ['expectedOutputFen', 'expected_output_fen', 'bigint'],
  ['technologyField', 'technology_field', 'text'],
  ['dealId', 'deal_id', 'uuid'],
  ['needId', 'need_id', 'uuid'],
  ['status', 'status', 'text'],
  ['submittedAt', 'submitted_at', 'timestamptz'],
  ['acceptedAt', 'accepted_at', 'timestamptz'],
  ['registeredAt', 'registered_at', 'timestamptz'],
  ['registrationNo', 'registration_no', 'text'],
  ['origin', 'origin', 'text'],
  ['importKey', 'import_key', 'text'],
  ['createdBy', 'created_by', 'uuid'],
];
const COLUMN_LIST = sql.raw(COLUMNS.map(([, c]) => c).join(', '));
const RECORD_TYPE = sql.raw(COLUMNS.map(([, c, t]) => `${c} ${t}`).join(', '));

/**
 * Many rows in few statements (the historical import): chunks of `chunk` rows, each one INSERT …
 * SELECT FROM jsonb_to_recordset(one parameter) ON CONFLICT (import_key) DO NOTHING — no
 * round trip and no bind parameter per row or cell. Returns how many were really inserted.
 * Rows need `id` and `lineageId` set; the database checks (amount rule, validity) apply as usual.
 */
export async function insertTechContractsBatch(db: Executor, rows: NewTechContract[], chunk = 2000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk).map((r) => {
      const o: Record<string, unknown> = {};
      for (const [k, c] of COLUMNS) {
        const v = r[k];
        o[c] =
          v instanceof Date ? v.toISOString() : (v ?? (k === 'patents' ? [] : k === 'versionNo' ? 1 : k === 'kind' ? 'original' : null));
      }
      return o;
    });
    const result = await db.execute(sql`
      insert into tech_contracts (${COLUMN_LIST})
      select ${COLUMN_LIST} from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as x(${RECORD_TYPE})
      on conflict (import_key) where import_key is not null do nothing
      returning id`);
    inserted += (result as unknown as { rows: unknown[] }).rows.length;
  }
  return inserted;
}

/** Which of `values` a text column already holds: one parameter, however many values. */
async function existing(db: Executor, column: 'import_key' | 'registration_no', values: string[]): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const result = await db.execute(sql`
    select t.${sql.raw(column)} as v from tech_contracts t
    where t.${sql.raw(column)} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`);
  return new Set((result as unknown as { rows: { v: string }[] }).rows.map((r) => r.v));
}

/** Import keys (among `keys`) already stored. */
export async function existingContractImportKeys(db: Executor, keys: string[]): Promise<Set<string>> {
  return existing(db, 'import_key', keys);
}

/** Registration numbers (among `nos`) already stored. */
export async function existingRegistrationNos(db: Executor, nos: string[]): Promise<Set<string>> {
  return existing(db, 'registration_no', nos);
}

const withNames = {
  c: techContracts,
  sellerOrganizationName: organizations.name,
  decidedByName: users.displayName,
};

function joined(db: Executor) {
  return db
    .select(withNames)
    .from(techContracts)
    .innerJoin(organizations, eq(organizations.id, techContracts.sellerOrganizationId))
    .leftJoin(users, eq(users.id, techContracts.decidedBy));
}

const flatten = (r: { c: TechContractRow; sellerOrganizationName: string; decidedByName: string | null }): TechContractWithNames => ({
  ...r.c,
  sellerOrganizationName: r.sellerOrganizationName,
  decidedByName: r.decidedByName,
});

export async function findTechContract(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<TechContractWithNames | undefined> {
  const q = joined(db).where(eq(techContracts.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: techContracts }) : await q;
  return row ? flatten(row) : undefined;
}

/** Edits a draft's content; with `expectedVersion`, only if nobody saved in between. */
export async function updateTechContract(
  db: Executor,
  id: string,
  patch: Partial<NewTechContract>,
  expectedVersion?: number,
): Promise<TechContractRow | undefined> {
  const [row] = await db
    .update(techContracts)
    .set({ ...patch, updatedAt: new Date(), version: sql`${techContracts.version} + 1` })
    .where(and(eq(techContracts.id, id), expectedVersion === undefined ? undefined : eq(techContracts.version, expectedVersion)))
    .returning();
  return row;
}

/** Conditional on the current state, so two concurrent movers cannot both succeed. */
export async function updateTechContractStatus(
  db: Executor,
  id: string,
  from: string,
  to: string,
  patch: Partial<NewTechContract> = {},
): Promise<TechContractRow | undefined> {
  const [row] = await db
    .update(techContracts)
    .set({ ...patch, status: to, updatedAt: new Date(), version: sql`${techContracts.version} + 1` })
    .where(and(eq(techContracts.id, id), eq(techContracts.status, from)))
    .returning();
  return row;
}

/** Every version of a lineage, oldest first. */
export async function listContractLineage(db: Executor, lineageId: string): Promise<TechContractRow[]> {
  return db.select().from(techContracts).where(eq(techContracts.lineageId, lineageId)).orderBy(asc(techContracts.versionNo));
}

/** Marks the version a newly registered one replaces; only if not superseded yet. */
export async function supersedeTechContract(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(techContracts)
    .set({ supersededAt: at, updatedAt: new Date(), version: sql`${techContracts.version} + 1` })
    .where(and(eq(techContracts.id, id), isNull(techContracts.supersededAt)))
    .returning({ id: techContracts.id });
  return r.length > 0;
}

/**
 * The next 登记编号 of a year and region: year(4) + region(6) + serial(6), counted over the
 * numbers already drawn with that prefix. Call inside the transaction that stores it: the
 * advisory lock (held to its end) keeps two registrations from drawing the same number.
 */
export async function nextContractRegistrationSerial(db: Executor, prefix: string): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'tech_contracts.registration_no:' + prefix}))`);
  const [row] = await db
    .select({ n: sql<string | number>`coalesce(max(substring(${techContracts.registrationNo} from ${prefix.length + 1}::int)::int), 0)` })
    .from(techContracts)
    .where(sql`${techContracts.registrationNo} like ${prefix + '%'} and length(${techContracts.registrationNo}) = ${prefix.length + 6}`);
  return Number(row?.n ?? 0) + 1;
}

/** The need a deal is about (deals are DEALS-API's: only read here). */
export async function findDealNeedId(db: Executor, dealId: string): Promise<string | undefined> {
  const [row] = await db.select({ needId: deals.needId }).from(deals).where(eq(deals.id, dealId));
  return row?.needId;
}

// ------------------------------------------------------------------ lists

export interface ContractListQuery {
  /** Only this seller organisation's (the seller's own registrations). */
  sellerOrganizationId?: string;
  statuses?: readonly string[];
  contractType?: string;
  kind?: string;
  origin?: string;
  /** Project, buyer, seller or registration number contains. */
  q?: string;
  signedFrom?: string;
  signedTo?: string;
  dueFrom?: string;
  dueTo?: string;
  /** Only current registered versions. */
  current?: boolean;
}

export function contractListWhere(q: ContractListQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.sellerOrganizationId) conds.push(eq(techContracts.sellerOrganizationId, q.sellerOrganizationId));
  if (q.statuses) conds.push(q.statuses.length ? inArray(techContracts.status, [...q.statuses]) : sql`false`);
  if (q.contractType) conds.push(eq(techContracts.contractType, q.contractType));
  if (q.kind) conds.push(eq(techContracts.kind, q.kind));
  if (q.origin) conds.push(eq(techContracts.origin, q.origin));
  if (q.q) {
    const needle = q.q;
    conds.push(
      or(
        sql`position(${needle} in ${techContracts.projectName}) > 0`,
        sql`position(${needle} in ${techContracts.buyerName}) > 0`,
        sql`position(${needle} in ${techContracts.sellerName}) > 0`,
        sql`position(${needle} in coalesce(${techContracts.registrationNo}, '')) > 0`,
      ),
    );
  }
  if (q.signedFrom) conds.push(gte(techContracts.signedOn, q.signedFrom));
  if (q.signedTo) conds.push(lte(techContracts.signedOn, q.signedTo));
  if (q.dueFrom) conds.push(gte(techContracts.dueOn, q.dueFrom));
  if (q.dueTo) conds.push(lte(techContracts.dueOn, q.dueTo));
  if (q.current) conds.push(currentRegisteredContractsWhere());
  const defined = conds.filter((c): c is SQL => c !== undefined);
  return defined.length ? and(...defined) : undefined;
}

export async function listTechContracts(
  db: Executor,
  q: ContractListQuery & { limit: number; offset: number; order?: 'updated' | 'due' },
): Promise<{ items: TechContractWithNames[]; total: number }> {
  const where = contractListWhere(q);
  const order =
    q.order === 'due'
      ? [sql`${techContracts.dueOn} asc nulls last`, asc(techContracts.submittedAt), asc(techContracts.id)]
      : [desc(techContracts.updatedAt), desc(techContracts.id)];
  const [rows, [c]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(...order)
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(techContracts).where(where),
  ]);
  return { items: rows.map(flatten), total: c?.n ?? 0 };
}

/** The queue's due dates with how many registrations each (for the due-soon and overdue counts). */
export async function contractQueueDueDates(db: Executor, statuses: readonly string[]): Promise<{ dueOn: string; n: number }[]> {
  const rows = await db
    .select({ dueOn: techContracts.dueOn, n: count() })
    .from(techContracts)
    .where(and(inArray(techContracts.status, [...statuses]), sql`${techContracts.dueOn} is not null`))
    .groupBy(techContracts.dueOn);
  return rows.map((r) => ({ dueOn: r.dueOn!, n: Number(r.n) }));
}

/** Registrations under way whose last day lies in [from, to] (the daily due-soon reminder). */
export async function contractsDueBetween(db: Executor, statuses: readonly string[], from: string, to: string): Promise<TechContractRow[]> {
  return db
    .select()
    .from(techContracts)
    .where(and(inArray(techContracts.status, [...statuses]), gte(techContracts.dueOn, from), lte(techContracts.dueOn, to)))
    .orderBy(asc(techContracts.dueOn), asc(techContracts.id));
}

// ------------------------------------------------------------------ attachments

export type TechContractAttachmentMeta = Omit<typeof techContractAttachments.$inferSelect, 'content'>;

const meta = {
  id: techContractAttachments.id,
  contractId: techContractAttachments.contractId,
  filename: techContractAttachments.filename,
  mediaType: techContractAttachments.mediaType,
  size: techContractAttachments.size,
  sha256: techContractAttachments.sha256,
  createdBy: techContractAttachments.createdBy,
  createdAt: techContractAttachments.createdAt,
};

export async function insertTechContractAttachment(
  db: Executor,
  row: typeof techContractAttachments.$inferInsert,
): Promise<TechContractAttachmentMeta> {
  const [r] = await db.insert(techContractAttachments).values(row).returning(meta);
  return r!;
}

export async function listTechContractAttachments(db: Executor, contractId: string): Promise<TechContractAttachmentMeta[]> {
  return db
    .select(meta)
    .from(techContractAttachments)
    .where(eq(techContractAttachments.contractId, contractId))
    .orderBy(asc(techContractAttachments.createdAt), asc(techContractAttachments.id));
}

export async function findTechContractAttachmentMeta(db: Executor, id: string): Promise<TechContractAttachmentMeta | undefined> {
  const [row] = await db.select(meta).from(techContractAttachments).where(eq(techContractAttachments.id, id));
  return row;
}

export async function readTechContractAttachmentContent(db: Executor, id: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: techContractAttachments.content })
    .from(techContractAttachments)
    .where(eq(techContractAttachments.id, id));
  return row?.content;
}

export async function deleteTechContractAttachment(db: Executor, id: string): Promise<void> {
  await db.delete(techContractAttachments).where(eq(techContractAttachments.id, id));
}

export async function countTechContractAttachments(db: Executor, contractId: string): Promise<number> {
  const [c] = await db.select({ n: count() }).from(techContractAttachments).where(eq(techContractAttachments.contractId, contractId));
  return c?.n ?? 0;
}
