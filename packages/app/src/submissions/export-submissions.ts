import { findCall, listSubmissions, type SubmissionListItem } from '@scenebridge/db';
import { LIST_TYPE_LABELS, SUBMISSION_STATE_LABELS } from '@scenebridge/domain/glossary';
import { regionFullName, sectorName, type ListType, type SubmissionState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  timeCell,
  exporterName,
  pagesOf,
  writeListWorkbook,
  type ExportFilter,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { callPolicy } from '../calls/index.js';
import { submissionListQuery, type SubmissionListFilters } from './list-submissions.js';
import { receiptNumber } from './present.js';

const SHEET = '填报记录';

const COLUMNS: readonly ListColumn<SubmissionListItem>[] = [
  { header: '回执编号', width: 16, value: (s) => receiptNumber(s) },
  { header: '项目名称', width: 36, value: (s) => s.title },
  { header: '清单类型', width: 10, value: (s) => LIST_TYPE_LABELS[s.listType as ListType] ?? s.listType },
  { header: '状态', width: 10, value: (s) => SUBMISSION_STATE_LABELS[s.status as SubmissionState] ?? s.status },
  { header: '状态说明', width: 30, value: (s) => s.statusReason },
  { header: '填报单位', width: 28, value: (s) => s.organizationName },
  { header: '所属征集', width: 32, value: (s) => s.callTitle },
  { header: '所属领域', width: 12, value: (s) => (s.sector ? sectorName(s.sector) : null) },
  { header: '所在地区', width: 16, value: (s) => (s.regionCode ? regionFullName(s.regionCode) : null) },
  { header: '创建时间', width: 17, value: (s) => timeCell(s.createdAt) },
  { header: '提交时间', width: 17, value: (s) => timeCell(s.submittedAt) },
  { header: '最后修改', width: 17, value: (s) => timeCell(s.updatedAt) },
];

/**
 * 填报记录 as XLSX: the caller's list (operators: every submitted item; organisations: their own)
 * with the same filters as the page, every row, in the page's order.
 */
export async function exportSubmissions({
  services,
  actor,
  filters,
}: {
  services: Services;
  actor: Actor;
  filters: SubmissionListFilters;
}): Promise<PreparedExport> {
  const query = submissionListQuery(actor, filters);
  const described: ExportFilter[] = [];
  if (filters.callId) {
    const call = await findCall(services.db, filters.callId);
    // A call the caller may not see is named by nothing: the filter then simply finds no rows.
    const title = call && callPolicy.allow(actor, 'view', call) ? call.title : filters.callId;
    described.push({ label: '所属征集', value: title });
  }
  if (filters.status)
    described.push({ label: '状态', value: SUBMISSION_STATE_LABELS[filters.status as SubmissionState] ?? filters.status });
  if (filters.listType) described.push({ label: '清单类型', value: LIST_TYPE_LABELS[filters.listType as ListType] ?? filters.listType });
  if (filters.q) described.push({ label: '关键词', value: filters.q });
  const exportedAt = services.now();
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) => (await listSubmissions(services.db, { ...query, limit, offset })).items),
          filters: described,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
