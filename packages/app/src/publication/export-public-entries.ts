/**
 * 导出 Excel of the public lists: every published entry a filtered list shows (all its pages, not
 * only the one on screen), in the list's order, with what the portal shows of each and nothing
 * else (the contact only as published: the owner's public contact or 通过平台联系).
 *
 * The rows come from the same reads as the lists themselves (the portal's pages and the JSON
 * API's GET /public/entries alike): a keyword goes through the search engine over published
 * listings only, ranked, exactly as `searchPublicEntries`; without one the list is
 * `listPublicEntries` in published order.
 *
 * Size: at most MAX_PUBLIC_EXPORT_ROWS rows. The search engine never ranks more than that many
 * (a capped result is exported as the page shows it, the best of them, and 导出说明 says so); a
 * list without a keyword that matches more is refused before anything is written, with a
 * Chinese message asking for narrower filters, instead of building a file for any anonymous
 * visitor who asks for the whole published history.
 */
import { findBatch, listPublicEntries, type BatchEntryRow, type PublicEntryQuery } from '@scenebridge/db';
import { DomainError, regionFullName, sectorName, techFieldName, type ListType } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { MAX_RESULT_WINDOW, searchPublished } from '../search/index.js';
import {
  EXPORT_PAGE_SIZE,
  exportFileName,
  pagesOf,
  writeListWorkbook,
  type ExportFilter,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { displayContact, displayRegion, displayTechFields, EMPTY_FIELD, formatChineseDate, LIST_TYPE_LABEL } from './documents/index.js';
import type { PublishedListType } from './documents/index.js';
import { entriesOfListings } from './search-public-entries.js';

/**
 * The most rows one export of a public list holds: the search engine's result window
 * (MAX_RESULT_WINDOW, not referenced here at load time: search and publication import each other).
 */
export const MAX_PUBLIC_EXPORT_ROWS = 10_000;
/** Who exported, when the caller is not signed in (the portal never knows). */
export const PUBLIC_EXPORTER = '公众访问';

export interface PublicEntryExportFilters {
  listType?: ListType;
  sector?: string;
  techField?: string;
  regionCode?: string;
  batchId?: string;
  q?: string;
}

type Row = { entry: BatchEntryRow; batchTitle: string };

const listLabel = (t: string) => LIST_TYPE_LABEL[t as PublishedListType] ?? t;

const COLUMNS: readonly ListColumn<Row>[] = [
  { header: '序号', width: 6, value: (r) => r.entry.seq },
  { header: '名称', width: 36, value: (r) => r.entry.name },
  { header: '发布单位', width: 28, value: (r) => r.entry.issuer },
  { header: '清单类型', width: 14, value: (r) => listLabel(r.entry.listType) },
  { header: '所属领域', width: 12, value: (r) => sectorName(r.entry.sector) },
  { header: '技术领域', width: 20, value: (r) => (r.entry.techFields.length ? displayTechFields(r.entry.techFields) : EMPTY_FIELD) },
  { header: '所在地区', width: 18, value: (r) => displayRegion(r.entry.regionCode) },
  { header: '描述', width: 60, value: (r) => r.entry.description },
  { header: '联系方式', width: 28, value: (r) => displayContact(r.entry.contact) },
  { header: '所属批次', width: 36, value: (r) => r.batchTitle },
  { header: '发布日期', width: 16, value: (r) => formatChineseDate(r.entry.publishedAt.toISOString()) },
];

export const tooManyToExport = (total: number) =>
  new DomainError(
    'EXPORT_TOO_LARGE',
    `符合条件的条目共${total}项，超过单次导出上限${MAX_PUBLIC_EXPORT_ROWS}项。请增加筛选条件（如所属领域、地区或批次）缩小范围后再导出，或在发布批次页面下载整批清单。`,
    400,
  );

async function describe(services: Services, f: PublicEntryExportFilters): Promise<ExportFilter[]> {
  const out: ExportFilter[] = [];
  if (f.listType) out.push({ label: '清单类型', value: listLabel(f.listType) });
  if (f.sector) out.push({ label: '所属领域', value: sectorName(f.sector) });
  if (f.techField) out.push({ label: '技术领域', value: techFieldName(f.techField) });
  if (f.regionCode) out.push({ label: '所在地区', value: regionFullName(f.regionCode) });
  if (f.batchId) {
    // Every batch is public; an unknown id is named as given (the list is then empty).
    const batch = await findBatch(services.db, f.batchId);
    out.push({ label: '批次', value: batch?.title ?? f.batchId });
  }
  if (f.q) out.push({ label: '关键词', value: f.q });
  return out;
}

/** Pages of the ranked hits: all ids at once from the engine, the entries read 500 at a time. */
async function* searchPages(services: Services, ids: readonly string[]) {
  for (let i = 0; i < ids.length; i += EXPORT_PAGE_SIZE) {
    const page = await entriesOfListings(services, ids.slice(i, i + EXPORT_PAGE_SIZE));
    if (page.length > 0) yield page;
  }
}

export async function exportPublicEntries({
  services,
  filters,
  title,
  exportedBy = PUBLIC_EXPORTER,
}: {
  services: Services;
  filters: PublicEntryExportFilters;
  /** The data sheet's and the file's name; by default the list type's label or 已发布清单条目. */
  title?: string;
  exportedBy?: string;
}): Promise<PreparedExport & { total: number }> {
  const sheetName = title ?? (filters.listType ? listLabel(filters.listType) : '已发布清单条目');
  const described = await describe(services, filters);
  const exportedAt = services.now();
  const { q, ...f } = filters;
  let pages: AsyncIterable<readonly Row[]>;
  let total: number;

  if (q) {
    const found = await searchPublished({
      services,
      params: { ...f, q, offset: 0, limit: Math.min(MAX_RESULT_WINDOW, MAX_PUBLIC_EXPORT_ROWS) },
    });
    total = found.total;
    if (found.capped) described.push({ label: '检索范围', value: `匹配条目较多，仅含最相关的${found.ids.length}项（与列表显示一致）` });
    pages = searchPages(services, found.ids);
  } else {
    const query: Omit<PublicEntryQuery, 'limit' | 'offset'> = f;
    // The first page also counts the matches: too many is refused before a byte is written.
    const first = await listPublicEntries(services.db, { ...query, limit: EXPORT_PAGE_SIZE, offset: 0 });
    total = first.total;
    if (total > MAX_PUBLIC_EXPORT_ROWS) throw tooManyToExport(total);
    pages = pagesOf(async (limit, offset) => {
      if (offset === 0) return first.items;
      // Entries published while the file is written do not push it past the bound.
      const left = MAX_PUBLIC_EXPORT_ROWS - offset;
      return left <= 0 ? [] : (await listPublicEntries(services.db, { ...query, limit: Math.min(limit, left), offset })).items;
    });
  }

  return {
    fileName: exportFileName(sheetName, exportedAt),
    total,
    write: (output) => writeListWorkbook({ sheetName, columns: COLUMNS, pages, filters: described, exportedBy, exportedAt }, output),
  };
}
