/** A published batch's rows as the publication documents and the portal read them. */
import type { BatchEntryRow, BatchRow } from '@scenebridge/db';
import type { PublishedBatch, PublishedEntry, PublishedListType } from './documents/index.js';

export const correctedAt = (e: BatchEntryRow): string | null => (e.version > 1 ? e.createdAt.toISOString() : null);

export function toPublishedEntry(e: BatchEntryRow): PublishedEntry {
  return {
    seq: e.seq,
    version: e.version,
    submissionId: e.submissionId,
    name: e.name,
    issuer: e.issuer,
    issuerCreditCode: e.issuerCreditCode,
    sector: e.sector,
    techFields: e.techFields,
    regionCode: e.regionCode,
    description: e.description,
    contact: e.contact,
    erratum: e.erratum,
    correctedAt: correctedAt(e),
    budgetMin: e.budgetMin,
    budgetMax: e.budgetMax,
    maturityTrl: e.maturityTrl,
  };
}

export function toPublishedBatch(
  batch: BatchRow,
  call: { title: string; opensAt: Date; closesAt: Date; closedAt?: Date | null },
  current: BatchEntryRow[],
): PublishedBatch {
  return {
    id: batch.id,
    title: batch.title,
    number: batch.number,
    year: batch.year,
    listType: batch.listType as PublishedListType,
    issuer: batch.issuer,
    publishedAt: batch.publishedAt.toISOString(),
    callTitle: call.title,
    callOpensAt: call.opensAt.toISOString(),
    callClosesAt: call.closesAt.toISOString(),
    callClosedAt: call.closedAt?.toISOString() ?? null,
    entries: current.map(toPublishedEntry),
  };
}
