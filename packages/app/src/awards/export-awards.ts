import { listAwards, type AwardListRow } from '@scenebridge/db';
import { AWARD_STATE_LABELS, fenToWanText } from '@scenebridge/contract/awards/labels';
import { forbidden, type AwardState } from '@scenebridge/domain';
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
import { awardListScope } from './list-awards.js';

const SHEET = '任务书';

const COLUMNS: readonly ListColumn<AwardListRow>[] = [
  { header: '任务书编号', width: 16, value: (r) => r.agreementNo },
  { header: '榜单', width: 36, value: (r) => r.challengeTitle },
  { header: '中榜单位', width: 30, value: (r) => r.organizationName },
  { header: '状态', width: 12, value: (r) => AWARD_STATE_LABELS[r.status as AwardState] ?? r.status },
  { header: '中榜金额（万元）', width: 16, value: (r) => fenToWanText(r.amountFen) },
  { header: '已付（万元）', width: 14, value: (r) => fenToWanText(r.paidFen) },
  { header: '中榜时间', width: 17, value: (r) => timeCell(r.awardedAt) },
  { header: '启动时间', width: 17, value: (r) => timeCell(r.agreementStartedAt) },
  { header: '结束时间', width: 17, value: (r) => timeCell(r.closedAt) },
  { header: '状态说明', width: 30, value: (r) => r.statusReason },
];

/** The caller's awards as XLSX: the same rows the list shows, every page. */
export async function exportAwards({
  services,
  actor,
  status,
}: {
  services: Services;
  actor: Actor;
  status?: string;
}): Promise<PreparedExport> {
  const scope = awardListScope(actor);
  if (!scope) throw forbidden('只有运营方和机构用户可以导出任务书');
  const exportedAt = services.now();
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) => (await listAwards(services.db, { scope, status, limit, offset })).rows),
          filters: status ? [{ label: '状态', value: AWARD_STATE_LABELS[status as AwardState] ?? status }] : [],
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
