import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  interestList,
  interestReceipt,
  matchDecision,
  matches,
  type InterestList,
  type MatchDecision,
  type Matches,
} from '@scenebridge/contract/matching';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, requireActor } from '../http.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { decideMatch, exportInterests, expressInterest, listInterests } from '@scenebridge/app/matching';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';
import { matchesFor } from '@scenebridge/app/matching';

export function registerMatchingRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/listings/:id/matches',
    {
      config: heavyRateLimit(services.config, 'matches'),
      schema: {
        tags: ['matching'],
        summary:
          '双向匹配：需求→可服务的能力，能力→可服务的需求；每条结果给出得分构成（关键词、领域、技术领域、地域、预算、成熟度），各部分之和即总分',
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
        response: { 200: matches },
      },
    },
    async (request) =>
      // Stored kinds are typed as plain strings by the use cases; the reply schema checks them.
      (await matchesFor({ services, actor: requireActor(request), id: request.params.id, limit: request.query.limit })) as Matches,
  );

  api.get(
    '/listings/:id/interests',
    {
      schema: {
        tags: ['matching'],
        summary: '条目收到和发出的对接意向（本机构、运营方、经纪人可见全部；其他机构只见本机构发出的）',
        params: idParams,
        response: { 200: interestList },
      },
    },
    async (request) => (await listInterests({ services, actor: requireActor(request), id: request.params.id })) as InterestList,
  );

  api.get(
    '/listings/:id/interests/export.xlsx',
    {
      schema: {
        tags: ['matching'],
        summary: '导出条目的对接意向（Excel）：与列表相同的可见范围',
        params: idParams,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportInterests({ services, actor: requireActor(request), id: request.params.id })),
  );

  api.post(
    '/interests',
    {
      schema: {
        tags: ['matching'],
        summary: '表达对接意向（须为其中一方的机构用户）；重复提交返回已有记录',
        body: z.object({ needId: z.uuid(), capabilityId: z.uuid(), message: z.string().trim().max(500, '留言不能超过500字').optional() }),
        response: { 200: interestReceipt, 201: interestReceipt },
      },
    },
    async (request, reply) => {
      const r = await expressInterest({ services, actor: requireActor(request), ...request.body });
      return reply
        .status(r.created ? 201 : 200)
        .send({ id: r.interest.id, created: r.created, createdAt: r.interest.createdAt.toISOString() });
    },
  );

  api.post(
    '/match-decisions',
    {
      schema: {
        tags: ['matching'],
        summary: '运营方/经纪人置顶（pin）、排除（exclude）或撤销（clear）一条匹配结果，须写明原因',
        body: z.object({
          sourceId: z.uuid(),
          targetId: z.uuid(),
          decision: z.enum(['pin', 'exclude', 'clear']),
          reason: z.string().trim().min(2, '请写明原因').max(500, '原因不能超过500字'),
        }),
        response: { 200: matchDecision },
      },
    },
    async (request) => (await decideMatch({ services, actor: requireActor(request), ...request.body })) as MatchDecision,
  );
}
