import { findCurrentBenchmarkEntry, insertBenchmarkEntries, retireBenchmarkEntryVersion } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { PUBLISHED_LISTS, publicationPolicy } from './policy.js';

export interface BenchmarkCorrection {
  name?: string;
  resultsText?: string;
  acceptanceReport?: string | null;
  winner?: string | null;
  erratum: string;
}

/** As a call batch's entry (correct-entry.ts): the correction is the entry's next version, with an erratum note. */
export async function correctBenchmarkEntry({
  services,
  actor,
  batchId,
  seq,
  correction,
}: {
  services: Services;
  actor: Actor | null;
  batchId: string;
  seq: number;
  correction: BenchmarkCorrection;
}) {
  publicationPolicy.authorize(actor, 'correct', PUBLISHED_LISTS);
  if (!correction.erratum.trim()) throw new DomainError('REASON_REQUIRED', '请填写勘误说明', 400);
  return inTransaction(services, actor, async (tx, events) => {
    const current = await findCurrentBenchmarkEntry(tx, batchId, seq, { forUpdate: true });
    if (!current) throw notFound('标杆案例');
    await retireBenchmarkEntryVersion(tx, current.id);
    const { id: _id, createdAt: _c, ...rest } = current;
    const keep = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
    const next = {
      ...rest,
      version: current.version + 1,
      isCurrent: true,
      erratum: correction.erratum.trim(),
      createdBy: actor!.userId,
      name: correction.name?.trim() || current.name,
      resultsText: correction.resultsText?.trim() || current.resultsText,
      acceptanceReport: keep(correction.acceptanceReport, current.acceptanceReport),
      winner: keep(correction.winner, current.winner),
    };
    await insertBenchmarkEntries(tx, [next]);
    await events.record({
      action: 'benchmark_batch.entry_corrected',
      entityType: 'benchmark_batch',
      entityId: batchId,
      reason: next.erratum,
      data: { seq, fromVersion: current.version, toVersion: next.version },
    });
    events.announce('publication.changed', {});
    return (await findCurrentBenchmarkEntry(tx, batchId, seq))!;
  });
}
