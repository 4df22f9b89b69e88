/** The audit log and its chain check: the part of /api/v1 this feature calls. */
import type { AuditPeople } from '@scenebridge/contract/audit';
import { get, type Query } from '../../shared/http';
import type { AuditPage, ChainVerdict } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['audit']. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (query: Query) => ['audit', 'list', query] as const,
  people: (q: string, selected: string) => ['audit', 'people', q, selected] as const,
};

export const auditApi = {
  audit: (query: Query) => get<AuditPage>('/audit', query),
  /** Whom the log can be filtered by: names or emails containing `q`, and the person chosen. */
  people: (q: string, selected: string) => get<AuditPeople>('/audit/people', { q, selected }),
  verifyAudit: () => get<ChainVerdict>('/audit/verify'),
};
