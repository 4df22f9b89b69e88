import { latestOrganizationLicences, listOrganizations, type OrganizationRow } from '@scenebridge/db';
import { regionFullName, type OrganizationKind, type OrganizationState } from '@scenebridge/domain';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_STATE_LABELS } from '@scenebridge/domain/glossary';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  exporterName,
  pagesOf,
  shanghaiDateTime,
  writeListWorkbook,
  type ExportFilter,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { organizationDirectoryPolicy } from './policy.js';

const SHEET = '机构名录';
type Row = OrganizationRow & { licenceName: string | null };

const COLUMNS: readonly ListColumn<Row>[] = [
  { header: '机构名称', width: 36, value: (o) => o.name },
  { header: '统一社会信用代码', width: 22, value: (o) => o.creditCode },
  { header: '机构类型', width: 14, value: (o) => ORGANIZATION_KIND_LABELS[o.kind as OrganizationKind] ?? o.kind },
  { header: '所在地区', width: 18, value: (o) => regionFullName(o.regionCode) },
  { header: '地址', width: 30, value: (o) => o.address },
  { header: '联系人', width: 10, value: (o) => o.contactName },
  { header: '联系电话', width: 16, value: (o) => o.contactPhone },
  { header: '审核状态', width: 10, value: (o) => ORGANIZATION_STATE_LABELS[o.status as OrganizationState] ?? o.status },
  { header: '状态说明', width: 28, value: (o) => o.statusReason },
  { header: '营业执照', width: 24, value: (o) => o.licenceName ?? '未上传' },
  { header: '注册时间', width: 17, value: (o) => shanghaiDateTime(o.createdAt) },
];

/** 机构名录 as XLSX for the operator: the list page's filters, every row, in its order. */
export function exportOrganizations({
  services,
  actor,
  filters,
}: {
  services: Services;
  actor: Actor;
  filters: { status?: string; q?: string };
}): PreparedExport {
  organizationDirectoryPolicy.authorize(actor, 'list', null);
  const described: ExportFilter[] = [];
  if (filters.status)
    described.push({ label: '审核状态', value: ORGANIZATION_STATE_LABELS[filters.status as OrganizationState] ?? filters.status });
  if (filters.q) described.push({ label: '关键词', value: filters.q });
  const exportedAt = services.now();
  const read = async (limit: number, offset: number): Promise<Row[]> => {
    const { items } = await listOrganizations(services.db, { status: filters.status, text: filters.q, limit, offset });
    const licences = await latestOrganizationLicences(
      services.db,
      items.map((o) => o.id),
    );
    return items.map((o) => ({ ...o, licenceName: licences.get(o.id)?.filename ?? null }));
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
