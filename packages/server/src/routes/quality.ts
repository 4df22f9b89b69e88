import { LIST_TYPES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context.js';
import { requireActor } from '../http.js';
import { checkQuality, duplicateClusters, mergeBody, mergeDuplicates, qualityCheckBody } from '../use-cases/quality.js';

export function registerQualityRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/quality/check', {
    schema: {
      tags: ['quality'], body: qualityCheckBody,
      summary: '填报时的质量检查：已提交或已发布的相似条目（跨机构、跨批次，含相似度；未公开的他人条目不显示名称）与内容模糊提示',
    },
  }, async (request) => checkQuality({ services, actor: requireActor(request), input: request.body }));

  api.get('/duplicates/clusters', {
    schema: {
      tags: ['quality'], summary: '运营方：跨机构的疑似重复条目聚类',
      querystring: z.object({ listType: z.enum(LIST_TYPES).default('scenario_need') }),
    },
  }, async (request) => duplicateClusters({ services, actor: requireActor(request), listType: request.query.listType }));

  api.post('/duplicates/merge', {
    schema: { tags: ['quality'], summary: '运营方：将重复条目并入保留的条目（须写明原因；留痕并通知各方）', body: mergeBody },
  }, async (request) => mergeDuplicates({ services, actor: requireActor(request), input: request.body }));
}
