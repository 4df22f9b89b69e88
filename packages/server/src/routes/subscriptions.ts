import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';
import { z } from 'zod';
import { noContent } from '@scenebridge/contract/common';
import {
  subscription,
  subscriptionHitPage,
  subscriptionList,
  type Subscription,
  type SubscriptionHit,
} from '@scenebridge/contract/subscriptions';
import {
  createSubscription,
  createSubscriptionBody,
  deleteMySubscription,
  exportMySubscriptions,
  exportSubscriptionHits,
  getMySubscription,
  listMySubscriptions,
  mySubscriptionHits,
  presentSubscription,
  updateMySubscription,
  updateSubscriptionBody,
} from '@scenebridge/app/subscriptions';

// The use cases keep Date objects (JSON sent them as ISO text) and text columns (kind, list type)
// as plain strings: times become that same text here, and the response schema checks the values.
const iso = (d: Date | null) => d?.toISOString() ?? null;
const out = (s: ReturnType<typeof presentSubscription>) =>
  ({
    ...s,
    createdAt: s.createdAt.toISOString(),
    unsubscribedAt: iso(s.unsubscribedAt),
    lastDigestAt: iso(s.lastDigestAt),
  }) as Subscription;
const outHit = (h: { matchedAt: Date; digestedAt: Date | null }) =>
  ({ ...h, matchedAt: h.matchedAt.toISOString(), digestedAt: iso(h.digestedAt) }) as SubscriptionHit;

export function registerSubscriptionRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['subscriptions'];
  api.get(
    '/subscriptions',
    { schema: { tags, summary: '我的订阅（已审核机构的用户）', response: { 200: subscriptionList } } },
    async (request) => ({ items: (await listMySubscriptions({ services, actor: requireActor(request) })).map(out) }),
  );
  api.get(
    '/subscriptions/export.xlsx',
    { schema: { tags, summary: '导出我的订阅（Excel）', response: { 200: xlsxExportFile } } },
    async (request, reply) => sendExport(request, reply, await exportMySubscriptions({ services, actor: requireActor(request) })),
  );
  api.post(
    '/subscriptions',
    {
      schema: {
        tags,
        body: createSubscriptionBody,
        response: { 200: subscription, 201: subscription },
        summary:
          '新建订阅：saved_search 为保存的检索（q、listType、sector、techFields、regionCode 至少一项）；match_profile 为“为我匹配”（本机构的需求或能力 submissionIds）；policy_digest 订阅政策动态（query 为 {}，每位用户一个，已有时 200 返回原订阅）；policy_match 新政策匹配提醒（query {includeUnknown?}）',
      },
    },
    async (request, reply) => {
      const { subscription: s, created } = await createSubscription({ services, actor: requireActor(request), input: request.body });
      return reply.status(created ? 201 : 200).send(out(s));
    },
  );
  api.get('/subscriptions/:id', { schema: { tags, params: idParams, response: { 200: subscription } } }, async (request) =>
    out(await getMySubscription({ services, actor: requireActor(request), id: request.params.id })),
  );
  api.patch(
    '/subscriptions/:id',
    {
      schema: {
        tags,
        summary: '修改名称、频率、邮件开关、条件；active=false 退订，true 恢复',
        params: idParams,
        body: updateSubscriptionBody,
        response: { 200: subscription },
      },
    },
    async (request) =>
      out(await updateMySubscription({ services, actor: requireActor(request), id: request.params.id, patch: request.body })),
  );
  api.delete('/subscriptions/:id', { schema: { tags, params: idParams, response: { 204: noContent } } }, async (request, reply) => {
    await deleteMySubscription({ services, actor: requireActor(request), id: request.params.id });
    return reply.status(204).send(null);
  });
  api.get(
    '/subscriptions/:id/hits',
    {
      schema: {
        tags,
        summary: '订阅命中的新发布项目',
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: subscriptionHitPage },
      },
    },
    async (request) => {
      const r = await mySubscriptionHits({ services, actor: requireActor(request), id: request.params.id, ...request.query });
      return { ...r, items: r.items.map(outHit) };
    },
  );
  api.get(
    '/subscriptions/:id/hits/export.xlsx',
    {
      schema: { tags, summary: '导出订阅命中的项目（Excel），全部命中记录', params: idParams, response: { 200: xlsxExportFile } },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportSubscriptionHits({ services, actor: requireActor(request), id: request.params.id })),
  );
}
