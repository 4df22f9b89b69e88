import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '@scenebridge/contract/common';
import {
  applicationAutoAssignResult,
  applicationConflictResult,
  applicationRanking,
  applicationReviewDetail,
  createdApplicationReview,
  defenceSlot,
  defenceSlotList,
  myApplicationReviewList,
  savedApplicationScores,
  type ApplicationRanking,
  type ApplicationReviewDetail,
  type CreatedApplicationReview,
  type MyApplicationReview,
  type SavedApplicationScores,
} from '@scenebridge/contract/application-review';
import { scoresSchema } from '@scenebridge/domain';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  applicationRanking as rankApplications,
  assignApplicationReviewerManually,
  assignApplicationReviewers,
  cancelDefenceSlot,
  createDefenceSlot,
  declareApplicationConflict,
  exportApplicationRanking,
  getMyApplicationReview,
  listDefenceSlots,
  listMyApplicationReviews,
  removeApplicationReview,
  rescheduleDefenceSlot,
  saveApplicationScores,
} from '@scenebridge/app/application-review';
import { idParams, requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const dueAt = z.iso.datetime({ offset: true, message: '截止时间格式不正确' }).optional();
const when = (label: string) => z.iso.datetime({ offset: true, message: `${label}格式不正确` });
const slotBody = z.object({
  startsAt: when('开始时间'),
  endsAt: when('结束时间'),
  room: z.string().trim().max(200).nullish(),
  onlineLink: z
    .url({ protocol: /^https?$/, message: '线上会议链接须为 http(s) 网址' })
    .max(500)
    .nullish(),
  note: z.string().trim().max(1000).nullish(),
  applicationIds: z.array(z.uuid()).min(1, '请选择参加答辩的申报').max(50),
});
const slotParams = z.object({ id: z.uuid('编号格式不正确'), slotId: z.uuid('编号格式不正确') });
const reviewParams = z.object({ id: z.uuid('编号格式不正确'), reviewId: z.uuid('编号格式不正确') });

export function registerApplicationReviewRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['application-review'];
  api.post(
    '/challenges/:id/review/assignments/auto',
    {
      schema: {
        tags,
        summary: '为评审中的榜单一键分配评审专家（每份申报k人，负载均衡，回避牵头及全部联合体成员单位与声明关联单位）',
        params: idParams,
        body: z.object({ k: z.number().int().min(1).max(20).optional(), seed: z.number().int().optional(), dueAt }),
        response: { 200: applicationAutoAssignResult },
      },
    },
    async (request) =>
      assignApplicationReviewers({ services, actor: requireActor(request), challengeId: request.params.id, ...request.body }),
  );
  api.post(
    '/challenges/:id/review/assignments',
    {
      schema: {
        tags,
        summary: '为一份申报手动指定评审专家（同样检查回避规则）',
        params: idParams,
        body: z.object({ applicationId: z.uuid(), reviewerUserId: z.uuid(), dueAt }),
        response: { 201: createdApplicationReview },
      },
    },
    async (request, reply) => {
      const a = await assignApplicationReviewerManually({
        services,
        actor: requireActor(request),
        challengeId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send({
        id: a.id,
        applicationId: a.applicationId,
        reviewerUserId: a.reviewerUserId,
        status: a.status as CreatedApplicationReview['status'],
      });
    },
  );
  api.delete(
    '/challenges/:id/review/assignments/:reviewId',
    { schema: { tags, summary: '撤回未评分的揭榜评审任务', params: reviewParams, response: { 204: noContent } } },
    async (request, reply) => {
      await removeApplicationReview({
        services,
        actor: requireActor(request),
        challengeId: request.params.id,
        id: request.params.reviewId,
      });
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/challenges/:id/review/ranking',
    {
      schema: {
        tags,
        summary: '揭榜评审排名（五人及以上去掉最高最低分）、分差提示、专家进度、可执行的入围/拟中榜操作',
        params: idParams,
        response: { 200: applicationRanking },
      },
    },
    async (request) =>
      (await rankApplications({ services, actor: requireActor(request), challengeId: request.params.id })) as ApplicationRanking,
  );
  api.get(
    '/challenges/:id/review/ranking/export.xlsx',
    { schema: { tags, summary: '导出揭榜评审排名与评分明细（Excel）', params: idParams, response: { 200: xlsxExportFile } } },
    async (request, reply) =>
      sendExport(
        request,
        reply,
        await exportApplicationRanking({ services, actor: requireActor(request), challengeId: request.params.id }),
      ),
  );

  api.get(
    '/application-reviews',
    { schema: { tags, summary: '我的揭榜评审任务', response: { 200: myApplicationReviewList } } },
    async (request) => ({ items: (await listMyApplicationReviews({ services, actor: requireActor(request) })) as MyApplicationReview[] }),
  );
  api.get(
    '/application-reviews/:id',
    { schema: { tags, summary: '揭榜评审任务详情（盲评时不显示申报单位）', params: idParams, response: { 200: applicationReviewDetail } } },
    async (request) =>
      (await getMyApplicationReview({ services, actor: requireActor(request), id: request.params.id })) as ApplicationReviewDetail,
  );
  api.put(
    '/application-reviews/:id',
    {
      schema: {
        tags,
        summary: '保存揭榜评分（submit=true 时提交，之后不可修改）',
        params: idParams,
        body: z.object({
          scores: scoresSchema,
          comments: z.record(z.string(), z.string().max(2000)).default({}),
          submit: z.boolean().default(false),
        }),
        response: { 200: savedApplicationScores },
      },
    },
    async (request) => {
      const a = await saveApplicationScores({ services, actor: requireActor(request), id: request.params.id, ...request.body });
      return {
        id: a.id,
        status: a.status,
        weightedScore: a.weightedScore,
        scores: a.scores,
        comments: a.comments,
      } as SavedApplicationScores;
    },
  );
  api.post(
    '/application-reviews/:id/conflict',
    {
      schema: {
        tags,
        summary: '声明利益冲突并回避（系统自动改派）',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(2, '请说明回避原因').max(1000) }),
        response: { 200: applicationConflictResult },
      },
    },
    async (request) =>
      declareApplicationConflict({ services, actor: requireActor(request), id: request.params.id, reason: request.body.reason }),
  );

  api.get(
    '/challenges/:id/defence-slots',
    { schema: { tags, summary: '榜单的答辩/路演场次（运营方）', params: idParams, response: { 200: defenceSlotList } } },
    async (request) => ({ items: await listDefenceSlots({ services, actor: requireActor(request), challengeId: request.params.id }) }),
  );
  api.post(
    '/challenges/:id/defence-slots',
    {
      schema: {
        tags,
        summary: '安排答辩/路演场次（时间、会议室或线上链接、参加的申报），通知相关单位与评审专家',
        params: idParams,
        body: slotBody,
        response: { 201: defenceSlot },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createDefenceSlot({ services, actor: requireActor(request), challengeId: request.params.id, input: request.body })),
  );
  api.put(
    '/challenges/:id/defence-slots/:slotId',
    { schema: { tags, summary: '修改答辩/路演场次（通知相关各方）', params: slotParams, body: slotBody, response: { 200: defenceSlot } } },
    async (request) =>
      rescheduleDefenceSlot({
        services,
        actor: requireActor(request),
        challengeId: request.params.id,
        slotId: request.params.slotId,
        input: request.body,
      }),
  );
  api.post(
    '/challenges/:id/defence-slots/:slotId/cancel',
    {
      schema: {
        tags,
        summary: '取消答辩/路演场次（须说明原因，通知相关各方）',
        params: slotParams,
        body: z.object({ reason: z.string().trim().min(2, '请说明取消原因').max(1000) }),
        response: { 200: defenceSlot },
      },
    },
    async (request) =>
      cancelDefenceSlot({
        services,
        actor: requireActor(request),
        challengeId: request.params.id,
        slotId: request.params.slotId,
        reason: request.body.reason,
      }),
  );
}
