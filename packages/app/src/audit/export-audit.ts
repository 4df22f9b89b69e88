import { auditActorOrganizations, auditEntityNames, listAuditEvents, searchAuditPeople, type schema } from '@scenebridge/db';
import { actionLabel, ENTITY_TYPE_LABELS } from '@scenebridge/contract/audit/labels';
import { CALL_STATE_LABELS, ORGANIZATION_STATE_LABELS, SUBMISSION_STATE_LABELS } from '@scenebridge/domain/glossary';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  exporterName,
  pagesOf,
  writeListWorkbook,
  type ExportFilter,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { auditListQuery, type AuditListFilters } from './audit-filters.js';
import { AUDIT_TRAIL, auditPolicy } from './policy.js';

const SHEET = '审计日志';

type AuditRow = typeof schema.auditEvents.$inferSelect;
interface AuditExportRow extends AuditRow {
  entityName: string | null;
  actorOrganization: string | null;
}

/** yyyy-mm-dd HH:mm:ss in Asia/Shanghai, as the page shows an entry's time. */
const shanghaiSeconds = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

const STATE_LABELS: Record<string, Record<string, string>> = {
  call: CALL_STATE_LABELS,
  submission: SUBMISSION_STATE_LABELS,
  organization: ORGANIZATION_STATE_LABELS,
};
const stateLabel = (entityType: string, s: string | null) => (s ? (STATE_LABELS[entityType]?.[s] ?? s) : null);

/** The person as the page shows them: entries store "姓名 <email>", or "system". */
export function auditActorName(label: string): string {
  const m = /^(.*) <(.+)>$/.exec(label);
  if (m) return m[1]!;
  return label === 'system' ? '系统' : label;
}

const COLUMNS: readonly ListColumn<AuditExportRow>[] = [
  { header: '序号', width: 9, value: (e) => e.seq },
  { header: '时间', width: 20, value: (e) => shanghaiSeconds(e.at) },
  { header: '操作人', width: 16, value: (e) => auditActorName(e.actorLabel) },
  { header: '所属单位', width: 28, value: (e) => e.actorOrganization },
  { header: '操作', width: 16, value: (e) => actionLabel(e.action) },
  { header: '对象类型', width: 10, value: (e) => ENTITY_TYPE_LABELS[e.entityType] ?? e.entityType },
  { header: '对象名称', width: 36, value: (e) => e.entityName ?? e.entityId },
  { header: '原状态', width: 10, value: (e) => stateLabel(e.entityType, e.fromState) },
  { header: '新状态', width: 10, value: (e) => stateLabel(e.entityType, e.toState) },
  { header: '原因/说明', width: 40, value: (e) => e.reason },
];

/**
 * 审计日志 as XLSX: the entries the page lists with the same filters (operators only), newest
 * first, each object and person by the name the page shows.
 */
export async function exportAudit({
  services,
  actor,
  filters,
}: {
  services: Services;
  actor: Actor;
  filters: AuditListFilters;
}): Promise<PreparedExport> {
  auditPolicy.authorize(actor, 'list', AUDIT_TRAIL);
  const query = auditListQuery(filters);
  const described: ExportFilter[] = [];
  if (filters.from || filters.to) described.push({ label: '日期', value: `${filters.from ?? '不限'} 至 ${filters.to ?? '不限'}` });
  if (filters.actor) {
    const [person] = await searchAuditPeople(services.db, { ids: [filters.actor], limit: 0 });
    described.push({ label: '操作人', value: person ? `${person.displayName}（${person.organizationName}）` : filters.actor });
  }
  if (filters.entityType) described.push({ label: '对象类型', value: ENTITY_TYPE_LABELS[filters.entityType] ?? filters.entityType });
  if (filters.entityId) described.push({ label: '对象编号', value: filters.entityId });
  const exportedAt = services.now();
  const read = async (limit: number, offset: number): Promise<AuditExportRow[]> => {
    const { items } = await listAuditEvents(services.db, { ...query, limit, offset });
    const [names, orgs] = await Promise.all([
      auditEntityNames(services.db, items),
      auditActorOrganizations(
        services.db,
        items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])),
      ),
    ]);
    return items.map((e) => ({
      ...e,
      entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
      actorOrganization: e.actorUserId ? (orgs.get(e.actorUserId) ?? null) : null,
    }));
  };
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf(read),
          filters: described,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
