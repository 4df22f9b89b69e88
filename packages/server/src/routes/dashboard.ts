import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  annualTargets,
  dashboard,
  dashboardPeriodQuery,
  dashboardExportQuery,
  dashboardQuery,
  funnelChart,
  targetsInput,
  targetsQuery,
} from '@scenebridge/contract/dashboard';
import type { Services } from '@scenebridge/app/context';
import {
  exportDashboard,
  exportStatisticsReport,
  getAnnualTargets,
  getDashboard,
  getFunnel,
  saveAnnualTargetsFor,
} from '@scenebridge/app/dashboard';
import { requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

/** The outcome dashboard (成果看板, docs/dashboard.md): operators, registrars and brokers read; operators set targets. */
export function registerDashboardRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];

  api.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary:
          '成果看板：年度目标完成情况、转化漏斗、技术合同成交额（按类型/领域/地区/卖方性质/月份及上年同期）、评审吞吐与各环节用时、长期无进展清单与休眠对接项目',
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
    },
    async (request) => getDashboard({ services, actor: requireActor(request), query: request.query }),
  );
  api.get(
    '/dashboard/funnel',
    {
      schema: {
        tags,
        summary: '转化漏斗（按批次或统计期间）：发布 → 被浏览 → 收到意向 → 对接意向 → 洽谈会面 → 签约 → 合同登记（场景需求条目数）',
        querystring: dashboardQuery,
        response: { 200: funnelChart },
      },
    },
    async (request) => getFunnel({ services, actor: requireActor(request), query: request.query }),
  );
  api.get(
    '/dashboard/targets',
    {
      schema: { tags, summary: '某年的年度目标与实际完成情况', querystring: targetsQuery, response: { 200: annualTargets } },
    },
    async (request) => getAnnualTargets({ services, actor: requireActor(request), year: request.query.year }),
  );
  api.put(
    '/dashboard/targets',
    {
      schema: {
        tags,
        summary: '运营方设置某年的年度目标（技术合同成交额以分计；null 清除该项目标；记入审计日志）',
        querystring: targetsQuery,
        body: targetsInput,
        response: { 200: annualTargets },
      },
    },
    async (request) => saveAnnualTargetsFor({ services, actor: requireActor(request), year: request.query.year, input: request.body }),
  );
  api.get(
    '/dashboard/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出成果看板各图表数据（Excel，每个图表一个工作表）',
        querystring: dashboardExportQuery,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportDashboard({ services, actor: requireActor(request), query: request.query })),
  );
  api.get(
    '/dashboard/report.xlsx',
    {
      schema: {
        tags,
        summary: '技术合同登记统计表（Excel）：合同类型 × 卖方所在地区，项数、合同成交额、技术交易额（万元）',
        querystring: dashboardPeriodQuery,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportStatisticsReport({ services, actor: requireActor(request), query: request.query })),
  );
}
