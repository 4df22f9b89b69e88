/** Published rows as the JSON API answers them. */
import type { BatchEntryRow, BatchRow } from '@scenebridge/db';

export type { BatchEntryRow, BatchRow };

export function presentEntry(e: BatchEntryRow, batchTitle?: string) {
  return {
    id: e.id,
    batchId: e.batchId,
    batchTitle,
    seq: e.seq,
    version: e.version,
    isCurrent: e.isCurrent,
    submissionId: e.submissionId,
    listType: e.listType,
    name: e.name,
    issuer: e.issuer,
    sector: e.sector,
    techFields: e.techFields,
    regionCode: e.regionCode,
    description: e.description,
    contact: e.contact,
    budgetMin: e.budgetMin,
    budgetMax: e.budgetMax,
    maturityTrl: e.maturityTrl,
    erratum: e.erratum,
    publishedAt: e.publishedAt.toISOString(),
    correctedAt: e.version > 1 ? e.createdAt.toISOString() : null,
  };
}

export function presentBatch(b: BatchRow) {
  return {
    id: b.id,
    callId: b.callId,
    listType: b.listType,
    year: b.year,
    number: b.number,
    title: b.title,
    issuer: b.issuer,
    entryCount: b.entryCount,
    publishedAt: b.publishedAt.toISOString(),
  };
}
