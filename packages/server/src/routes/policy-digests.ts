import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policyDigestDetail, policyDigestList } from '@scenebridge/contract/policies';
import type { Services } from '@scenebridge/app/context';
import {
  createPolicyDigest,
  createPolicyDigestBody,
  exportPolicyDigest,
  getPolicyDigest,
  listPolicyDigests,
  policyDigestListQuery,
  publishPolicyDigest,
  publishPolicyDigestBody,
  updatePolicyDigest,
  updatePolicyDigestBody,
} from '@scenebridge/app/policy-hub';
import { idParams, requireActor } from '../http.js';
import { attachmentDisposition } from '../portal/routes.js';

const TAGS = ['policies'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const file = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.any().meta({ type: 'string', format: type === DOCX_TYPE ? 'binary' : undefined }) } },
});
/** The exported page runs nothing and loads nothing: its styles are inline. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Detail and list presenters type states as plain strings (as stored); the reply schema checks them.
const detail = (d: Awaited<ReturnType<typeof getPolicyDigest>>) => d as z.infer<typeof policyDigestDetail>;

/** 政策动态 (docs/policies.md): composing, editing and publishing numbered issues; the public archive and files. */
export function registerPolicyDigestRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/policy-digests',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '政策动态列表：公众看已发布的各期（新的在前），运营方另见草稿',
        querystring: policyDigestListQuery,
        response: { 200: policyDigestList },
      },
    },
    async (request) => listPolicyDigests({ services, actor: request.actor, query: request.query }),
  );
  api.post(
    '/policy-digests',
    {
      schema: {
        tags: TAGS,
        summary: '编制政策动态（运营方）：选择1至30项已发布政策，按所选顺序生成摘要、重点措施和推荐研究方向，存为草稿',
        body: createPolicyDigestBody,
        response: { 201: policyDigestDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(detail(await createPolicyDigest({ services, actor: requireActor(request), input: request.body }))),
  );
  api.get(
    '/policy-digests/:id',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '政策动态详情：各项政策的摘要与重点措施原文、推荐研究方向；草稿仅运营方可见',
        params: idParams,
        response: { 200: policyDigestDetail },
      },
    },
    async (request) => detail(await getPolicyDigest({ services, actor: request.actor, id: request.params.id })),
  );
  api.put(
    '/policy-digests/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改政策动态草稿（运营方）：标题、编者按、各项政策及其摘要和重点措施、研究方向整体替换；须带版本号',
        params: idParams,
        body: updatePolicyDigestBody,
        response: { 200: policyDigestDetail },
      },
    },
    async (request) =>
      detail(await updatePolicyDigest({ services, actor: requireActor(request), id: request.params.id, input: request.body })),
  );
  api.post(
    '/policy-digests/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '发布政策动态（运营方）：编号为第N期（总第M期），并通过邮件发送给订阅政策动态的用户',
        params: idParams,
        body: publishPolicyDigestBody,
        response: { 200: policyDigestDetail },
      },
    },
    async (request) =>
      detail(await publishPolicyDigest({ services, actor: requireActor(request), id: request.params.id, input: request.body })),
  );
  api.get(
    '/policy-digests/:id/export.docx',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '下载政策动态 Word 版（DOCX）：报头、期号、目录、各项政策摘要与重点措施、推荐研究方向',
        params: idParams,
        response: { 200: file(DOCX_TYPE, '政策动态 DOCX') },
      },
    },
    async (request, reply) => {
      const f = await exportPolicyDigest({ services, actor: request.actor, id: request.params.id, format: 'docx' });
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', attachmentDisposition(f.fileName, 'policy-digest.docx'))
        .header('cache-control', f.published ? 'public, max-age=300' : 'no-store')
        .send(f.content);
    },
  );
  api.get(
    '/policy-digests/:id/export.html',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: '政策动态网页版（独立 HTML 页面，内容已转义，不含脚本）',
        params: idParams,
        response: { 200: file('text/html', '政策动态 HTML') },
      },
    },
    async (request, reply) => {
      const f = await exportPolicyDigest({ services, actor: request.actor, id: request.params.id, format: 'html' });
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', HTML_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', f.published ? 'public, max-age=300' : 'no-store')
        .send(f.content);
    },
  );
}
