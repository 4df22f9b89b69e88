/** Publication (发布): batches, corrections, benchmark cases: the part of /api/v1 this feature calls. */
import { enc, get, post, type Query } from '../../shared/http';
import type { Batch, BatchDetail, BatchEntry, BatchPage, EntryCorrection, PromotedBenchmarkCase } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['publication']. */
export const publicationKeys = {
  all: ['publication'] as const,
  batches: (query: Query) => ['publication', 'batches', query] as const,
  batch: (id: string) => ['publication', 'batch', id] as const,
};

export const publicationApi = {
  publishBatch: (callId: string, input: { title?: string; number?: number; issuer?: string }) => post<Batch>(`/calls/${enc(callId)}/batches`, input),
  correctEntry: (batchId: string, seq: number, input: EntryCorrection) =>
    post<BatchEntry>(`/batches/${enc(batchId)}/entries/${seq}/corrections`, input),
  promoteBenchmark: (submissionId: string, resultsText: string) => post<PromotedBenchmarkCase>(`/submissions/${enc(submissionId)}/benchmark`, { resultsText }),
  publicBatches: (query: Query) => get<BatchPage>('/public/batches', query),
  publicBatch: (id: string) => get<BatchDetail>(`/public/batches/${enc(id)}`),
};

/** Server-rendered public pages and downloads (outside the SPA and outside /api: use a plain <a href>). */
export const publicBatchUrl = (id: string) => `/public/batches/${encodeURIComponent(id)}`;
export const publicBatchDownloadUrl = (id: string, format: 'xlsx' | 'docx') => `/public/batches/${encodeURIComponent(id)}/download.${format}`;
