import {
  benchmarkEntriesOfSubmissions,
  findBenchmarkBatch,
  insertBenchmarkBatch,
  insertBenchmarkCases,
  insertBenchmarkEntries,
  moveSubmissions,
  type Transaction,
} from '@scenebridge/db';
import { decide, DomainError, submissionMachine } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { assembleBenchmarkBatch, validateBenchmarkItems, type BenchmarkBatchOptions, type BenchmarkItem } from './benchmark-batch.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';

/**
 * A retry of a batch that already committed (same items, all in that one batch) answers that
 * batch instead of a 409: the operator's second click after a lost answer publishes nothing twice.
 */
async function publishedBefore(tx: Transaction, ids: readonly string[]) {
  const found = await benchmarkEntriesOfSubmissions(tx, [...ids]);
  if (found.length !== ids.length) return undefined;
  const batchIds = new Set(found.map((f) => f.batchId));
  if (batchIds.size !== 1) return undefined;
  const batch = await findBenchmarkBatch(tx, [...batchIds][0]!);
  return batch && batch.entryCount === ids.length ? batch : undefined;
}

/**
 * Publishes a 标杆案例清单 batch in one transaction: the numbered batch, its entries (in the
 * order chosen), a benchmark case per item, every item's move `accepted → benchmark_case` and
 * the audit events commit together or not at all.
 */
export async function publishBenchmarkBatch({
  services,
  actor,
  items,
  options = {},
}: {
  services: Services;
  actor: Actor | null;
  items: readonly BenchmarkItem[];
  options?: BenchmarkBatchOptions;
}) {
  publicationPolicy.authorize(actor, 'promote', PUBLISHED_LISTS);
  validateBenchmarkItems(items);
  const now = services.now();
  return inTransaction(services, actor, async (tx, events) => {
    const ids = items.map((i) => i.submissionId);
    const replay = await publishedBefore(tx, ids);
    if (replay) return { batch: replay, replayed: true, cases: [] };
    let planned;
    try {
      planned = await assembleBenchmarkBatch(tx, actor!, items, options, now);
    } catch (e) {
      // A concurrent twin committed while this one waited for the row locks: answer its batch.
      const twin = e instanceof DomainError && e.code === 'ILLEGAL_TRANSITION' ? await publishedBefore(tx, ids) : undefined;
      if (twin) return { batch: twin, replayed: true, cases: [] };
      throw e;
    }
    const batch = await insertBenchmarkBatch(tx, {
      year: planned.year,
      number: planned.number,
      title: planned.title,
      issuer: planned.issuer,
      entryCount: planned.entries.length,
      publishedAt: now,
      publishedBy: actor!.userId,
    });
    await insertBenchmarkEntries(
      tx,
      planned.entries.map((e) => ({ ...e, batchId: batch.id, version: 1, isCurrent: true, publishedAt: now, createdBy: actor!.userId })),
    );
    const cases = await insertBenchmarkCases(
      tx,
      planned.entries.map((e) => ({
        submissionId: e.submissionId,
        title: e.name,
        issuer: e.issuer,
        sector: e.sector,
        resultsText: e.resultsText,
        promotedAt: now,
        promotedBy: actor!.userId,
      })),
    );
    const t = decide(submissionMachine, { from: 'accepted', action: 'promote_benchmark', actors: ['operator'] });
    const moved = await moveSubmissions(tx, ids, 'accepted', t.to);
    if (moved.length !== ids.length) throw new DomainError('CONFLICT', '项目状态已变化，请重试', 409);
    const caseOf = new Map(cases.map((c) => [c.submissionId, c.id]));
    await events.record(
      ...planned.entries.map((e) => ({
        action: 'submission.promote_benchmark',
        entityType: 'submission',
        entityId: e.submissionId,
        fromState: 'accepted',
        toState: t.to,
        data: { benchmarkBatchId: batch.id, seq: e.seq, benchmarkCaseId: caseOf.get(e.submissionId) },
      })),
      {
        action: 'benchmark_batch.published',
        entityType: 'benchmark_batch',
        entityId: batch.id,
        data: { title: batch.title, number: batch.number, year: batch.year, entries: ids.length },
      },
    );
    events.announce('publication.changed', {});
    return { batch, replayed: false, cases };
  });
}
