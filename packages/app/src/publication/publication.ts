import {
  appendAuditEvents, batchNumberTaken, entryVersions, findBatch, findBatchEntry, findCall, findCurrentEntry,
  findSubmission, insertBatch, insertBatchEntries, insertBenchmarkCase, listBatchEntries, listBatches, listBenchmarkCases,
  listPublicEntries, listSubmissionsOfCallInStates, nextBatchNumber, retireEntryVersion, updateSubmission,
  findOrganization, listAssignmentsOfCall, lockSubmissionsWithOwners, moveSubmissions, type BatchEntryRow, type BatchRow, type PublicEntryQuery, type SubmissionRow,
} from '@scenebridge/db';
import { decide, DomainError, forbidden, notFound, rankItems, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { audit, auditEvent } from '../audit/index.js';

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
const LIST_NAMES = { scenario_need: '人工智能场景机会清单', capability: '人工智能场景能力清单' } as const;

/** The contact line published for an entry, as its owner chose: public, or through the platform. */
export function publishedContact(data: Record<string, unknown>): string | null {
  const c = data.contact as { name?: string; phone?: string; email?: string; public?: boolean } | undefined;
  if (!c?.public) return null;
  return [c.name, c.phone, c.email].filter(Boolean).join(' ');
}

function snapshot(s: SubmissionRow, org: { name: string; creditCode: string }) {
  const d = s.data as Record<string, unknown>;
  const sectors = Array.isArray(d.sectors) ? (d.sectors as string[]) : [];
  return {
    submissionId: s.id, listType: s.listType, name: s.title, issuer: org.name, issuerCreditCode: org.creditCode,
    sector: (typeof d.sector === 'string' ? d.sector : sectors[0]) ?? 'science', techFields: s.techFields, regionCode: s.regionCode,
    description: String(d.description ?? ''), contact: publishedContact(d), budgetMin: s.budgetMin, budgetMax: s.budgetMax, maturityTrl: s.maturityTrl,
  };
}

/**
 * Freezes the call's selected items as a numbered batch, in ranking order, in one
 * transaction: the batch, its entries, every item's move to `published` and the audit
 * events commit together or not at all. The call stays in review (a call may publish
 * several batches); the operator closes it with the call's `publish_results`.
 */
export async function publishBatch({ services, actor, callId, title, number, issuer }: {
  services: Services; actor: Actor | null; callId: string; title?: string; number?: number; issuer?: string;
}) {
  if (!isOperator(actor)) throw forbidden();
  const now = services.now();
  const batch = await services.db.transaction(async (tx) => {
    const call = await findCall(tx, callId, { forUpdate: true });
    if (!call) throw notFound('征集');
    if (call.status !== 'reviewing' && call.status !== 'results_published') throw new DomainError('CALL_NOT_REVIEWING', '征集尚未完成评审，不能发布', 409);
    const selected = await listSubmissionsOfCallInStates(tx, callId, ['selected']);
    if (selected.length === 0) throw new DomainError('NOTHING_SELECTED', '没有已入选的项目可发布', 409);
    const scores = new Map<string, number[]>();
    for (const a of await listAssignmentsOfCall(tx, callId)) {
      if (a.status === 'submitted') scores.set(a.submissionId, [...(scores.get(a.submissionId) ?? []), a.weightedScore!]);
    }
    const order = rankItems(selected.map((s) => ({ id: s.id, scores: scores.get(s.id) ?? [] }))).map((r) => r.id);
    const year = shanghaiYear(now);
    const listType = call.listType as keyof typeof LIST_NAMES;
    const n = number ?? (await nextBatchNumber(tx, listType, year));
    if (await batchNumberTaken(tx, listType, year, n)) throw new DomainError('BATCH_NUMBER_TAKEN', `${year}年第${n}批已发布，请使用其他批次号`, 409);
    const operatorOrg = await findOrganization(tx, actor!.organizationId);
    const batch = await insertBatch(tx, {
      callId, listType, year, number: n, title: title?.trim() || `${year}年第${n}批${LIST_NAMES[listType]}`,
      issuer: issuer?.trim() || operatorOrg?.name || '运营方', entryCount: order.length, publishedAt: now, publishedBy: actor!.userId,
    });
    // Set-based: one locking read with the owners, one insert of the entries, one status move.
    const locked = new Map((await lockSubmissionsWithOwners(tx, order)).map((r) => [r.submission.id, r]));
    await insertBatchEntries(tx, order.map((id, i) => {
      const r = locked.get(id)!;
      return {
        batchId: batch.id, seq: i + 1, version: 1, isCurrent: true, publishedAt: now, createdBy: actor!.userId,
        ...snapshot(r.submission, { name: r.organizationName, creditCode: r.organizationCreditCode }),
      };
    }));
    const t = decide(submissionMachine, { from: 'selected', action: 'publish', actors: ['operator'] });
    const moved = await moveSubmissions(tx, order, 'selected', t.to);
    if (moved.length !== order.length) throw new DomainError('CONFLICT', '项目状态已变化，请重试', 409);
    await appendAuditEvents(tx, [
      ...order.map((id, i) => auditEvent(actor, {
        action: 'submission.publish', entityType: 'submission', entityId: id, fromState: 'selected', toState: 'published', data: { batchId: batch.id, seq: i + 1 },
      })),
      auditEvent(actor, { action: 'batch.published', entityType: 'batch', entityId: batch.id, data: { callId, title: batch.title, number: n, year, entries: order.length } }),
    ]);
    return batch;
  });
  services.events.emit('publication.changed', {});
  return batch;
}

export interface EntryCorrection {
  name?: string;
  description?: string;
  contact?: string | null;
  erratum: string;
}

/** A published entry never changes: the correction is its next version, with an erratum note. */
export async function correctEntry({ services, actor, batchId, seq, correction }: {
  services: Services; actor: Actor | null; batchId: string; seq: number; correction: EntryCorrection;
}) {
  if (!isOperator(actor)) throw forbidden();
  if (!correction.erratum.trim()) throw new DomainError('REASON_REQUIRED', '请填写勘误说明', 400);
  const entry = await services.db.transaction(async (tx) => {
    const current = await findCurrentEntry(tx, batchId, seq, { forUpdate: true });
    if (!current) throw notFound('清单条目');
    await retireEntryVersion(tx, current.id);
    const { id: _id, createdAt: _c, ...rest } = current;
    const next = {
      ...rest, version: current.version + 1, isCurrent: true, erratum: correction.erratum.trim(), createdBy: actor!.userId,
      name: correction.name?.trim() || current.name, description: correction.description?.trim() || current.description,
      contact: correction.contact === undefined ? current.contact : correction.contact,
    };
    await insertBatchEntries(tx, [next]);
    await audit(tx, actor, {
      action: 'batch.entry_corrected', entityType: 'batch', entityId: batchId, reason: next.erratum,
      data: { seq, fromVersion: current.version, toVersion: next.version },
    });
    return (await findCurrentEntry(tx, batchId, seq))!;
  });
  services.events.emit('publication.changed', {});
  return entry;
}

export async function promoteToBenchmark({ services, actor, submissionId, resultsText }: {
  services: Services; actor: Actor | null; submissionId: string; resultsText: string;
}) {
  if (!isOperator(actor)) throw forbidden();
  if (resultsText.trim().length < 10) throw new DomainError('VALIDATION_FAILED', '成效说明至少10个字', 400);
  const created = await services.db.transaction(async (tx) => {
    const row = await findSubmission(tx, submissionId, { forUpdate: true });
    if (!row || !row.submission.submittedAt) throw notFound('填报');
    const s = row.submission;
    const t = decide(submissionMachine, { from: s.status as SubmissionState, action: 'promote_benchmark', actors: ['operator'] });
    await updateSubmission(tx, s.id, s.status, { status: t.to });
    const d = s.data as Record<string, unknown>;
    const sector = (typeof d.sector === 'string' ? d.sector : (d.sectors as string[] | undefined)?.[0]) ?? 'science';
    const c = await insertBenchmarkCase(tx, { submissionId, title: s.title, issuer: row.organizationName, sector, resultsText: resultsText.trim(), promotedAt: services.now(), promotedBy: actor!.userId });
    await audit(tx, actor, { action: 'submission.promote_benchmark', entityType: 'submission', entityId: s.id, fromState: s.status, toState: t.to, data: { benchmarkCaseId: c.id } });
    return c;
  });
  services.events.emit('publication.changed', {});
  return created;
}

export function presentEntry(e: BatchEntryRow, batchTitle?: string) {
  return {
    id: e.id, batchId: e.batchId, batchTitle, seq: e.seq, version: e.version, isCurrent: e.isCurrent, submissionId: e.submissionId,
    listType: e.listType, name: e.name, issuer: e.issuer, sector: e.sector, techFields: e.techFields, regionCode: e.regionCode,
    description: e.description, contact: e.contact, budgetMin: e.budgetMin, budgetMax: e.budgetMax, maturityTrl: e.maturityTrl,
    erratum: e.erratum, publishedAt: e.publishedAt.toISOString(), correctedAt: e.version > 1 ? e.createdAt.toISOString() : null,
  };
}

export function presentBatch(b: BatchRow) {
  return {
    id: b.id, callId: b.callId, listType: b.listType, year: b.year, number: b.number, title: b.title, issuer: b.issuer,
    entryCount: b.entryCount, publishedAt: b.publishedAt.toISOString(),
  };
}

export const publicBatches = ({ services, query }: { services: Services; query: { listType?: string; page: number; pageSize: number } }) =>
  listBatches(services.db, { listType: query.listType, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

/** A batch with its current entries and, for corrected entries, the earlier versions. */
export async function publicBatch({ services, id }: { services: Services; id: string }) {
  const batch = await findBatch(services.db, id);
  if (!batch) throw notFound('发布批次');
  const all = await listBatchEntries(services.db, id);
  const call = (await findCall(services.db, batch.callId))!;
  return { batch, call, current: all.filter((e) => e.isCurrent), history: all.filter((e) => !e.isCurrent) };
}

export async function publicEntry({ services, id }: { services: Services; id: string }) {
  const entry = await findBatchEntry(services.db, id);
  if (!entry) throw notFound('清单条目');
  const batch = (await findBatch(services.db, entry.batchId))!;
  const versions = await entryVersions(services.db, entry.batchId, entry.seq);
  return { entry: versions.find((v) => v.isCurrent) ?? entry, batch, versions };
}

export const publicEntries = ({ services, query }: { services: Services; query: PublicEntryQuery }) => listPublicEntries(services.db, query);
export const benchmarkCases = ({ services, query }: { services: Services; query: { page: number; pageSize: number } }) =>
  listBenchmarkCases(services.db, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
