import {
  findBenchmarkBatch,
  listBenchmarkBatches,
  listBenchmarkEntries,
  type BenchmarkBatchRow,
  type BenchmarkEntryRow,
} from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Services } from '../context.js';

/** 标杆案例清单 batches, newest first: public, like every published list. */
export const benchmarkBatches = ({ services, query }: { services: Services; query: { page: number; pageSize: number } }) =>
  listBenchmarkBatches(services.db, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

/** A benchmark batch with its current entries and, for corrected entries, the earlier versions. */
export async function benchmarkBatch({ services, id }: { services: Services; id: string }) {
  const batch = await findBenchmarkBatch(services.db, id);
  if (!batch) throw notFound('标杆案例清单');
  const all = await listBenchmarkEntries(services.db, id);
  return { batch, current: all.filter((e) => e.isCurrent), history: all.filter((e) => !e.isCurrent) };
}

export function presentBenchmarkBatch(b: BenchmarkBatchRow) {
  return {
    id: b.id,
    year: b.year,
    number: b.number,
    title: b.title,
    issuer: b.issuer,
    entryCount: b.entryCount,
    publishedAt: b.publishedAt.toISOString(),
  };
}

export function presentBenchmarkEntry(e: BenchmarkEntryRow) {
  return {
    id: e.id,
    batchId: e.batchId,
    seq: e.seq,
    version: e.version,
    isCurrent: e.isCurrent,
    submissionId: e.submissionId,
    name: e.name,
    issuer: e.issuer,
    sector: e.sector,
    regionCode: e.regionCode,
    resultsText: e.resultsText,
    acceptanceReport: e.acceptanceReport,
    winner: e.winner,
    erratum: e.erratum,
    publishedAt: e.publishedAt.toISOString(),
    correctedAt: e.version > 1 ? e.createdAt.toISOString() : null,
  };
}

export type { BenchmarkBatchRow, BenchmarkEntryRow };
