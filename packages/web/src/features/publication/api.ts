/** Publication (发布): batches, corrections, benchmark cases: the part of /api/v1 this feature calls. */
import { buildUrl, enc, get, post, type Query } from '../../shared/http';
import type { BatchPreview } from '@scenebridge/contract/publication';
import type { Batch, BatchDetail, BatchEntry, BatchPage, EntryCorrection, PromotedBenchmarkCase } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['publication']. */
export const publicationKeys = {
  all: ['publication'] as const,
  batches: (query: Query) => ['publication', 'batches', query] as const,
  batch: (id: string) => ['publication', 'batch', id] as const,
  preview: (callId: string) => ['publication', 'preview', callId] as const,
};

/** What the operator may set on a batch before publishing (the preview takes the same). */
export interface BatchInput {
  title?: string;
  number?: number;
  issuer?: string;
}

export const publicationApi = {
  publishBatch: (callId: string, input: BatchInput) => post<Batch>(`/calls/${enc(callId)}/batches`, input),
  /** The entries, number and title 发布批次 would publish now; nothing is published. */
  previewBatch: (callId: string, input: BatchInput = {}) => get<BatchPreview>(`/calls/${enc(callId)}/batches/preview`, { ...input }),
  correctEntry: (batchId: string, seq: number, input: EntryCorrection) =>
    post<BatchEntry>(`/batches/${enc(batchId)}/entries/${seq}/corrections`, input),
  promoteBenchmark: (submissionId: string, resultsText: string) =>
    post<PromotedBenchmarkCase>(`/submissions/${enc(submissionId)}/benchmark`, { resultsText }),
  publicBatches: (query: Query) => get<BatchPage>('/public/batches', query),
  publicBatch: (id: string) => get<BatchDetail>(`/public/batches/${enc(id)}`),
};

/** Server-rendered public pages and downloads (outside the SPA and outside /api: use a plain <a href>). */
export const publicBatchUrl = (id: string) => `/public/batches/${encodeURIComponent(id)}`;
export const publicBatchDownloadUrl = (id: string, format: 'xlsx' | 'docx') =>
  `/public/batches/${encodeURIComponent(id)}/download.${format}`;
/** The XLSX list or DOCX bulletin as it would be published with these settings (a plain download link, signed-in). */
export const batchPreviewFileUrl = (callId: string, format: 'xlsx' | 'docx', input: BatchInput) =>
  buildUrl(`/calls/${enc(callId)}/batches/preview/${format}`, { ...input });
