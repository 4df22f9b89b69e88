import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditHash, type AuditEntry } from '@scenebridge/domain';
import type { Executor, Transaction } from '../client.js';
import { auditEvents, auditHead, batches, calls, organizations, submissions, subscriptions, users } from '../schema.js';

export interface NewAuditEvent {
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: unknown;
  at?: Date;
}

/**
 * Appends to the hash chain inside the caller's transaction. Locking the head row
 * serialises writers, so the chain has no forks even with many app processes.
 */
export async function appendAuditEvents(tx: Transaction, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit_head row missing: migrations not applied');
  let seq = head.seq;
  let prevHash = head.hash;
  const rows: (typeof auditEvents.$inferInsert)[] = [];
  for (const e of events) {
    seq += 1;
    const at = e.at ?? new Date();
    // Normalise through JSON so what is hashed is exactly what jsonb gives back.
    const data = e.data === undefined ? null : (JSON.parse(JSON.stringify(e.data)) as unknown);
    const content = {
      seq,
      at: at.toISOString(),
      actorUserId: e.actorUserId,
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      reason: e.reason ?? null,
      data,
    };
    const hash = auditHash(prevHash, content);
    rows.push({ ...content, at, prevHash, hash });
    prevHash = hash;
  }
  if (rows.length <= 50) {
    await tx.insert(auditEvents).values(rows);
  } else {
    // Bulk appends (imports, publication) travel as one JSON parameter per chunk.
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000).map((r) => ({
        seq: r.seq,
        at: r.at!.toISOString(),
        actor_user_id: r.actorUserId ?? null,
        actor_label: r.actorLabel,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        from_state: r.fromState ?? null,
        to_state: r.toState ?? null,
        reason: r.reason ?? null,
        data: r.data ?? null,
        prev_hash: r.prevHash,
        hash: r.hash,
      }));
      await tx.execute(sql`
        insert into audit_events (seq, at, actor_user_id, actor_label, action, entity_type, entity_id, from_state, to_state, reason, data, prev_hash, hash)
        select seq, at, actor_user_id, actor_label, action, entity_type, entity_id, from_state, to_state, reason, data, prev_hash, hash
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(seq bigint, at timestamptz, actor_user_id uuid, actor_label text,
          action text, entity_type text, entity_id text, from_state text, to_state text, reason text, data jsonb, prev_hash text, hash text)`);
    }
  }
  await tx.update(auditHead).set({ seq, hash: prevHash }).where(eq(auditHead.id, 1));
}

type AuditRow = typeof auditEvents.$inferSelect;
export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    fromState: r.fromState,
    toState: r.toState,
    reason: r.reason,
    data: r.data ?? null,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/** Reads the whole chain in seq order, a page at a time, so verification runs in bounded memory. */
export async function* readAuditChain(db: Executor, pageSize = 5000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    for (const r of page) yield toAuditEntry(r);
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

export async function readAuditHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head) throw new Error('audit_head row missing');
  return { seq: head.seq, hash: head.hash };
}

export interface AuditEventFilters {
  entityType?: string;
  entityId?: string;
  /** Who acted: a user id (entries of the system and of anonymous callers have none). */
  actorUserId?: string;
  /** Entries at or after this instant. */
  atOrAfter?: Date;
  /** Entries strictly before this instant. */
  before?: Date;
}

export async function listAuditEvents(
  db: Executor,
  q: AuditEventFilters & { limit: number; offset: number; ascending?: boolean },
): Promise<{ items: AuditRow[]; total: number }> {
  const conds: SQL[] = [];
  if (q.entityType) conds.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditEvents.entityId, q.entityId));
  if (q.actorUserId) conds.push(eq(auditEvents.actorUserId, q.actorUserId));
  if (q.atOrAfter) conds.push(gte(auditEvents.at, q.atOrAfter));
  if (q.before) conds.push(lt(auditEvents.at, q.before));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(q.ascending ? asc(auditEvents.seq) : desc(auditEvents.seq))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The tables whose rows the audit trail names, and the column a person recognises them by. */
const NAMED = {
  submission: [submissions, submissions.title],
  call: [calls, calls.title],
  organization: [organizations, organizations.name],
  user: [users, users.displayName],
  batch: [batches, batches.title],
  subscription: [subscriptions, subscriptions.name],
} as const;

/**
 * The current name of each audited object that has one (a submission's title, a user's name…),
 * keyed `type:id`; one query per type on the page. Audit entries keep ids (the chain is not
 * rewritten when something is renamed); the name is for the reader.
 */
export async function auditEntityNames(db: Executor, refs: Array<{ entityType: string; entityId: string }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byType = new Map<keyof typeof NAMED, Set<string>>();
  for (const r of refs) {
    if (!(r.entityType in NAMED) || !UUID.test(r.entityId)) continue;
    const type = r.entityType as keyof typeof NAMED;
    byType.set(type, (byType.get(type) ?? new Set()).add(r.entityId));
  }
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const [table, name] = NAMED[type];
      const rows = await db
        .select({ id: table.id, name })
        .from(table)
        .where(inArray(table.id, [...ids]));
      for (const row of rows) out.set(`${type}:${row.id}`, row.name);
    }),
  );
  return out;
}

export interface AuditPerson {
  id: string;
  displayName: string;
  email: string;
  organizationName: string;
}

/**
 * People to filter the audit trail by: users whose name or email contains `text` (all users when
 * it is empty), plus the ids asked for by name (the filter already in the URL), at most `limit`.
 * Users are few next to audit entries, so this never scans the trail.
 */
export async function searchAuditPeople(db: Executor, q: { text?: string; ids?: string[]; limit: number }): Promise<AuditPerson[]> {
  const columns = { id: users.id, displayName: users.displayName, email: users.email, organizationName: organizations.name };
  const base = () => db.select(columns).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const like = q.text ? `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const [asked, found] = await Promise.all([
    q.ids?.length ? base().where(inArray(users.id, q.ids)) : Promise.resolve([]),
    base()
      .where(like ? or(ilike(users.displayName, like), ilike(users.email, like)) : undefined)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(q.limit),
  ]);
  const seen = new Set(asked.map((p) => p.id));
  return [...asked, ...found.filter((p) => !seen.has(p.id))].slice(0, Math.max(q.limit, asked.length));
}

/** The organisation of each acting user, by user id (for the audit export's 所属单位). */
export async function auditActorOrganizations(db: Executor, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
