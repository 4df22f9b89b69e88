import {
  acceptanceOpinionSchema,
  assignAcceptorsSchema,
  AWARD_STATES,
  deliverMilestoneSchema,
  eliminateAwardSchema,
  recordPaymentSchema,
} from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptanceTaskList, awardDetail, awardPage } from '@scenebridge/contract/awards';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  assignAcceptors,
  deliverMilestone,
  eliminateAward,
  exportAwards,
  getAward,
  listMyAcceptanceTasks,
  listMyAwards,
  recordAcceptance,
  recordPayment,
  startAward,
} from '@scenebridge/app/awards';
import { idParams, pageQuery, requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const statusFilter = z.object({ status: z.enum(AWARD_STATES).optional() });
const milestoneParams = idParams.extend({ milestoneId: z.uuid('编号格式不正确') });
const TAGS = ['awards'];

/** 任务书 delivery, 验收 and payments (docs/challenges.md, "Delivery, acceptance and payments"). */
export function registerAwardDeliveryRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const detail = (actor: Parameters<typeof getAward>[0]['actor'], id: string) => getAward({ services, actor, id });
  api.get(
    '/awards',
    {
      schema: {
        tags: TAGS,
        summary: '我的任务书：本单位牵头、参与或发榜的中榜任务书（运营方：全部）',
        querystring: statusFilter.extend(pageQuery),
        response: { 200: awardPage },
      },
    },
    async (request) => listMyAwards({ services, actor: request.actor, query: request.query }),
  );
  api.get(
    '/awards/export.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: '导出我的任务书（Excel），与列表同样的可见范围',
        querystring: statusFilter,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportAwards({ services, actor: requireActor(request), status: request.query.status })),
  );
  api.get(
    '/acceptance-tasks',
    { schema: { tags: TAGS, summary: '我的验收任务（验收专家）', response: { 200: acceptanceTaskList } } },
    async (request) => listMyAcceptanceTasks({ services, actor: request.actor }),
  );
  api.get(
    '/awards/:id',
    {
      schema: {
        tags: TAGS,
        summary: '任务书详情：里程碑、验收意见与付款（运营方、发榜单位、揭榜单位、指派的验收专家）',
        params: idParams,
        response: { 200: awardDetail },
      },
    },
    async (request) => detail(request.actor, request.params.id),
  );
  api.post(
    '/awards/:id/start',
    { schema: { tags: TAGS, summary: '启动任务书（发榜单位或运营方）', params: idParams, response: { 200: awardDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await startAward({ services, actor, id: request.params.id });
      return detail(actor, request.params.id);
    },
  );
  api.post(
    '/awards/:id/milestones/:milestoneId/delivery',
    {
      schema: {
        tags: TAGS,
        summary: '提交里程碑交付物（揭榜牵头单位，按顺序，上一里程碑通过后）',
        params: milestoneParams,
        body: deliverMilestoneSchema,
        response: { 200: awardDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, milestoneId } = request.params;
      await deliverMilestone({ services, actor, awardId: id, milestoneId, input: request.body });
      return detail(actor, id);
    },
  );
  api.post(
    '/awards/:id/milestones/:milestoneId/acceptors',
    {
      schema: {
        tags: TAGS,
        summary: '指派本轮验收专家（运营方；与发榜或揭榜单位有关联的专家须回避）',
        params: milestoneParams,
        body: assignAcceptorsSchema,
        response: { 200: awardDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, milestoneId } = request.params;
      await assignAcceptors({ services, actor, awardId: id, milestoneId, input: request.body });
      return detail(actor, id);
    },
  );
  api.post(
    '/awards/:id/milestones/:milestoneId/opinions',
    {
      schema: {
        tags: TAGS,
        summary: '登记验收意见（发榜单位每轮一份；指派的验收专家各一份）；全部登记后系统得出结论',
        params: milestoneParams,
        body: acceptanceOpinionSchema,
        response: { 200: awardDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, milestoneId } = request.params;
      await recordAcceptance({ services, actor, awardId: id, milestoneId, input: request.body });
      return detail(actor, id);
    },
  );
  api.post(
    '/awards/:id/payments',
    {
      schema: {
        tags: TAGS,
        summary: '登记付款（运营方）：不超过里程碑未付金额；同一请求编号重复提交只登记一次（200）',
        params: idParams,
        body: recordPaymentSchema,
        response: { 200: awardDetail, 201: awardDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { created } = await recordPayment({ services, actor, awardId: request.params.id, input: request.body });
      return reply.status(created ? 201 : 200).send(await detail(actor, request.params.id));
    },
  );
  api.post(
    '/awards/:id/elimination',
    {
      schema: {
        tags: TAGS,
        summary: '赛马淘汰（运营方，检查点里程碑验收结束后，须填原因）',
        params: idParams,
        body: eliminateAwardSchema,
        response: { 200: awardDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await eliminateAward({ services, actor, id: request.params.id, input: request.body });
      return detail(actor, request.params.id);
    },
  );
}
