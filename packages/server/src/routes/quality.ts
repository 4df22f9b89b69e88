import { LIST_TYPES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { duplicateClusters as duplicateClustersSchema, mergeResult, qualityReport } from '@scenebridge/contract/quality';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { requireActor } from '../http.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { checkQuality, duplicateClusters, mergeBody, mergeDuplicates, qualityCheckBody } from '@scenebridge/app/quality';

const QUALITY_CHECK_BODY_LIMIT = 256 * 1024;

export function registerQualityRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/quality/check',
    {
      config: heavyRateLimit(services.config, 'qualityCheck'),
      // The largest valid draft is about 17,000 characters (under 110 KB even with every character
      // escaped as \uXXXX): a bigger body is refused before it is parsed.
      bodyLimit: QUALITY_CHECK_BODY_LIMIT,
      schema: {
        tags: ['quality'],
        body: qualityCheckBody,
        response: { 200: qualityReport },
        summary:
          '填报时的质量检查（机构须已通过审核）：可见的相似条目（本机构的、已发布的，含相似度）；他人未公开的条目只在几乎相同时提示「存在相似的未公开条目」，不给任何细节；以及内容模糊提示。字段长度上限同填报表单',
      },
    },
    async (request) => checkQuality({ services, actor: requireActor(request), input: request.body }),
  );

  api.get(
    '/duplicates/clusters',
    {
      config: heavyRateLimit(services.config, 'duplicateClusters'),
      schema: {
        tags: ['quality'],
        summary: '运营方：跨机构的疑似重复条目聚类',
        querystring: z.object({ listType: z.enum(LIST_TYPES).default('scenario_need') }),
        response: { 200: duplicateClustersSchema },
      },
    },
    async (request) => duplicateClusters({ services, actor: requireActor(request), listType: request.query.listType }),
  );

  api.post(
    '/duplicates/merge',
    {
      schema: {
        tags: ['quality'],
        summary: '运营方：将重复条目并入保留的条目（须写明原因；留痕并通知各方）',
        body: mergeBody,
        response: { 200: mergeResult },
      },
    },
    async (request) => mergeDuplicates({ services, actor: requireActor(request), input: request.body }),
  );
}
