/** 导出 Excel of the registration lists: the list's own query builder, every row, the filters described. */
import { listTechContracts, type TechContractWithNames } from '@scenebridge/db';
import {
  CONTRACT_REGISTRATION_STATE_LABELS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_VERSION_KIND_LABELS,
  fenToWanText,
  LEGAL_NATURE_LABELS,
  PAYMENT_METHOD_LABELS,
} from '@scenebridge/contract/contracts/labels';
import { deadlineState, forbidden, regionFullName, shanghaiDate } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  exporterName,
  pagesOf,
  timeCell,
  writeListWorkbook,
  type ExportFilter,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { presentContext } from './context.js';
import { contractListQuery, contractQueueQuery, type ContractListFilters, type ContractQueueFilters } from './list-contracts.js';
import { handlesContracts } from './policy.js';

const label = <K extends string>(labels: Record<K, string>, code: string) => labels[code as K] ?? code;

const COLUMNS: readonly ListColumn<TechContractWithNames>[] = [
  { header: '登记编号', width: 20, value: (c) => c.registrationNo },
  { header: '项目名称', width: 36, value: (c) => c.projectName },
  { header: '合同类型', width: 26, value: (c) => label(CONTRACT_TYPE_LABELS, c.contractType) },
  { header: '登记类别', width: 10, value: (c) => label(CONTRACT_VERSION_KIND_LABELS, c.kind) },
  { header: '版本', width: 6, value: (c) => c.versionNo },
  { header: '状态', width: 12, value: (c) => label(CONTRACT_REGISTRATION_STATE_LABELS, c.status) },
  { header: '卖方', width: 28, value: (c) => c.sellerName },
  { header: '卖方统一社会信用代码', width: 22, value: (c) => c.sellerCreditCode },
  { header: '卖方所在地区', width: 16, value: (c) => regionFullName(c.sellerRegionCode) },
  { header: '卖方法人性质', width: 22, value: (c) => label(LEGAL_NATURE_LABELS, c.sellerNatureCode) },
  { header: '买方', width: 28, value: (c) => c.buyerName },
  { header: '买方统一社会信用代码', width: 22, value: (c) => c.buyerCreditCode },
  { header: '买方所在地区', width: 16, value: (c) => regionFullName(c.buyerRegionCode) },
  { header: '买方法人性质', width: 22, value: (c) => label(LEGAL_NATURE_LABELS, c.buyerNatureCode) },
  { header: '签订日期', width: 12, value: (c) => c.signedOn },
  { header: '有效期起', width: 12, value: (c) => c.validFrom },
  { header: '有效期止', width: 12, value: (c) => c.validUntil },
  { header: '合同成交额（万元）', width: 16, value: (c) => fenToWanText(c.contractAmountFen) },
  { header: '技术交易额（万元）', width: 16, value: (c) => fenToWanText(c.technologyAmountFen) },
  { header: '支付方式', width: 20, value: (c) => label(PAYMENT_METHOD_LABELS, c.paymentMethod) },
  { header: '提交时间', width: 17, value: (c) => timeCell(c.submittedAt) },
  { header: '法定办结日', width: 12, value: (c) => c.dueOn },
  { header: '登记时间', width: 17, value: (c) => timeCell(c.registeredAt) },
  { header: '状态说明', width: 30, value: (c) => c.statusReason },
  { header: '变更/注销原因', width: 30, value: (c) => c.versionNote },
];

export async function exportContracts({
  services,
  actor,
  filters,
}: {
  services: Services;
  actor: Actor;
  filters: ContractListFilters;
}): Promise<PreparedExport> {
  const query = contractListQuery(actor, filters);
  const described: ExportFilter[] = [];
  described.push({ label: '范围', value: query.sellerOrganizationId ? '本单位的登记' : '全部登记' });
  if (filters.status) described.push({ label: '状态', value: label(CONTRACT_REGISTRATION_STATE_LABELS, filters.status) });
  if (filters.contractType) described.push({ label: '合同类型', value: label(CONTRACT_TYPE_LABELS, filters.contractType) });
  if (filters.kind) described.push({ label: '登记类别', value: label(CONTRACT_VERSION_KIND_LABELS, filters.kind) });
  if (filters.current) described.push({ label: '仅当前有效版本', value: '是' });
  if (filters.signedFrom) described.push({ label: '签订日期起', value: filters.signedFrom });
  if (filters.signedTo) described.push({ label: '签订日期止', value: filters.signedTo });
  if (filters.q) described.push({ label: '关键词', value: filters.q });
  const exportedAt = services.now();
  const sheet = '技术合同登记';
  return {
    fileName: exportFileName(sheet, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: sheet,
          columns: COLUMNS,
          pages: pagesOf(async (limit, offset) => (await listTechContracts(services.db, { ...query, limit, offset })).items),
          filters: described,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}

export async function exportContractQueue({
  services,
  actor,
  filters,
}: {
  services: Services;
  actor: Actor;
  filters: ContractQueueFilters;
}): Promise<PreparedExport> {
  if (!handlesContracts(actor)) throw forbidden('只有技术合同登记员或平台运营方可以导出登记队列');
  const exportedAt = services.now();
  const ctx = await presentContext(services.db, actor, exportedAt);
  const query = contractQueueQuery(filters, shanghaiDate(exportedAt), ctx.calendar, ctx.rules);
  const flag = (c: TechContractWithNames) => {
    if (!c.dueOn) return null;
    const s = deadlineState(c.dueOn, exportedAt, ctx.calendar, ctx.rules);
    return s.overdue
      ? `已超期${-s.workingDaysLeft}个工作日`
      : s.dueSoon
        ? `即将到期（剩${s.workingDaysLeft}个工作日）`
        : `剩${s.workingDaysLeft}个工作日`;
  };
  const described: ExportFilter[] = [];
  if (filters.status) described.push({ label: '状态', value: label(CONTRACT_REGISTRATION_STATE_LABELS, filters.status) });
  if (filters.dueSoon) described.push({ label: '即将到期', value: '是' });
  if (filters.overdue) described.push({ label: '已超期', value: '是' });
  if (filters.q) described.push({ label: '关键词', value: filters.q });
  const sheet = '技术合同登记待办';
  return {
    fileName: exportFileName(sheet, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: sheet,
          columns: [
            ...COLUMNS,
            { header: '办理时限', width: 22, value: flag },
            { header: '专家评审（30个工作日）', width: 12, value: (c) => (c.expertReview ? '是' : '否') },
          ],
          pages: pagesOf(async (limit, offset) => (await listTechContracts(services.db, { ...query, order: 'due', limit, offset })).items),
          filters: described,
          exportedBy: exporterName(actor),
          exportedAt,
        },
        output,
      ),
  };
}
