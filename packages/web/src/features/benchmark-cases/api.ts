/** 标杆案例清单: the part of /api/v1 this feature calls. */
import { enc, get, post, type Query } from '../../shared/http';
import type {
  BenchmarkBatch,
  BenchmarkBatchPage,
  BenchmarkBatchPreview,
  BenchmarkBatchRequest,
} from '@scenebridge/contract/benchmark-cases';
import type { SubmissionPage } from '@scenebridge/contract/submissions';

/** TanStack Query keys: everything this feature caches starts with ['benchmark-cases']. */
export const benchmarkKeys = {
  all: ['benchmark-cases'] as const,
  accepted: ['benchmark-cases', 'accepted'] as const,
  batches: (query: Query) => ['benchmark-cases', 'batches', query] as const,
};

export const benchmarkApi = {
  /** Accepted items, the only ones a 标杆案例清单 takes (the first 100, newest first). */
  accepted: () => get<SubmissionPage>('/submissions', { status: 'accepted', pageSize: 100 }),
  preview: (input: BenchmarkBatchRequest) => post<BenchmarkBatchPreview>('/benchmark-batches/preview', input),
  publish: (input: BenchmarkBatchRequest) => post<BenchmarkBatch>('/benchmark-batches', input),
  batches: (query: Query) => get<BenchmarkBatchPage>('/public/benchmark-batches', query),
};

/** Server-rendered public pages and downloads (outside the SPA: plain links). */
export const publicBenchmarkBatchUrl = (id: string) => `/public/benchmark-batches/${enc(id)}`;
export const publicBenchmarkDownloadUrl = (id: string, format: 'xlsx' | 'docx') =>
  `/public/benchmark-batches/${enc(id)}/download.${format}`;
