/**
 * 技术合同登记统计表 (GET /dashboard/report.xlsx): current registered contracts signed in the
 * period, contract types as rows and the seller's region as columns (largest turnover first),
 * each cell 项数 / 合同成交额 / 技术交易额 in 万元, with a title row, the period, the unit note
 * and a totals row and column, as a statistics office expects it. Every 万元 figure is computed
 * from the integer sum in 分 (`fenToWanYuan`, exact, two decimals), totals included — never by
 * adding rounded figures.
 */
import type { DashboardPeriodQuery } from '@scenebridge/contract/dashboard';
import { turnoverBreakdown } from '@scenebridge/db';
import {
  CONTRACT_TYPE_CATEGORIES,
  CONTRACT_TYPE_CATEGORY_LABELS,
  CONTRACT_TYPES,
  contractTypeCategory,
  spreadsheetCell,
} from '@scenebridge/domain';
import { fenToWanYuan } from '@scenebridge/domain/dashboard';
import ExcelJS from 'exceljs';
import type { Actor, Services } from '../context.js';
import { exportFileName, exporterName, shanghaiDateTime, type PreparedExport } from '../shared/index.js';
import { contractTypeLabel, regionLabel } from './labels.js';
import { periodOf } from './period.js';
import { authorizeDashboard } from './policy.js';

const TITLE = '技术合同登记统计表';
const MONEY_FORMAT = '#,##0.00';

interface Cell {
  count: number;
  contractFen: number;
  technologyFen: number;
}
const zero = (): Cell => ({ count: 0, contractFen: 0, technologyFen: 0 });
const add = (a: Cell, b: Cell) => {
  a.count += b.count;
  a.contractFen += b.contractFen;
  a.technologyFen += b.technologyFen;
};

export interface StatisticsReport {
  period: { from: string; to: string };
  regions: { code: string; name: string }[];
  rows: { type: string; name: string; cells: Cell[]; total: Cell }[];
  /** Subtotals per category (技术开发, 技术转让, 技术许可, 技术咨询, 技术服务), each over its sub-types' rows. */
  categories: { category: string; name: string; types: string[]; cells: Cell[]; total: Cell }[];
  totals: Cell[];
  total: Cell;
}

/** The report's figures (in 分): what the workbook lays out. */
export async function statisticsReport(services: Services, query: DashboardPeriodQuery): Promise<StatisticsReport> {
  const period = periodOf(query, services.now());
  const t = await turnoverBreakdown(services.db, period.from, period.to);
  const regions = t.byRegion.map((r) => ({ code: r.key, name: regionLabel(r.key) }));
  const regionIndex = new Map(regions.map((r, i) => [r.code, i]));
  const types = [...(CONTRACT_TYPES as readonly string[])];
  for (const c of t.byType) if (!types.includes(c.key)) types.push(c.key);
  const rows = types.map((type) => ({ type, name: contractTypeLabel(type), cells: regions.map(zero), total: zero() }));
  const rowIndex = new Map(types.map((type, i) => [type, i]));
  const totals = regions.map(zero);
  const total = zero();
  for (const c of t.byTypeAndRegion) {
    const cell = { count: c.count, contractFen: c.contractAmountFen, technologyFen: c.technologyAmountFen };
    const row = rows[rowIndex.get(c.type)!]!;
    const col = regionIndex.get(c.region)!;
    add(row.cells[col]!, cell);
    add(row.total, cell);
    add(totals[col]!, cell);
    add(total, cell);
  }
  const categories = CONTRACT_TYPE_CATEGORIES.map((category) => {
    const mine = rows.filter((r) => contractTypeCategory(r.type) === category);
    const cells = regions.map(zero);
    const sum = zero();
    for (const r of mine) {
      r.cells.forEach((c, i) => add(cells[i]!, c));
      add(sum, r.total);
    }
    return { category, name: CONTRACT_TYPE_CATEGORY_LABELS[category], types: mine.map((r) => r.type), cells, total: sum };
  });
  return { period: { from: period.from, to: period.to }, regions, rows, categories, totals, total };
}

const money = (fen: number) => Number(fenToWanYuan(fen));

export async function exportStatisticsReport({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: DashboardPeriodQuery;
}): Promise<PreparedExport> {
  authorizeDashboard(actor, 'export');
  const exportedAt = services.now();
  const report = await statisticsReport(services, query);
  return {
    fileName: exportFileName(TITLE, exportedAt),
    write: async (output) => {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'SceneBridge 场景桥';
      wb.created = exportedAt;
      const ws = wb.addWorksheet('统计表', { views: [{ state: 'frozen', xSplit: 1, ySplit: 5 }] });
      const width = 1 + 3 * (report.regions.length + 1);
      const text = (v: string) => spreadsheetCell(v);

      ws.mergeCells(1, 1, 1, width);
      ws.getCell(1, 1).value = TITLE;
      ws.getCell(1, 1).font = { bold: true, size: 16 };
      ws.getCell(1, 1).alignment = { horizontal: 'center' };
      ws.mergeCells(2, 1, 2, width);
      ws.getCell(2, 1).value =
        `统计期间：${report.period.from} 至 ${report.period.to}（按合同签订日期；仅计已登记且未被变更、注销的现行合同版本）`;
      ws.mergeCells(3, 1, 3, width);
      ws.getCell(3, 1).value =
        `单位：项、万元（由“分”精确换算，四舍五入保留两位小数）　制表时间：${shanghaiDateTime(exportedAt)}　制表人：${exporterName(actor)}`;

      // Two header rows: the region over its three columns, then 项数 / 合同成交额 / 技术交易额.
      ws.mergeCells(4, 1, 5, 1);
      ws.getCell(4, 1).value = '合同类型';
      const heads = [...report.regions.map((r) => `${r.name}（${r.code}）`), '合计'];
      heads.forEach((h, i) => {
        const col = 2 + i * 3;
        ws.mergeCells(4, col, 4, col + 2);
        ws.getCell(4, col).value = text(h);
        ws.getCell(5, col).value = '项数';
        ws.getCell(5, col + 1).value = '合同成交额';
        ws.getCell(5, col + 2).value = '技术交易额';
      });
      for (const r of [4, 5]) {
        ws.getRow(r).font = { bold: true };
        ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }

      const put = (rowNo: number, col: number, c: Cell) => {
        ws.getCell(rowNo, col).value = c.count;
        ws.getCell(rowNo, col + 1).value = money(c.contractFen);
        ws.getCell(rowNo, col + 1).numFmt = MONEY_FORMAT;
        ws.getCell(rowNo, col + 2).value = money(c.technologyFen);
        ws.getCell(rowNo, col + 2).numFmt = MONEY_FORMAT;
      };
      let rowNo = 6;
      // Each category's subtotal (bold), then its sub-types indented under 其中; a type of no
      // known category (none today) would follow on its own.
      const placed = new Set<string>();
      const line = (label: string, cells: Cell[], sum: Cell, bold = false) => {
        ws.getCell(rowNo, 1).value = text(label);
        cells.forEach((c, i) => put(rowNo, 2 + i * 3, c));
        put(rowNo, 2 + report.regions.length * 3, sum);
        if (bold) ws.getRow(rowNo).font = { bold: true };
        rowNo++;
      };
      for (const cat of report.categories) {
        line(`${cat.name}小计`, cat.cells, cat.total, true);
        for (const row of report.rows.filter((r) => cat.types.includes(r.type))) {
          line(`　其中：${row.name}`, row.cells, row.total);
          placed.add(row.type);
        }
      }
      for (const row of report.rows.filter((r) => !placed.has(r.type))) line(row.name, row.cells, row.total);
      ws.getCell(rowNo, 1).value = '合计';
      report.totals.forEach((c, i) => put(rowNo, 2 + i * 3, c));
      put(rowNo, 2 + report.regions.length * 3, report.total);
      ws.getRow(rowNo).font = { bold: true };
      ws.getColumn(1).width = 28;
      for (let c = 2; c <= width; c++) ws.getColumn(c).width = 14;
      await wb.xlsx.write(output);
      return { rows: report.rows.length };
    },
  };
}
