/** Publication (发布): numbered batches, their entries and corrections, benchmark cases. */
import { LIST_TYPES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

/** POST /calls/:id/batches (201); items of GET /public/batches. */
export const batch = z.object({
  id: z.string(),
  callId: z.string(),
  listType: z.enum(LIST_TYPES),
  year: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  entryCount: z.number().int(),
  publishedAt: isoDateTime,
});
export type Batch = z.infer<typeof batch>;
/** GET /public/batches */
export const batchPage = pageOf(batch);
export type BatchPage = z.infer<typeof batchPage>;

/** One version of a published entry; POST /batches/:id/entries/:seq/corrections answers the new one. */
export const batchEntry = z.object({
  id: z.string(),
  batchId: z.string(),
  /** Only in lists across batches (GET /public/entries, GET /public/entries/:id). */
  batchTitle: z.string().optional(),
  seq: z.number().int(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  submissionId: z.string(),
  listType: z.enum(LIST_TYPES),
  name: z.string(),
  issuer: z.string(),
  sector: z.string(),
  techFields: z.array(z.string()),
  regionCode: z.string().nullable(),
  description: z.string(),
  /** null: 通过平台联系 */
  contact: z.string().nullable(),
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  maturityTrl: z.number().int().nullable(),
  erratum: z.string().nullable(),
  publishedAt: isoDateTime,
  correctedAt: isoDateTime.nullable(),
});
export type BatchEntry = z.infer<typeof batchEntry>;
/** GET /public/entries */
export const batchEntryPage = pageOf(batchEntry);
export type BatchEntryPage = z.infer<typeof batchEntryPage>;

/** GET /public/batches/:id: current entries and the versions corrected since. */
export const batchDetail = batch.extend({ entries: z.array(batchEntry), superseded: z.array(batchEntry) });
export type BatchDetail = z.infer<typeof batchDetail>;

/** GET /public/entries/:id: the entry and all its versions. */
export const entryDetail = batchEntry.extend({ versions: z.array(batchEntry) });
export type EntryDetail = z.infer<typeof entryDetail>;

/** An item of GET /public/benchmark-cases (who promoted it is not public). */
export const benchmarkCase = z.object({
  id: z.string(),
  submissionId: z.string(),
  title: z.string(),
  issuer: z.string(),
  sector: z.string(),
  resultsText: z.string(),
  promotedAt: isoDateTime,
});
export type BenchmarkCase = z.infer<typeof benchmarkCase>;
export const benchmarkCasePage = pageOf(benchmarkCase);
export type BenchmarkCasePage = z.infer<typeof benchmarkCasePage>;

/** POST /submissions/:id/benchmark (201): the operator sees who promoted it. */
export const promotedBenchmarkCase = benchmarkCase.extend({ promotedBy: z.string().nullable() });
export type PromotedBenchmarkCase = z.infer<typeof promotedBenchmarkCase>;

/** GET /calls/:id/batches/preview: what 发布批次 would publish now, before the operator confirms. */
export const batchPreview = z.object({
  callId: z.string(),
  listType: z.enum(LIST_TYPES),
  year: z.number().int(),
  number: z.number().int(),
  /** Where the number came from: the operator's, the call's title (第五批), or the year's next. */
  numberSource: z.enum(['operator', 'call_title', 'sequence']),
  title: z.string(),
  issuer: z.string(),
  entryCount: z.number().int(),
  entries: z.array(z.object({ seq: z.number().int(), name: z.string(), issuer: z.string() })),
});
export type BatchPreview = z.infer<typeof batchPreview>;
