import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '@scenebridge/contract/common';
import {
  calculationBody,
  calculationResultJson,
  calculatorConfirmBody,
  calculatorDeleteQuery,
  calculatorRevisionBody,
  measureCorrectionBody,
  policyMeasureJson,
  policyVersionJson,
} from '@scenebridge/contract/policies';
import type { Services } from '@scenebridge/app/context';
import { calculateMeasure, confirmCalculator, correctMeasure, removeCalculator, reviseCalculator } from '@scenebridge/app/policy-hub';
import { requireActor } from '../http.js';

const TAGS = ['policies'];
const params = z.object({ id: z.uuid('编号格式不正确'), measureId: z.uuid('编号格式不正确') });
const corrected = policyMeasureJson.extend(policyVersionJson.shape);
const target = (p: z.infer<typeof params>) => ({ policyId: p.id, measureId: p.measureId });

/** 措施校对与政策测算 (docs/policies.md): correcting a measure's reading, its calculator, and running it. */
export function registerPolicyMeasureRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/policies/:id/measures/:measureId';
  api.patch(
    base,
    {
      schema: {
        tags: TAGS,
        summary: '校对措施（运营方）：修改标题、支持方式、责任单位、支持对象、结构化条件、截止日期和量化条款；政策版本号加一，留痕修改前后',
        params,
        body: measureCorrectionBody,
        response: { 200: corrected },
      },
    },
    async (request) => correctMeasure({ services, actor: requireActor(request), ...target(request.params), input: request.body }),
  );
  api.put(
    `${base}/calculator`,
    {
      schema: {
        tags: TAGS,
        summary: '修订测算器（运营方）：保存为待确认的测算器，依据文字默认为该措施原文',
        params,
        body: calculatorRevisionBody,
        response: { 200: corrected },
      },
    },
    async (request) => reviseCalculator({ services, actor: requireActor(request), ...target(request.params), input: request.body }),
  );
  api.delete(
    `${base}/calculator`,
    {
      schema: { tags: TAGS, summary: '删除测算器（运营方）', params, querystring: calculatorDeleteQuery, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removeCalculator({ services, actor: requireActor(request), ...target(request.params), version: request.query.version });
      return reply.status(204).send(null);
    },
  );
  api.post(
    `${base}/calculator/confirm`,
    {
      schema: {
        tags: TAGS,
        summary: '确认测算器（运营方）：确认后公众可在已发布的政策上使用',
        params,
        body: calculatorConfirmBody,
        response: { 200: corrected },
      },
    },
    async (request) => confirmCalculator({ services, actor: requireActor(request), ...target(request.params), input: request.body }),
  );
  api.post(
    `${base}/calculate`,
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '政策测算：按已确认的测算器计算可获支持金额（分），逐步列出算式及原文依据；不保存',
        params,
        body: calculationBody,
        response: { 200: calculationResultJson },
      },
    },
    async (request) => calculateMeasure({ services, ...target(request.params), input: request.body }),
  );
}
