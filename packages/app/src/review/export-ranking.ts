import {
  LIST_TYPE_LABELS,
  REVIEW_ASSIGNMENT_STATE_LABELS,
  round2,
  sectorName,
  SUBMISSION_STATE_LABELS,
  type ListType,
  type ReviewAssignmentState,
  type ReviewScheme,
  type SubmissionState,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import {
  dataSheet,
  exportFileName,
  exporterName,
  shanghaiDateTime,
  writeListWorkbook,
  type ExportFilter,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { authorizeReview } from './policy.js';
import { loadRanking } from './rank-call.js';

const SHEET = '评审排名';
const DETAIL_SHEET = '评分明细';

/** The ranking page's own filters (applied on the page as here). */
export interface RankingExportFilters {
  /** The item's status, e.g. in_review or selected. */
  status?: string;
  /** Part of the item's title or of its organisation's name. */
  q?: string;
  /** Only items whose reviewers disagree by more than the threshold (分歧较大). */
  spread?: boolean;
}

type Ranked = Awaited<ReturnType<typeof loadRanking>>['items'][number];
type Assignment = Ranked['assignments'][number];
interface DetailRow {
  item: Ranked;
  a: Assignment;
}

const yes = (b: boolean) => (b ? '是' : '否');
const submitted = (a: Assignment) => a.assignment.status === 'submitted';
const scoresOf = (a: Assignment) => a.assignment.scores as Record<string, number>;
const criterionHeader = (c: ReviewScheme['criteria'][number]) => `${c.name}（${c.weight}%）`;

/** The mean of the reviewers' submitted scores for one criterion, to 2 decimals; null without any. */
function criterionMean(item: Ranked, key: string): number | null {
  const scores = item.assignments
    .filter(submitted)
    .map((a) => scoresOf(a)[key])
    .filter((s): s is number => typeof s === 'number');
  return scores.length === 0 ? null : round2(scores.reduce((x, y) => x + y, 0) / scores.length);
}

/** The reviewer's comments, one line per criterion commented on, in the scheme's order. */
function commentText(criteria: ReviewScheme['criteria'], a: Assignment): string | null {
  const comments = a.assignment.comments as Record<string, string>;
  const names = new Map(criteria.map((c) => [c.key, c.name]));
  const keys = [...criteria.map((c) => c.key), ...Object.keys(comments).filter((k) => !names.has(k))];
  const lines = keys.filter((k) => comments[k]?.trim()).map((k) => `${names.get(k) ?? k}：${comments[k]!.trim()}`);
  return lines.length ? lines.join('\n') : null;
}

function rankingColumns(criteria: ReviewScheme['criteria']): ListColumn<Ranked>[] {
  return [
    { header: '排名', width: 8, value: (r) => r.ranked.rank },
    { header: '并列', width: 6, value: (r) => (r.ranked.rank === null ? null : yes(r.ranked.tied)) },
    { header: '项目名称', width: 36, value: (r) => r.item.title },
    { header: '填报单位', width: 28, value: (r) => r.item.organizationName },
    { header: '清单类型', width: 10, value: (r) => LIST_TYPE_LABELS[r.item.listType as ListType] ?? r.item.listType },
    { header: '所属领域', width: 12, value: (r) => (r.item.sector ? sectorName(r.item.sector) : null) },
    { header: '平均分', width: 10, value: (r) => r.ranked.mean },
    ...criteria.map((c) => ({ header: `${criterionHeader(c)}均分`, width: 14, value: (r: Ranked) => criterionMean(r, c.key) })),
    { header: '已评分专家数', width: 12, value: (r) => r.ranked.count },
    { header: '分配专家数', width: 12, value: (r) => r.assignments.filter((a) => a.assignment.status !== 'conflict_declared').length },
    { header: '去掉最高最低分', width: 14, value: (r) => yes(r.ranked.trimmed) },
    { header: '最高分', width: 10, value: (r) => r.ranked.max },
    { header: '最低分', width: 10, value: (r) => r.ranked.min },
    { header: '分差', width: 8, value: (r) => (r.ranked.count > 0 ? r.ranked.spread : null) },
    { header: '分歧较大', width: 10, value: (r) => yes(r.ranked.spreadFlag) },
    { header: '遴选状态', width: 10, value: (r) => SUBMISSION_STATE_LABELS[r.item.status as SubmissionState] ?? r.item.status },
    { header: '状态说明', width: 30, value: (r) => r.item.statusReason },
  ];
}

function detailColumns(criteria: ReviewScheme['criteria']): ListColumn<DetailRow>[] {
  return [
    { header: '排名', width: 8, value: (d) => d.item.ranked.rank },
    { header: '项目名称', width: 36, value: (d) => d.item.item.title },
    { header: '填报单位', width: 28, value: (d) => d.item.item.organizationName },
    { header: '评审专家', width: 14, value: (d) => d.a.reviewerName },
    {
      header: '任务状态',
      width: 10,
      value: (d) => REVIEW_ASSIGNMENT_STATE_LABELS[d.a.assignment.status as ReviewAssignmentState] ?? d.a.assignment.status,
    },
    // Scores count once submitted: a draft the reviewer may still change is not shown.
    ...criteria.map((c) => ({
      header: criterionHeader(c),
      width: 14,
      value: (d: DetailRow) => (submitted(d.a) ? (scoresOf(d.a)[c.key] ?? null) : null),
    })),
    { header: '加权总分', width: 10, value: (d) => (submitted(d.a) ? d.a.assignment.weightedScore : null) },
    { header: '评审意见', width: 40, value: (d) => (submitted(d.a) ? commentText(criteria, d.a) : null) },
    { header: '提交时间', width: 17, value: (d) => (d.a.assignment.submittedAt ? shanghaiDateTime(d.a.assignment.submittedAt) : null) },
    { header: '声明回避', width: 10, value: (d) => yes(d.a.assignment.status === 'conflict_declared') },
    { header: '回避原因', width: 30, value: (d) => d.a.assignment.conflictReason },
  ];
}

async function* once<T>(rows: readonly T[]) {
  if (rows.length > 0) yield rows;
}

/**
 * 评审排名 as XLSX for the operator: the call's ranking in the page's order with the page's
 * filters, the mean per criterion of the call's review scheme, and a sheet 评分明细 with one row
 * per item and reviewer. Same authorization as the ranking; the operator sees every name there
 * (blind review hides the submitter from reviewers, not from the operator).
 *
 * The ranking is computed whole (ties and trimming need every score of the call), so its rows
 * are written from memory; the file itself is streamed.
 */
export async function exportRanking({
  services,
  actor,
  callId,
  filters,
}: {
  services: Services;
  actor: Actor;
  callId: string;
  filters: RankingExportFilters;
}): Promise<PreparedExport> {
  authorizeReview(actor, 'rank');
  const { call, items } = await loadRanking(services, callId);
  const criteria = (call.reviewScheme as ReviewScheme).criteria;
  const q = filters.q?.trim() ?? '';
  const shown = items.filter(
    (r) =>
      (!filters.status || r.item.status === filters.status) &&
      (!filters.spread || r.ranked.spreadFlag) &&
      (!q || r.item.title.includes(q) || r.item.organizationName.includes(q)),
  );
  const details: DetailRow[] = shown.flatMap((item) => item.assignments.map((a) => ({ item, a })));

  const described: ExportFilter[] = [{ label: '征集', value: call.title }];
  if (filters.status)
    described.push({ label: '遴选状态', value: SUBMISSION_STATE_LABELS[filters.status as SubmissionState] ?? filters.status });
  if (q) described.push({ label: '关键词', value: q });
  if (filters.spread) described.push({ label: '仅看分歧较大', value: '是' });
  const exportedAt = services.now();
  return {
    fileName: exportFileName(`${SHEET}_${call.title.slice(0, 40)}`, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: rankingColumns(criteria),
          pages: once(shown),
          moreSheets: [dataSheet({ name: DETAIL_SHEET, columns: detailColumns(criteria), pages: once(details) })],
          filters: described,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
