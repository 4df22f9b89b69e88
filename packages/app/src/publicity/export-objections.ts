import { findPublicity, listObjections, type ObjectionWithNames } from '@scenebridge/db';
import { OBJECTION_STATUS_LABELS } from '@scenebridge/contract/publicity/labels';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  timeCell,
  exporterName,
  pagesOf,
  writeListWorkbook,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { authorizePublicityOperator } from './policy.js';

const SHEET = '公示异议';

const COLUMNS: readonly ListColumn<ObjectionWithNames>[] = [
  { header: '提出时间', width: 17, value: (o) => timeCell(o.createdAt) },
  { header: '异议条目', width: 30, value: (o) => o.itemName },
  { header: '提出单位', width: 28, value: (o) => o.organizationName },
  { header: '提出人', width: 12, value: (o) => o.lodgedByName },
  { header: '联系方式', width: 20, value: (o) => o.contact },
  { header: '异议理由', width: 50, value: (o) => o.reasons },
  {
    header: '证据链接',
    width: 40,
    value: (o) => (o.evidence as { title: string; url: string }[]).map((e) => `${e.title} ${e.url}`).join('\n') || null,
  },
  { header: '处理结果', width: 16, value: (o) => OBJECTION_STATUS_LABELS[o.status] ?? o.status },
  { header: '处理理由', width: 40, value: (o) => o.decisionReason },
  { header: '处理时间', width: 17, value: (o) => timeCell(o.decidedAt) },
];

/** A publicity's objections as XLSX, for operators (with who lodged them, as on their page). */
export async function exportObjections({
  services,
  actor,
  publicityId,
}: {
  services: Services;
  actor: Actor | null;
  publicityId: string;
}): Promise<PreparedExport> {
  const who = authorizePublicityOperator(actor);
  const p = await findPublicity(services.db, publicityId);
  if (!p) throw notFound('公示');
  const exportedAt = services.now();
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf((limit, offset) => listObjections(services.db, { publicityId, limit, offset })),
          filters: [{ label: '公示', value: p.title }],
          exportedBy: exporterName(who),
          exportedAt,
        },
        output,
      ),
  };
}
