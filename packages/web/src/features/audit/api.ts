/** The audit log and its chain check: the part of /api/v1 this feature calls. */
import { get, type Query } from '../../shared/http';
import type { AuditPage, ChainVerdict } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['audit']. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (query: Query) => ['audit', 'list', query] as const,
};

export const auditApi = {
  audit: (query: Query) => get<AuditPage>('/audit', query),
  verifyAudit: () => get<ChainVerdict>('/audit/verify'),
};
