import { listApplications, listParticipants, type ApplicationWithRefs } from '@scenebridge/db';
import { APPLICATION_STATE_LABELS, fenToWanText } from '@scenebridge/contract/applications/labels';
import type { ApplicationState } from '@scenebridge/domain';
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
import { challengeApplicationsQuery } from './list-applications.js';

const SHEET = '揭榜申报';
type Row = ApplicationWithRefs & { members: string };

const COLUMNS: readonly ListColumn<Row>[] = [
  { header: '牵头单位', width: 30, value: (r) => r.leadOrganizationName },
  { header: '联合体成员', width: 40, value: (r) => r.members },
  { header: '状态', width: 10, value: (r) => APPLICATION_STATE_LABELS[r.status as ApplicationState] ?? r.status },
  { header: '报价（万元）', width: 14, value: (r) => fenToWanText(r.quoteFen) },
  { header: '团队负责人', width: 14, value: (r) => (r.teamLeader as { name: string }).name },
  { header: '联系电话', width: 16, value: (r) => (r.teamLeader as { phone: string }).phone },
  { header: '提交时间', width: 17, value: (r) => timeCell(r.submittedAt) },
  { header: '撤回时间', width: 17, value: (r) => timeCell(r.withdrawnAt) },
  { header: '状态说明', width: 30, value: (r) => r.statusReason },
];

/** A challenge's applications as XLSX: the same rows the caller's list shows, every page. */
export async function exportChallengeApplications({
  services,
  actor,
  challengeId,
  status,
}: {
  services: Services;
  actor: Actor;
  challengeId: string;
  status?: string;
}): Promise<PreparedExport> {
  const exportedAt = services.now();
  const { challengeTitle, ...query } = await challengeApplicationsQuery(services.db, actor, challengeId, exportedAt, status);
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) => {
            const { items } = await listApplications(services.db, { ...query, limit, offset });
            return Promise.all(
              items.map(async (a) => ({
                ...a,
                members: (await listParticipants(services.db, a.id))
                  .filter((p) => p.role === 'member')
                  .map(
                    (p) =>
                      `${p.organizationName}（${p.status === 'confirmed' ? '已确认' : p.status === 'declined' ? '已拒绝' : '待确认'}）`,
                  )
                  .join('；'),
              })),
            );
          }),
          filters: [
            { label: '榜单', value: challengeTitle },
            ...(status ? [{ label: '状态', value: APPLICATION_STATE_LABELS[status as ApplicationState] ?? status }] : []),
          ],
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
