import {
  batchNumberTaken,
  findCall,
  findOrganization,
  insertBatch,
  insertBatchEntries,
  listAssignmentsOfCall,
  listSubmissionsOfCallInStates,
  lockSubmissionsWithOwners,
  moveSubmissions,
  nextBatchNumber,
  setSubmissionsValidUntil,
  type CallRow,
  type SubmissionRow,
  type Transaction,
} from '@scenebridge/db';
import { decide, DomainError, listingValidUntil, notFound, rankItems, submissionMachine } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { assertCallSelectionPublicised } from '../publicity/index.js';
import { inTransaction } from '../shared/index.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
export const LIST_NAMES = { scenario_need: '人工智能场景机会清单', capability: '人工智能场景能力清单' } as const;
export const batchTitle = (year: number, n: number, listType: keyof typeof LIST_NAMES) => `${year}年第${n}批${LIST_NAMES[listType]}`;

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
    submissionId: s.id,
    listType: s.listType,
    name: s.title,
    issuer: org.name,
    issuerCreditCode: org.creditCode,
    sector: (typeof d.sector === 'string' ? d.sector : sectors[0]) ?? 'science',
    techFields: s.techFields,
    regionCode: s.regionCode,
    description: String(d.description ?? ''),
    contact: publishedContact(d),
    budgetMin: s.budgetMin,
    budgetMax: s.budgetMax,
    maturityTrl: s.maturityTrl,
  };
}

/** What the operator may set on a batch; the rest is the call's and the ranking's. */
export interface BatchOptions {
  title?: string;
  number?: number;
  issuer?: string;
}

/**
 * The batch as it would be published now, read in the caller's transaction: the call's selected
 * items in ranking order with their snapshots, the year, number, title and issuer. Publishing
 * writes exactly this; the preview shows exactly this.
 */
export async function assembleBatch(tx: Transaction, actor: Actor, call: CallRow, opts: BatchOptions, now: Date) {
  if (call.status !== 'reviewing' && call.status !== 'results_published')
    throw new DomainError('CALL_NOT_REVIEWING', '征集尚未完成评审，不能发布', 409);
  const selected = await listSubmissionsOfCallInStates(tx, call.id, ['selected']);
  if (selected.length === 0) throw new DomainError('NOTHING_SELECTED', '没有已入选的项目可发布', 409);
  // 评审结果公示无异议后发文公布: a call with a 公示 publishes only once it is final (docs/publicity.md).
  await assertCallSelectionPublicised(tx, call.id, selected);
  const scores = new Map<string, number[]>();
  for (const a of await listAssignmentsOfCall(tx, call.id)) {
    if (a.status === 'submitted') scores.set(a.submissionId, [...(scores.get(a.submissionId) ?? []), a.weightedScore!]);
  }
  const order = rankItems(selected.map((s) => ({ id: s.id, scores: scores.get(s.id) ?? [] }))).map((r) => r.id);
  const year = shanghaiYear(now);
  const listType = call.listType as keyof typeof LIST_NAMES;
  const n = opts.number ?? (await nextBatchNumber(tx, listType, year));
  if (await batchNumberTaken(tx, listType, year, n))
    throw new DomainError('BATCH_NUMBER_TAKEN', `${year}年第${n}批已发布，请使用其他批次号`, 409);
  const operatorOrg = await findOrganization(tx, actor.organizationId);
  // Set-based: one locking read with the owners.
  const locked = new Map((await lockSubmissionsWithOwners(tx, order)).map((r) => [r.submission.id, r]));
  return {
    listType,
    year,
    number: n,
    title: opts.title?.trim() || batchTitle(year, n, listType),
    issuer: opts.issuer?.trim() || operatorOrg?.name || '运营方',
    order,
    entries: order.map((id, i) => {
      const r = locked.get(id)!;
      return { seq: i + 1, ...snapshot(r.submission, { name: r.organizationName, creditCode: r.organizationCreditCode }) };
    }),
  };
}

/**
 * Freezes the call's selected items as a numbered batch, in ranking order, in one
 * transaction: the batch, its entries, every item's move to `published` and the audit
 * events commit together or not at all. The call stays in review (a call may publish
 * several batches); the operator closes it with the call's `publish_results`.
 */
export async function publishBatch({
  services,
  actor,
  callId,
  title,
  number,
  issuer,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  title?: string;
  number?: number;
  issuer?: string;
}) {
  publicationPolicy.authorize(actor, 'publish', PUBLISHED_LISTS);
  const now = services.now();
  return inTransaction(services, actor, async (tx, events) => {
    const call = await findCall(tx, callId, { forUpdate: true });
    if (!call) throw notFound('征集');
    const planned = await assembleBatch(tx, actor!, call, { title, number, issuer }, now);
    const { order, year, number: n } = planned;
    const batch = await insertBatch(tx, {
      callId,
      listType: planned.listType,
      year,
      number: n,
      title: planned.title,
      issuer: planned.issuer,
      entryCount: order.length,
      publishedAt: now,
      publishedBy: actor!.userId,
    });
    // One insert of the entries, one status move.
    await insertBatchEntries(
      tx,
      planned.entries.map((e) => ({ batchId: batch.id, version: 1, isCurrent: true, publishedAt: now, createdBy: actor!.userId, ...e })),
    );
    const t = decide(submissionMachine, { from: 'selected', action: 'publish', actors: ['operator'] });
    const moved = await moveSubmissions(tx, order, 'selected', t.to);
    if (moved.length !== order.length) throw new DomainError('CONFLICT', '项目状态已变化，请重试', 409);
    // The listings stay current for their validity (docs/lifecycle-after-publication.md).
    await setSubmissionsValidUntil(tx, order, listingValidUntil(now));
    await events.record(
      ...order.map((id, i) => ({
        action: 'submission.publish',
        entityType: 'submission',
        entityId: id,
        fromState: 'selected',
        toState: 'published',
        data: { batchId: batch.id, seq: i + 1 },
      })),
      {
        action: 'batch.published',
        entityType: 'batch',
        entityId: batch.id,
        data: { callId, title: batch.title, number: n, year, entries: order.length },
      },
    );
    events.announce('publication.changed', {});
    return batch;
  });
}
