import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policyDetail, policyIngestReceipt, policyList } from '@scenebridge/contract/policies';
import type { Services } from '@scenebridge/app/context';
import {
  authorizePolicyManagement,
  getPolicy,
  ingestPolicy,
  ingestPolicyUpload,
  listPolicies,
  policyListQuery,
  policyTransitionSchema,
  POLICY_TEXT_LIMITS,
  transitionPolicy,
} from '@scenebridge/app/policy-hub';
import { idParams, requireActor } from '../http.js';
import { uploadedFile } from '../http/uploaded-file.js';

const TAGS = ['policies'];
const ingestBody = z.object({
  text: z.string({ message: '请粘贴政策正文' }).max(POLICY_TEXT_LIMITS.max, `政策正文最多${POLICY_TEXT_LIMITS.max}个字`),
});

/** 政策库 (docs/policies.md): the library, one policy with its reading, ingesting and publishing. */
export function registerPolicyRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/policies',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '政策库列表：公众看已发布的政策，运营方另见草稿和已撤回的；可按关键词、发文单位、地区、有效期和即将到期筛选',
        querystring: policyListQuery,
        response: { 200: policyList },
      },
    },
    async (request) => listPolicies({ services, actor: request.actor, query: request.query }),
  );
  api.post(
    '/policies',
    {
      schema: {
        tags: TAGS,
        summary:
          '导入政策（粘贴正文）：识别标题、发文单位、日期、文号、有效期，按原文编号拆分措施并提取量化条款，存为草稿供运营方核对；同一正文重复导入返回已有政策',
        body: ingestBody,
        response: { 200: policyIngestReceipt, 201: policyIngestReceipt },
      },
    },
    async (request, reply) => {
      const r = await ingestPolicy({ services, actor: requireActor(request), text: request.body.text, format: 'paste' });
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );
  api.post(
    '/policies/upload',
    {
      schema: {
        tags: TAGS,
        summary:
          '导入政策（上传文件，multipart 字段 file）：.docx、含文字层的 .pdf、.html 或 .txt，按内容识别格式；扫描件、伪装文件、压缩炸弹等被拒绝且不保存任何内容；其余同粘贴导入',
        consumes: ['multipart/form-data'],
        response: { 200: policyIngestReceipt, 201: policyIngestReceipt },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Refused before the body is read: only operators ingest.
      authorizePolicyManagement(actor);
      const { filename, content } = await uploadedFile(request);
      const r = await ingestPolicyUpload({ services, actor, filename, content });
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );
  api.get(
    '/policies/:id',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '政策详情：原文、识别出的措施（含原文位置）、量化条款和测算器；草稿仅运营方可见',
        params: idParams,
        response: { 200: policyDetail },
      },
    },
    async (request) => getPolicy({ services, actor: request.actor, id: request.params.id }),
  );
  api.post(
    '/policies/:id/transitions',
    {
      schema: {
        tags: TAGS,
        summary: '发布或撤回政策（运营方）：publish 将核对后的草稿发布到政策库；withdraw 需填写原因',
        params: idParams,
        body: policyTransitionSchema,
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (request) => transitionPolicy({ services, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
}
