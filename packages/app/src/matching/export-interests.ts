import type { interestsOn } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { loadVisibleListing } from '../search/index.js';
import {
  exportFileName,
  exporterName,
  shanghaiDateTime,
  writeListWorkbook,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { visibleInterests } from './list-interests.js';

const SHEET = '对接意向';

type InterestRow = Awaited<ReturnType<typeof interestsOn>>[number] & { otherId: string; otherTitle: string | null };

const COLUMNS: readonly ListColumn<InterestRow>[] = [
  { header: '时间', width: 17, value: (r) => shanghaiDateTime(r.interest.createdAt) },
  { header: '发起单位', width: 28, value: (r) => r.organizationName },
  { header: '发起人', width: 12, value: (r) => r.userName },
  { header: '发起方', width: 12, value: (r) => (r.interest.fromSide === 'capability' ? '能力方发起' : '需求方发起') },
  { header: '对方条目', width: 36, value: (r) => r.otherTitle ?? '（无权查看）' },
  { header: '对方条目编号', width: 38, value: (r) => r.otherId },
  { header: '留言', width: 40, value: (r) => r.interest.message },
];

/**
 * 对接意向 of one listing as XLSX: the rows the caller's list shows (owner organisation,
 * operators, brokers: all; others: their own organisation's), newest first. The other side of
 * each interest is named by its title only where the caller may open it; otherwise by its id,
 * which the list gives too.
 */
export async function exportInterests({ services, actor, id }: { services: Services; actor: Actor; id: string }): Promise<PreparedExport> {
  const { listing, interests } = await visibleInterests(services, actor, id);
  const otherOf = (r: (typeof interests)[number]) => (listing.listType === 'scenario_need' ? r.interest.capabilityId : r.interest.needId);
  const titles = new Map<string, string | null>();
  for (const otherId of new Set(interests.map(otherOf))) {
    try {
      titles.set(otherId, (await loadVisibleListing(services, actor, otherId)).row.title);
    } catch (e) {
      if (!(e instanceof DomainError) || e.status !== 404) throw e;
      titles.set(otherId, null);
    }
  }
  const rows: InterestRow[] = interests.map((r) => ({ ...r, otherId: otherOf(r), otherTitle: titles.get(otherOf(r)) ?? null }));
  const exportedAt = services.now();
  return {
    fileName: exportFileName(`${SHEET}_${listing.title.slice(0, 30)}`, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: COLUMNS,
          pages: (async function* () {
            if (rows.length > 0) yield rows;
          })(),
          filters: [{ label: '条目', value: listing.title }],
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
