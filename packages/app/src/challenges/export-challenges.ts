import { listChallenges, type ChallengeWithOrg } from '@scenebridge/db';
import { CHALLENGE_MODE_LABELS, CHALLENGE_STATE_LABELS, fenToWanText } from '@scenebridge/contract/challenges/labels';
import type { ChallengeState } from '@scenebridge/domain';
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
import { challengeListQuery, type ChallengeListFilters } from './list-challenges.js';

const SHEET = '揭榜挂帅榜单';

const COLUMNS: readonly ListColumn<ChallengeWithOrg>[] = [
  { header: '榜单名称', width: 36, value: (c) => c.title },
  { header: '发榜单位', width: 28, value: (c) => c.organizationName },
  { header: '状态', width: 12, value: (c) => CHALLENGE_STATE_LABELS[c.status as ChallengeState] ?? c.status },
  { header: '榜单金额（万元）', width: 16, value: (c) => fenToWanText(c.rewardFen) },
  {
    header: '揭榜方式',
    width: 14,
    value: (c) =>
      c.mode === 'horse_race' ? `${CHALLENGE_MODE_LABELS.horse_race}（最多${c.maxTeams}个团队）` : CHALLENGE_MODE_LABELS.single,
  },
  { header: '申报截止时间', width: 17, value: (c) => timeCell(c.applicationDeadline) },
  { header: '状态说明', width: 30, value: (c) => c.statusReason },
  { header: '创建时间', width: 17, value: (c) => timeCell(c.createdAt) },
  { header: '最后修改', width: 17, value: (c) => timeCell(c.updatedAt) },
];

/** 揭榜挂帅 list as XLSX: the caller's list (list query builder) with the page's filters, every row. */
export async function exportChallenges({
  services,
  actor,
  filters,
}: {
  services: Services;
  actor: Actor;
  filters: ChallengeListFilters;
}): Promise<PreparedExport> {
  const query = challengeListQuery(actor, filters);
  const described: ExportFilter[] = [];
  if (filters.mine) described.push({ label: '范围', value: '本单位发布的榜单' });
  if (filters.status) described.push({ label: '状态', value: CHALLENGE_STATE_LABELS[filters.status as ChallengeState] ?? filters.status });
  if (filters.q) described.push({ label: '关键词', value: filters.q });
  const exportedAt = services.now();
  return {
    fileName: exportFileName(SHEET, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) => (await listChallenges(services.db, { ...query, limit, offset })).items),
          filters: described,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
