import type { AuditEventFilters } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';

/** The audit log's filters as the page and the export take them. */
export interface AuditListFilters {
  entityType?: string;
  entityId?: string;
  /** A person: the acting user's id. */
  actor?: string;
  /** First day, yyyy-mm-dd, an Asia/Shanghai calendar day, inclusive. */
  from?: string;
  /** Last day, yyyy-mm-dd, inclusive. */
  to?: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const invalid = (message: string, path: string) => new DomainError('VALIDATION_FAILED', message, 400, [{ path, message }]);

/** The instant a Shanghai calendar day begins (00:00 at UTC+8); refuses a day the calendar lacks (2026-02-30). */
function shanghaiDayStart(day: string, path: string): Date {
  const m = DATE.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day)
    throw invalid('日期格式应为 年-月-日，如 2026-04-01', path);
  return new Date(ms - SHANGHAI_OFFSET_MS);
}

/**
 * The repository's query for the audit filters: a date range becomes [from 00:00, the day after
 * `to` 00:00) in Shanghai time. A range that ends before it starts is refused (400), not read as empty.
 */
export function auditListQuery(filters: AuditListFilters): AuditEventFilters {
  const atOrAfter = filters.from ? shanghaiDayStart(filters.from, 'from') : undefined;
  const toStart = filters.to ? shanghaiDayStart(filters.to, 'to') : undefined;
  if (atOrAfter && toStart && atOrAfter > toStart) throw invalid('开始日期不能晚于结束日期', 'from');
  return {
    entityType: filters.entityType || undefined,
    entityId: filters.entityId || undefined,
    actorUserId: filters.actor || undefined,
    atOrAfter,
    before: toStart ? new Date(toStart.getTime() + DAY_MS) : undefined,
  };
}
