/**
 * 免申即享 rows: a measure's list for the operator (and its Excel export), and the caller's
 * organisation's own rows.
 */
import type { RedemptionJson, RedemptionList } from '@scenebridge/contract/policies';
import { listRedemptions, type RedemptionFilter, type RedemptionListRow } from '@scenebridge/db';
import { forbidden } from '@scenebridge/domain';
import { REDEMPTION_STAGES, type RedemptionStage } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isOrgUser, type Actor, type Services } from '../context.js';
import {
  exportFileName,
  exporterName,
  pagesOf,
  timeCell,
  writeListWorkbook,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { authorizeRedemptionOperator, measureOfPolicy } from './redemption-access.js';

export const REDEMPTION_STAGE_LABELS: Record<RedemptionStage, string> = {
  matched: '待确认',
  confirmed: '已确认',
  declined: '已谢绝',
  redeemed: '已兑现',
};

export const redemptionListQuery = z.object({
  stage: z.enum(REDEMPTION_STAGES, { message: '阶段不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RedemptionListQuery = z.infer<typeof redemptionListQuery>;

export function presentRedemption({ r, ...x }: RedemptionListRow): RedemptionJson {
  return {
    id: r.id,
    organization: { id: r.organizationId, name: x.organizationName },
    measure: { id: r.measureId, path: x.measurePath, heading: x.measureHeading },
    policy: { id: x.policyId, title: x.policyTitle },
    stage: r.stage as RedemptionStage,
    checks: r.checks as RedemptionJson['checks'],
    matchedAt: r.matchedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    redeemedAt: r.redeemedAt?.toISOString() ?? null,
    amountFen: r.amountFen,
    note: r.note,
  };
}

async function page(
  services: Services,
  filter: Omit<RedemptionFilter, 'limit' | 'offset'>,
  q: RedemptionListQuery,
): Promise<RedemptionList> {
  const { items, total } = await listRedemptions(services.db, { ...filter, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map(presentRedemption), total, page: q.page, pageSize: q.pageSize };
}

interface MeasureArgs {
  services: Services;
  actor: Actor;
  policyId: string;
  measureId: string;
  query: RedemptionListQuery;
}

export async function listMeasureRedemptions({ services, actor, policyId, measureId, query }: MeasureArgs): Promise<RedemptionList> {
  authorizeRedemptionOperator(actor);
  await measureOfPolicy(services.db, policyId, measureId);
  return page(services, { measureId, stage: query.stage }, query);
}

export async function myRedemptions({ services, actor, query }: { services: Services; actor: Actor; query: RedemptionListQuery }) {
  if (!isOrgUser(actor)) throw forbidden('只有机构用户有免申即享记录');
  return page(services, { organizationId: actor.organizationId, stage: query.stage }, query);
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const COLUMNS: ListColumn<RedemptionJson>[] = [
  { header: '单位名称', width: 30, value: (r) => r.organization.name },
  { header: '阶段', width: 10, value: (r) => REDEMPTION_STAGE_LABELS[r.stage] },
  { header: '比对结果', width: 60, value: (r) => r.checks.map((c) => c.reason).join('\n') },
  { header: '比对时间', width: 18, value: (r) => timeCell(new Date(r.matchedAt)) },
  { header: '确认/谢绝时间', width: 18, value: (r) => timeCell(r.decidedAt ? new Date(r.decidedAt) : null) },
  { header: '兑现时间', width: 18, value: (r) => timeCell(r.redeemedAt ? new Date(r.redeemedAt) : null) },
  { header: '兑现金额（元）', width: 14, value: (r) => yuan(r.amountFen) },
  { header: '备注', width: 30, value: (r) => r.note },
];

/** Cells go through the list-workbook helpers, which neutralise formulas (=, +, -, @). */
export async function exportMeasureRedemptions({ services, actor, policyId, measureId, query }: MeasureArgs): Promise<PreparedExport> {
  authorizeRedemptionOperator(actor);
  const { m } = await measureOfPolicy(services.db, policyId, measureId);
  const exportedAt = services.now();
  const sheetName = `免申即享_${m.path}`;
  return {
    fileName: exportFileName(sheetName, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) =>
            (await listRedemptions(services.db, { measureId, stage: query.stage, limit, offset })).items.map(presentRedemption),
          ),
          filters: query.stage ? [{ label: '阶段', value: REDEMPTION_STAGE_LABELS[query.stage] }] : [],
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
