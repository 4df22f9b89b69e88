import {
  assignBrokerSchema,
  claimDealSchema,
  createDealSchema,
  dealAmountSchema,
  dealTransitionSchema,
  declineInterestSchema,
  DEAL_ACTIVITY_STATES,
  DEAL_STATES,
  logDealActivitySchema,
} from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acceptInterestReceipt,
  deal,
  dealBoard,
  dealDetail,
  dealList,
  dealReceipt,
  declineInterestReceipt,
} from '@scenebridge/contract/deals';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  acceptInterest,
  assignDealBroker,
  claimDeal,
  completeNextStep,
  createDeal,
  declineInterest,
  dealBoard as boardOf,
  exportDeals,
  getDeal,
  listDealsFor,
  logDealActivity,
  transitionDeal,
  updateDealAmount,
  wakeDeal,
} from '@scenebridge/app/deals';
import { idParams, pageQuery, requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const TAGS = ['deals'];
const statusList = z
  .string()
  .max(200)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(DEAL_STATES, { message: '阶段无效' })));
const filters = z.object({
  status: statusList.optional(),
  activity: z.enum(DEAL_ACTIVITY_STATES).optional(),
  brokerId: z.union([z.literal('none'), z.uuid('编号格式不正确')]).optional(),
  q: z.string().trim().max(100).optional(),
  needId: z.uuid('编号格式不正确').optional(),
});
const activityParams = idParams.extend({ activityId: z.uuid('编号格式不正确') });
const versionBody = z.object({ version: z.number().int().min(1) });

/** 对接项目 (docs/deals.md): lists, board, export, detail, stage moves, broker, amount, follow-ups; accepting an interest. */
export function registerDealRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const detail = (actor: Parameters<typeof getDeal>[0]['actor'], id: string) => getDeal({ services, actor, id });

  api.post(
    '/interests/:id/accept',
    {
      schema: {
        tags: TAGS,
        summary: '接受对接意向：收到意向的一方（意向所针对条目的发布机构）接受后建立对接项目（意向阶段）；重复接受返回同一项目',
        params: idParams,
        response: { 200: acceptInterestReceipt, 201: acceptInterestReceipt },
      },
    },
    async (request, reply) => {
      const r = await acceptInterest({ services, actor: requireActor(request), interestId: request.params.id });
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );
  api.post(
    '/interests/:id/decline',
    {
      schema: {
        tags: TAGS,
        summary: '婉拒对接意向：收到意向的一方填写原因后婉拒，发起方会收到通知；已接受（已建立对接项目）的意向不能婉拒，重复婉拒返回原结果',
        params: idParams,
        body: declineInterestSchema,
        response: { 200: declineInterestReceipt },
      },
    },
    async (request) => declineInterest({ services, actor: requireActor(request), interestId: request.params.id, input: request.body }),
  );
  api.get(
    '/deals',
    {
      schema: {
        tags: TAGS,
        summary: '对接项目列表：机构用户看本单位的，技术经理人看自己负责的和未指派的，运营方看全部',
        querystring: filters.extend(pageQuery),
        response: { 200: dealList },
      },
    },
    async (request) => listDealsFor({ services, actor: requireActor(request), query: request.query }),
  );
  api.get(
    '/deals/board',
    {
      schema: {
        tags: TAGS,
        summary: '对接项目看板：按阶段的数量与预计金额合计（分），每列前 N 个项目',
        querystring: filters.omit({ status: true }).extend({ perColumn: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: dealBoard },
      },
    },
    async (request) => {
      const { perColumn, ...f } = request.query;
      return boardOf({ services, actor: requireActor(request), filters: f, perColumn });
    },
  );
  api.get(
    '/deals/export.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: '导出对接项目（Excel），与列表同样的可见范围与筛选',
        querystring: filters,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportDeals({ services, actor: requireActor(request), query: request.query })),
  );
  api.post(
    '/deals',
    {
      schema: {
        tags: TAGS,
        summary: '新建对接项目（推荐阶段）：技术经理人或运营方为一条需求与一条能力或一家供给方机构建立',
        body: createDealSchema,
        response: { 201: dealReceipt },
      },
    },
    async (request, reply) => reply.status(201).send(await createDeal({ services, actor: requireActor(request), input: request.body })),
  );
  api.get(
    '/deals/:id',
    { schema: { tags: TAGS, summary: '对接项目详情与跟进记录', params: idParams, response: { 200: dealDetail } } },
    async (request) => detail(requireActor(request), request.params.id),
  );
  api.post(
    '/deals/:id/transition',
    {
      schema: {
        tags: TAGS,
        summary: '推进阶段（确认意向、安排洽谈会面、进入谈判、签约、终止须填原因）；带版本号，过期返回 CONFLICT',
        params: idParams,
        body: dealTransitionSchema,
        response: { 200: deal },
      },
    },
    async (request) => transitionDeal({ services, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  api.post(
    '/deals/:id/broker',
    {
      schema: { tags: TAGS, summary: '指派技术经理人（运营方）', params: idParams, body: assignBrokerSchema, response: { 200: deal } },
    },
    async (request) => assignDealBroker({ services, actor: requireActor(request), id: request.params.id, ...request.body }),
  );
  api.post(
    '/deals/:id/claim',
    {
      schema: {
        tags: TAGS,
        summary: '认领对接项目（技术经理人，仅限未指派的）',
        params: idParams,
        body: claimDealSchema,
        response: { 200: deal },
      },
    },
    async (request) => claimDeal({ services, actor: requireActor(request), id: request.params.id, version: request.body.version }),
  );
  api.put(
    '/deals/:id/expected-amount',
    {
      schema: { tags: TAGS, summary: '修改预计金额（分）', params: idParams, body: dealAmountSchema, response: { 200: deal } },
    },
    async (request) => updateDealAmount({ services, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  api.post(
    '/deals/:id/wake',
    { schema: { tags: TAGS, summary: '唤醒休眠的对接项目', params: idParams, body: versionBody, response: { 200: deal } } },
    async (request) => wakeDeal({ services, actor: requireActor(request), id: request.params.id, version: request.body.version }),
  );
  api.post(
    '/deals/:id/activities',
    {
      schema: {
        tags: TAGS,
        summary: '记录跟进（电话、会面、走访、文件、备注），可附下一步与截止日期；休眠项目随之唤醒',
        params: idParams,
        body: logDealActivitySchema,
        response: { 201: dealDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await logDealActivity({ services, actor, id: request.params.id, input: request.body });
      return reply.status(201).send(await detail(actor, request.params.id));
    },
  );
  api.post(
    '/deals/:id/activities/:activityId/done',
    { schema: { tags: TAGS, summary: '标记下一步已完成', params: activityParams, response: { 200: dealDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await completeNextStep({ services, actor, id: request.params.id, activityId: request.params.activityId });
      return detail(actor, request.params.id);
    },
  );
}
