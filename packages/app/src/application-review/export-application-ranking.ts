import { APPLICATION_STATE_LABELS } from '@scenebridge/contract/applications/labels';
import { REVIEW_ASSIGNMENT_STATE_LABELS, round2, type ApplicationState, type ReviewAssignmentState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import {
  dataSheet,
  exportFileName,
  exporterName,
  timeCell,
  writeListWorkbook,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { loadApplicationRanking } from './rank-applications.js';
import { challengeForOperator, schemeOf } from './rules.js';

const SHEET = '揭榜评审排名';
const DETAIL_SHEET = '评分明细';

type Ranked = Awaited<ReturnType<typeof loadApplicationRanking>>['items'][number];
type Review = Ranked['reviews'][number];
type Criterion = { key: string; name: string; weight: number };

const yes = (b: boolean) => (b ? '是' : '否');
const submitted = (r: Review) => r.review.status === 'submitted';
const scoresOf = (r: Review) => r.review.scores as Record<string, number>;
const yuan = (fen: number) => round2(fen / 100);

function criterionMean(item: Ranked, key: string): number | null {
  const xs = item.reviews
    .filter(submitted)
    .map((r) => scoresOf(r)[key])
    .filter((s): s is number => typeof s === 'number');
  return xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length);
}

function rankingColumns(criteria: readonly Criterion[]): ListColumn<Ranked>[] {
  return [
    { header: '排名', width: 8, value: (r) => r.ranked.rank },
    { header: '并列', width: 6, value: (r) => (r.ranked.rank === null ? null : yes(r.ranked.tied)) },
    { header: '牵头单位', width: 28, value: (r) => r.item.leadOrganizationName },
    { header: '联合体成员', width: 36, value: (r) => r.item.memberNames.join('、') || null },
    { header: '报价（元）', width: 14, value: (r) => yuan(r.item.quoteFen) },
    { header: '平均分', width: 10, value: (r) => r.ranked.mean },
    ...criteria.map((c) => ({ header: `${c.name}（${c.weight}%）均分`, width: 14, value: (r: Ranked) => criterionMean(r, c.key) })),
    { header: '已评分专家数', width: 12, value: (r) => r.ranked.count },
    { header: '去掉最高最低分', width: 14, value: (r) => yes(r.ranked.trimmed) },
    { header: '分差', width: 8, value: (r) => (r.ranked.count > 0 ? r.ranked.spread : null) },
    { header: '分歧较大', width: 10, value: (r) => yes(r.ranked.spreadFlag) },
    { header: '申报状态', width: 10, value: (r) => APPLICATION_STATE_LABELS[r.item.status as ApplicationState] ?? r.item.status },
  ];
}

interface DetailRow {
  item: Ranked;
  r: Review;
}
function detailColumns(criteria: readonly Criterion[]): ListColumn<DetailRow>[] {
  return [
    { header: '排名', width: 8, value: (d) => d.item.ranked.rank },
    { header: '牵头单位', width: 28, value: (d) => d.item.item.leadOrganizationName },
    { header: '评审专家', width: 14, value: (d) => d.r.reviewerName },
    {
      header: '任务状态',
      width: 10,
      value: (d) => REVIEW_ASSIGNMENT_STATE_LABELS[d.r.review.status as ReviewAssignmentState] ?? d.r.review.status,
    },
    ...criteria.map((c) => ({
      header: `${c.name}（${c.weight}%）`,
      width: 14,
      value: (d: DetailRow) => (submitted(d.r) ? (scoresOf(d.r)[c.key] ?? null) : null),
    })),
    { header: '加权总分', width: 10, value: (d) => (submitted(d.r) ? d.r.review.weightedScore : null) },
    {
      header: '评审意见',
      width: 40,
      value: (d) => {
        if (!submitted(d.r)) return null;
        const comments = d.r.review.comments as Record<string, string>;
        const lines = criteria.filter((c) => comments[c.key]?.trim()).map((c) => `${c.name}：${comments[c.key]!.trim()}`);
        return lines.length ? lines.join('\n') : null;
      },
    },
    { header: '提交时间', width: 17, value: (d) => timeCell(d.r.review.submittedAt) },
    { header: '回避原因', width: 30, value: (d) => d.r.review.conflictReason },
  ];
}

async function* once<T>(rows: readonly T[]) {
  if (rows.length > 0) yield rows;
}

/**
 * The ranking as XLSX for the operator, in the page's order, with a sheet of every reviewer's
 * scores. Every text cell goes through the workbook writer, which neutralises formulas.
 */
export async function exportApplicationRanking({
  services,
  actor,
  challengeId,
}: {
  services: Services;
  actor: Actor;
  challengeId: string;
}): Promise<PreparedExport> {
  const challenge = await challengeForOperator(services.db, actor, challengeId);
  const { items } = await loadApplicationRanking(services, challenge);
  const criteria = schemeOf(challenge).criteria;
  const details = items.flatMap((item) => item.reviews.map((r) => ({ item, r })));
  const exportedAt = services.now();
  return {
    fileName: exportFileName(`${SHEET}_${challenge.title.slice(0, 40)}`, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: SHEET,
          columns: rankingColumns(criteria),
          pages: once(items),
          moreSheets: [dataSheet({ name: DETAIL_SHEET, columns: detailColumns(criteria), pages: once(details) })],
          filters: [{ label: '榜单', value: challenge.title }],
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
