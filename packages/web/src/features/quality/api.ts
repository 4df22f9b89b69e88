/** Quality at the door (查重与完整性提示) and duplicate clusters: the part of /api/v1 this feature calls. */
import { get, post } from '../../shared/http';
import type { ListType, SubmissionData, DuplicateClusters, MergeResult, QualityReport } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['quality']. */
export const qualityKeys = {
  all: ['quality'] as const,
  clusters: (listType: ListType) => ['quality', 'clusters', listType] as const,
};

export const qualityApi = {
  qualityCheck: (listType: ListType, data: SubmissionData, submissionId?: string) =>
    post<QualityReport>('/quality/check', { listType, data, submissionId }),
  duplicateClusters: (listType: ListType) => get<DuplicateClusters>('/duplicates/clusters', { listType }),
  mergeDuplicates: (keepId: string, mergeIds: string[], reason: string) =>
    post<MergeResult>('/duplicates/merge', { keepId, mergeIds, reason }),
};
