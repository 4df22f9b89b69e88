/** 标杆案例清单: numbered, versioned batches of accepted items, in their own series. */
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

/** POST /benchmark-batches (201, or 200 for a retry of a batch already published); items of GET /public/benchmark-batches. */
export const benchmarkBatch = z.object({
  id: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  entryCount: z.number().int(),
  publishedAt: isoDateTime,
});
export type BenchmarkBatch = z.infer<typeof benchmarkBatch>;
export const benchmarkBatchPage = pageOf(benchmarkBatch);
export type BenchmarkBatchPage = z.infer<typeof benchmarkBatchPage>;

/** One version of a case in a batch; a correction answers the new version. */
export const benchmarkEntry = z.object({
  id: z.string(),
  batchId: z.string(),
  seq: z.number().int(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  submissionId: z.string(),
  name: z.string(),
  issuer: z.string(),
  sector: z.string(),
  regionCode: z.string().nullable(),
  /** 成效说明 */
  resultsText: z.string(),
  /** 验收结论, when the item's acceptance recorded one. */
  acceptanceReport: z.string().nullable(),
  /** 揭榜（中标）单位, when known. */
  winner: z.string().nullable(),
  erratum: z.string().nullable(),
  publishedAt: isoDateTime,
  correctedAt: isoDateTime.nullable(),
});
export type BenchmarkEntry = z.infer<typeof benchmarkEntry>;

/** GET /public/benchmark-batches/:id */
export const benchmarkBatchDetail = benchmarkBatch.extend({ entries: z.array(benchmarkEntry), superseded: z.array(benchmarkEntry) });
export type BenchmarkBatchDetail = z.infer<typeof benchmarkBatchDetail>;

/** POST /benchmark-batches/preview: what publishing would write now. */
export const benchmarkBatchPreview = z.object({
  year: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  entries: z.array(
    z.object({
      seq: z.number().int(),
      submissionId: z.string(),
      name: z.string(),
      issuer: z.string(),
      resultsText: z.string(),
      acceptanceReport: z.string().nullable(),
      winner: z.string().nullable(),
    }),
  ),
});
export type BenchmarkBatchPreview = z.infer<typeof benchmarkBatchPreview>;

/** The body of POST /benchmark-batches and its preview. */
export const benchmarkBatchRequest = z.object({
  items: z
    .array(z.object({ submissionId: z.uuid(), resultsText: z.string().trim().min(10, '成效说明至少10个字').max(2000) }))
    .min(1, '请至少选择一个已验收项目')
    .max(200),
  title: z.string().trim().min(4).max(100).optional(),
  issuer: z.string().trim().min(2).max(100).optional(),
  number: z.number().int().min(1).max(999).optional(),
});
export type BenchmarkBatchRequest = z.infer<typeof benchmarkBatchRequest>;
