import { listDeals, type DealView } from '@scenebridge/db';
import { DEAL_ACTIVITY_STATE_LABELS, DEAL_SOURCE_LABELS, DEAL_STATE_LABELS, fenToWanText } from '@scenebridge/contract/deals/labels';
import type { DealActivityState, DealSource, DealState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  exporterName,
  pagesOf,
  timeCell,
  writeListWorkbook,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { dealListScope, type DealListQuery } from './list-deals.js';

const SHEET = '对接项目';

const COLUMNS: readonly ListColumn<DealView>[] = [
  { header: '项目编号', width: 16, value: (r) => r.code },
  { header: '项目名称', width: 36, value: (r) => r.title },
  { header: '来源', width: 12, value: (r) => DEAL_SOURCE_LABELS[r.source as DealSource] ?? r.source },
  { header: '阶段', width: 10, value: (r) => DEAL_STATE_LABELS[r.status as DealState] ?? r.status },
  { header: '活跃度', width: 8, value: (r) => DEAL_ACTIVITY_STATE_LABELS[r.activity as DealActivityState] ?? r.activity },
  { header: '需求', width: 30, value: (r) => r.needTitle },
  { header: '能力', width: 30, value: (r) => r.capabilityTitle },
  { header: '需求方', width: 26, value: (r) => r.demandOrganizationName },
  { header: '供给方', width: 26, value: (r) => r.supplyOrganizationName },
  { header: '技术经理人', width: 12, value: (r) => r.brokerName },
  { header: '预计金额（万元）', width: 16, value: (r) => (r.expectedAmountFen === null ? null : fenToWanText(r.expectedAmountFen)) },
  { header: '最近跟进', width: 17, value: (r) => timeCell(r.lastActivityAt) },
  { header: '签约时间', width: 17, value: (r) => timeCell(r.signedAt) },
  { header: '终止原因', width: 30, value: (r) => (r.status === 'declined' ? r.statusReason : null) },
];

/** The caller's deals as XLSX: the same rows and filters as the list, every page. */
export async function exportDeals({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: DealListQuery;
}): Promise<PreparedExport> {
  const scope = dealListScope(actor);
  const exportedAt = services.now();
  const filters: { label: string; value: string }[] = [];
  if (query.status?.length)
    filters.push({ label: '阶段', value: query.status.map((s) => DEAL_STATE_LABELS[s as DealState] ?? s).join('、') });
  if (query.activity)
    filters.push({ label: '活跃度', value: DEAL_ACTIVITY_STATE_LABELS[query.activity as DealActivityState] ?? query.activity });
  if (query.q) filters.push({ label: '关键词', value: query.q });
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) => (await listDeals(services.db, scope, query, { offset, limit })).items),
          filters,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
