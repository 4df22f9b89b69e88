/** Display helpers shared by the XLSX, DOCX, Atom and OCDS writers. All pure. */
import { PLATFORM_TIME_ZONE, regionFullName, sectorName, techFieldName } from '@scenebridge/domain';
import type { DocumentListType, PublishedBatch, PublishedEntry } from './types.js';

/** Shown when the owner chose not to publish a contact. */
export const CONTACT_VIA_PLATFORM = '通过平台联系';
/** Shown for an empty optional field (region). */
export const EMPTY_FIELD = '—';

export const LIST_TYPE_LABEL: Record<DocumentListType, string> = {
  scenario_need: '场景需求清单',
  capability: '场景能力清单',
  benchmark_case: '标杆案例清单',
};

/** A 标杆案例清单 has no call: its documents print the case's facts instead of the call's window. */
export const isBenchmarkList = (batch: Pick<PublishedBatch, 'listType'>) => batch.listType === 'benchmark_case';
export const displayOptional = (v: string | null | undefined) => (v && v.trim() ? v.trim() : EMPTY_FIELD);

const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PLATFORM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function toDate(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${iso}`);
  return d;
}

/** '2026年11月22日' — the calendar day in Asia/Shanghai. */
export function formatChineseDate(iso: string): string {
  const parts = dateParts.formatToParts(toDate(iso));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日`;
}

/** 征集时间: the planned window as announced, and the early close when there was one. */
export function callWindowText(batch: { callOpensAt: string; callClosesAt: string; callClosedAt?: string | null }): string {
  const planned = `${formatChineseDate(batch.callOpensAt)}至${formatChineseDate(batch.callClosesAt)}`;
  const early = batch.callClosedAt && Date.parse(batch.callClosedAt) < Date.parse(batch.callClosesAt);
  return early ? `${planned}（已于${formatChineseDate(batch.callClosedAt!)}提前截止）` : planned;
}

/** Normalises an ISO timestamp to UTC 'YYYY-MM-DDTHH:mm:ss.sssZ' (RFC 3339, as Atom and OCDS want). */
export function toRfc3339(iso: string): string {
  return toDate(iso).toISOString();
}

/** The later of two ISO timestamps (by instant). */
export function laterOf(a: string, b: string | null | undefined): string {
  if (!b) return a;
  return toDate(b).getTime() > toDate(a).getTime() ? b : a;
}

/** Latest change in a batch: its publication or the newest correction. */
export function batchUpdatedAt(batch: PublishedBatch): string {
  return batch.entries.reduce((acc, e) => laterOf(acc, e.correctedAt), batch.publishedAt);
}

export const displaySector = (code: string) => sectorName(code);
export const displayTechFields = (codes: readonly string[]) => codes.map(techFieldName).join('、');
export const displayRegion = (code: string | null) => (code ? regionFullName(code) : EMPTY_FIELD);
export const displayContact = (contact: string | null) => (contact && contact.trim() ? contact.trim() : CONTACT_VIA_PLATFORM);

/** '需求描述不准确，已更正（第2版，2026年12月1日更正）', or '' for an uncorrected entry. */
export function displayErratum(entry: PublishedEntry): string {
  if (entry.version <= 1 && !entry.erratum) return '';
  const when = entry.correctedAt ? `，${formatChineseDate(entry.correctedAt)}更正` : '';
  return `${entry.erratum?.trim() || '已更正'}（第${entry.version}版${when}）`;
}

/**
 * The entries ordered by seq. Throws on a malformed snapshot (duplicate or non-positive seq,
 * version < 1): the writers would otherwise produce two entries with one number or ocid.
 */
export function orderedEntries(batch: PublishedBatch): PublishedEntry[] {
  const seen = new Set<number>();
  for (const e of batch.entries) {
    if (!Number.isInteger(e.seq) || e.seq < 1) throw new RangeError(`Entry ${e.submissionId}: invalid seq ${e.seq}`);
    if (!Number.isInteger(e.version) || e.version < 1) throw new RangeError(`Entry ${e.seq}: invalid version ${e.version}`);
    if (seen.has(e.seq)) throw new RangeError(`Batch ${batch.id}: duplicate seq ${e.seq}`);
    seen.add(e.seq);
  }
  return [...batch.entries].sort((a, b) => a.seq - b.seq);
}

/** A download file name from the batch title: '2026年第3批人工智能场景机会清单.xlsx'. */
export function publicationFileName(batch: Pick<PublishedBatch, 'title' | 'id'>, ext: 'xlsx' | 'docx' | 'json'): string {
  const base =
    batch.title
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .trim()
      .slice(0, 120) || batch.id;
  return `${base}.${ext}`;
}
