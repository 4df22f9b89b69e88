import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '@scenebridge/contract/common';
import {
  assignmentDetail,
  autoAssignResult,
  conflictResult,
  createdAssignment,
  myAssignmentList,
  ranking,
  reviewerList,
  reviewerRelationList,
  savedScores,
  selectionResult,
  type AssignmentDetail,
  type CreatedAssignment,
  type MyAssignment,
  type Ranking,
  type SavedScores,
} from '@scenebridge/contract/review';
import { scoresSchema, SUBMISSION_STATES } from '@scenebridge/domain';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';
import {
  assignReviewerManually,
  assignReviewersForCall,
  callRanking,
  decideSelection,
  declareConflict,
  exportRanking,
  declareRelation,
  getMyAssignment,
  listMyAssignments,
  myRelations,
  removeAssignment,
  reviewersForOperator,
  saveScores,
  withdrawRelation,
} from '@scenebridge/app/review';

const dueAt = z.iso.datetime({ offset: true, message: '截止时间格式不正确' }).optional();

export function registerReviewRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];
  api.post(
    '/calls/:id/assignments/auto',
    {
      schema: {
        tags,
        summary: '一键分配评审专家（每项k人，负载均衡，回避本单位及声明关联单位）',
        params: idParams,
        body: z.object({ dueAt }),
        response: { 200: autoAssignResult },
      },
    },
    async (request) =>
      assignReviewersForCall({ services, actor: requireActor(request), callId: request.params.id, dueAt: request.body.dueAt }),
  );
  api.post(
    '/calls/:id/assignments',
    {
      schema: {
        tags,
        summary: '手动指定评审专家（同样检查回避规则）',
        params: idParams,
        body: z.object({ submissionId: z.uuid(), reviewerUserId: z.uuid(), dueAt }),
        response: { 201: createdAssignment },
      },
    },
    async (request, reply) => {
      const a = await assignReviewerManually({ services, actor: requireActor(request), callId: request.params.id, ...request.body });
      return reply.status(201).send({
        id: a.id,
        submissionId: a.submissionId,
        reviewerUserId: a.reviewerUserId,
        status: a.status as CreatedAssignment['status'],
      });
    },
  );
  api.delete('/review-assignments/:id', { schema: { tags, params: idParams, response: { 204: noContent } } }, async (request, reply) => {
    await removeAssignment({ services, actor: requireActor(request), id: request.params.id });
    return reply.status(204).send(null);
  });
  api.get(
    '/calls/:id/ranking',
    { schema: { tags, summary: '评审排名（五人及以上去掉最高最低分）、分差提示、专家进度', params: idParams, response: { 200: ranking } } },
    async (request) =>
      // The use case types statuses and the stored scheme loosely; the reply schema checks them.
      (await callRanking({ services, actor: requireActor(request), callId: request.params.id })) as Ranking,
  );
  api.get(
    '/calls/:id/ranking/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出评审排名与评分明细（Excel）：与排名页同样的筛选，按指标的均分，每位专家的评分',
        params: idParams,
        querystring: z.object({
          status: z.enum(SUBMISSION_STATES).optional(),
          q: z.string().trim().max(100).optional(),
          spread: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(
        request,
        reply,
        await exportRanking({ services, actor: requireActor(request), callId: request.params.id, filters: request.query }),
      ),
  );
  api.post(
    '/calls/:id/selection',
    {
      schema: {
        tags,
        summary: '批量入选 select / 不入选 reject（需原因），全部成功或全部不变',
        params: idParams,
        body: z.object({
          submissionIds: z.array(z.uuid()).min(1).max(1000),
          action: z.enum(['select', 'reject']),
          reason: z.string().trim().max(1000).optional(),
        }),
        response: { 200: selectionResult },
      },
    },
    async (request) => decideSelection({ services, actor: requireActor(request), callId: request.params.id, ...request.body }),
  );
  api.get('/reviewers', { schema: { tags, summary: '评审专家名单（运营方）', response: { 200: reviewerList } } }, async (request) => ({
    items: await reviewersForOperator({ services, actor: requireActor(request) }),
  }));

  api.get(
    '/reviews/assignments',
    {
      schema: {
        tags,
        summary: '我的评审任务',
        querystring: z.object({ callId: z.uuid().optional() }),
        response: { 200: myAssignmentList },
      },
    },
    async (request) => ({
      items: (await listMyAssignments({ services, actor: requireActor(request), callId: request.query.callId })) as MyAssignment[],
    }),
  );
  api.get(
    '/reviews/assignments/:id',
    { schema: { tags, params: idParams, response: { 200: assignmentDetail } } },
    async (request) => (await getMyAssignment({ services, actor: requireActor(request), id: request.params.id })) as AssignmentDetail,
  );
  api.put(
    '/reviews/assignments/:id',
    {
      schema: {
        tags,
        summary: '保存评分（submit=true 时提交，之后不可修改）',
        params: idParams,
        body: z.object({
          scores: scoresSchema,
          comments: z.record(z.string(), z.string().max(2000)).default({}),
          submit: z.boolean().default(false),
        }),
        response: { 200: savedScores },
      },
    },
    async (request) => {
      const a = await saveScores({ services, actor: requireActor(request), id: request.params.id, ...request.body });
      return { id: a.id, status: a.status, weightedScore: a.weightedScore, scores: a.scores, comments: a.comments } as SavedScores;
    },
  );
  api.post(
    '/reviews/assignments/:id/conflict',
    {
      schema: {
        tags,
        summary: '声明利益冲突并回避（系统自动改派）',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(2, '请说明回避原因').max(1000) }),
        response: { 200: conflictResult },
      },
    },
    async (request) => declareConflict({ services, actor: requireActor(request), id: request.params.id, reason: request.body.reason }),
  );
  api.get(
    '/reviews/relations',
    { schema: { tags, summary: '我声明的关联单位', response: { 200: reviewerRelationList } } },
    async (request) => ({
      items: (await myRelations({ services, actor: requireActor(request) })).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    }),
  );
  api.post(
    '/reviews/relations',
    {
      schema: { tags, body: z.object({ organizationId: z.uuid(), note: z.string().max(200).optional() }), response: { 204: noContent } },
    },
    async (request, reply) => {
      await declareRelation({ services, actor: requireActor(request), ...request.body });
      return reply.status(204).send(null);
    },
  );
  api.delete(
    '/reviews/relations/:id',
    { schema: { tags, summary: '撤回关联声明（id 为机构编号）', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await withdrawRelation({ services, actor: requireActor(request), organizationId: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
