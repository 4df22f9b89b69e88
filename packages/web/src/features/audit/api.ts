/** The audit log and its chain check: the part of /api/v1 this feature calls. */
import { get, type Query } from '../../shared/http';
import type { AuditPage, ChainVerdict } from '../../shared/types';

export const auditApi = {
  audit: (query: Query) => get<AuditPage>('/audit', query),
  verifyAudit: () => get<ChainVerdict>('/audit/verify'),
};
