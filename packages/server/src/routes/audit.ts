import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPage, chainReport } from '@scenebridge/contract/audit';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { pageQuery, requireActor } from '../http.js';
import { listAudit, verifyAuditChain } from '@scenebridge/app/audit';

export function registerAuditRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（运营方）',
        querystring: z.object({ entityType: z.string().max(40).optional(), entityId: z.string().max(60).optional(), ...pageQuery }),
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
    '/audit/verify',
    { schema: { tags: ['audit'], summary: '校验审计哈希链，指出第一条不符的记录', response: { 200: chainReport } } },
    async (request) => verifyAuditChain({ services, actor: requireActor(request) }),
  );
}
