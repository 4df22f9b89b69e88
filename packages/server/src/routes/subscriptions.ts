import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../context.js';
import { idParams, pageQuery, requireActor } from '../http.js';
import { z } from 'zod';
import {
  createSubscription, createSubscriptionBody, deleteMySubscription, getMySubscription, listMySubscriptions, mySubscriptionHits,
  updateMySubscription, updateSubscriptionBody,
} from '../use-cases/subscriptions.js';

export function registerSubscriptionRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['subscriptions'];
  api.get('/subscriptions', { schema: { tags, summary: '我的订阅（已审核机构的用户）' } }, async (request) =>
    ({ items: await listMySubscriptions({ services, actor: requireActor(request) }) }));
  api.post('/subscriptions', {
    schema: {
      tags, body: createSubscriptionBody,
      summary: '新建订阅：saved_search 为保存的检索（q、listType、sector、techFields、regionCode 至少一项）；match_profile 为“为我匹配”（本机构的需求或能力 submissionIds）',
    },
  }, async (request, reply) => reply.status(201).send(await createSubscription({ services, actor: requireActor(request), input: request.body })));
  api.get('/subscriptions/:id', { schema: { tags, params: idParams } }, async (request) =>
    getMySubscription({ services, actor: requireActor(request), id: request.params.id }));
  api.patch('/subscriptions/:id', {
    schema: { tags, summary: '修改名称、频率、邮件开关、条件；active=false 退订，true 恢复', params: idParams, body: updateSubscriptionBody },
  }, async (request) => updateMySubscription({ services, actor: requireActor(request), id: request.params.id, patch: request.body }));
  api.delete('/subscriptions/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await deleteMySubscription({ services, actor: requireActor(request), id: request.params.id });
    return reply.status(204).send();
  });
  api.get('/subscriptions/:id/hits', { schema: { tags, summary: '订阅命中的新发布项目', params: idParams, querystring: z.object(pageQuery) } }, async (request) =>
    mySubscriptionHits({ services, actor: requireActor(request), id: request.params.id, ...request.query }));
}
