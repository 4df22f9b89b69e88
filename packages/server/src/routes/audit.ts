import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPage, auditPeople, chainReport } from '@scenebridge/contract/audit';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { pageQuery, requireActor } from '../http.js';
import { exportAudit, listAudit, listAuditPeople, verifyAuditChain } from '@scenebridge/app/audit';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，如 2026-04-01');
/** The audit log's filters, shared by the list and its export (the use case refuses from after to). */
const auditFilters = {
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.uuid('操作人编号格式不正确').optional(),
  from: day.optional(),
  to: day.optional(),
};

export function registerAuditRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（运营方）；from/to 为北京时间的起止日期（含当天），actor 为操作人（用户编号）',
        querystring: z.object({ ...auditFilters, ...pageQuery }),
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const r = await listAudit({ services, actor: requireActor(request), query: request.query });
      return {
        ...r,
        items: r.items.map((e) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          actorLabel: e.actorLabel,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          entityName: e.entityName,
          fromState: e.fromState,
          toState: e.toState,
          reason: e.reason,
          data: e.data,
          hash: e.hash,
        })),
      };
    },
  );
  api.get(
    '/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（Excel），筛选条件与列表相同（运营方）',
        querystring: z.object(auditFilters),
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportAudit({ services, actor: requireActor(request), filters: request.query })),
  );
  api.get(
    '/audit/people',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志可按其筛选的人员：姓名或邮箱包含 q 的用户（至多 20 人），以及已选的 selected（运营方）',
        querystring: z.object({ q: z.string().max(60).optional(), selected: z.uuid().optional() }),
        response: { 200: auditPeople },
      },
    },
    async (request) => listAuditPeople({ services, actor: requireActor(request), ...request.query }),
  );
  api.get(
    '/audit/verify',
    { schema: { tags: ['audit'], summary: '校验审计哈希链，指出第一条不符的记录', response: { 200: chainReport } } },
    async (request) => verifyAuditChain({ services, actor: requireActor(request) }),
  );
}
