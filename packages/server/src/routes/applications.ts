import { APPLICATION_STATES, applicationContentSchema, membershipDecisionSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  applicationDetail,
  applicationPage,
  consortiumPartnerList,
  type ApplicationDetail,
  type ApplicationSummary,
} from '@scenebridge/contract/applications';
import { noContent } from '@scenebridge/contract/common';
import { attachment } from '@scenebridge/contract/submissions';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  addApplicationAttachment,
  createApplication,
  decideMembership,
  downloadApplicationAttachment,
  exportChallengeApplications,
  getApplication,
  listChallengeApplications,
  listMyApplications,
  presentApplication,
  presentApplicationDetail,
  removeApplicationAttachment,
  searchConsortiumPartners,
  transitionApplication,
  updateApplicationDraft,
} from '@scenebridge/app/applications';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import { uploadedFile } from '../http/uploaded-file.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

// Presenters read jsonb columns as loose types; the response schema checks them on the way out.
const present = (...args: Parameters<typeof presentApplication>) => presentApplication(...args) as ApplicationSummary;
const presentDetail = (...args: Parameters<typeof presentApplicationDetail>) => presentApplicationDetail(...args) as ApplicationDetail;
/** Bytes of the stored file with its own media type: Fastify sends a Buffer without the response serialiser. */
const fileBytes = {
  description: '申报附件文件（原媒体类型）',
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
};
const statusFilter = z.object({ status: z.enum(APPLICATION_STATES).optional() });

export function registerApplicationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/challenges/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '榜单的揭榜申报（运营方：提交过的全部；发榜单位：截止后可见已提交的申报）',
        params: idParams,
        querystring: statusFilter.extend(pageQuery),
        response: { 200: applicationPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await listChallengeApplications({ services, actor, challengeId: request.params.id, query: request.query });
      return { ...r, items: r.items.map((l) => present(l, actor)) };
    },
  );
  api.get(
    '/challenges/:id/applications/export.xlsx',
    {
      schema: {
        tags: ['applications'],
        summary: '导出榜单的揭榜申报（Excel），与列表同样的可见范围',
        params: idParams,
        querystring: statusFilter,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(
        request,
        reply,
        await exportChallengeApplications({
          services,
          actor: requireActor(request),
          challengeId: request.params.id,
          status: request.query.status,
        }),
      ),
  );
  api.post(
    '/challenges/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '揭榜：本单位作为牵头单位创建申报草稿（可邀请联合体成员）',
        params: idParams,
        body: applicationContentSchema,
        response: { 201: applicationDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const l = await createApplication({ services, actor, challengeId: request.params.id, input: request.body });
      return reply.status(201).send(presentDetail(l, actor));
    },
  );
  api.get(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '本单位参与的揭榜申报（牵头或联合体成员）',
        querystring: statusFilter.extend({ challengeId: z.uuid('编号格式不正确').optional(), ...pageQuery }),
        response: { 200: applicationPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await listMyApplications({ services, actor, query: request.query });
      return { ...r, items: r.items.map((l) => present(l, actor)) };
    },
  );
  api.get(
    '/consortium-partners',
    {
      schema: {
        tags: ['applications'],
        summary: '按名称或统一社会信用代码查找已审核通过的单位，作为联合体成员',
        querystring: z.object({ q: z.string().trim().min(2, '请至少输入2个字').max(100) }),
        response: { 200: consortiumPartnerList },
      },
    },
    async (request) => ({ items: await searchConsortiumPartners({ services, actor: requireActor(request), q: request.query.q }) }),
  );
  api.get(
    '/applications/:id',
    { schema: { tags: ['applications'], params: idParams, response: { 200: applicationDetail } } },
    async (request) => {
      const actor = requireActor(request);
      return presentDetail(await getApplication({ services, actor, id: request.params.id }), actor);
    },
  );
  api.patch(
    '/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: '修改申报草稿（牵头单位，截止前）',
        params: idParams,
        body: applicationContentSchema,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentDetail(await updateApplicationDraft({ services, actor, id: request.params.id, input: request.body }), actor);
    },
  );
  api.post(
    '/applications/:id/transitions',
    {
      schema: {
        tags: ['applications'],
        summary: 'submit | withdraw（牵头单位，截止前）| shortlist | not_award（须填原因）（运营方）',
        params: idParams,
        body: transitionBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentDetail(await transitionApplication({ services, actor, id: request.params.id, ...request.body }), actor);
    },
  );
  api.post(
    '/applications/:id/membership',
    {
      schema: {
        tags: ['applications'],
        summary: '联合体成员单位管理员确认或拒绝加入（decision: confirm | decline）',
        params: idParams,
        body: membershipDecisionSchema,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentDetail(await decideMembership({ services, actor, id: request.params.id, input: request.body }), actor);
    },
  );
  registerApplicationAttachmentRoutes(app, services);
}

/** Files of an application: the lead adds and removes them on its draft; whoever sees the application reads them. */
function registerApplicationAttachmentRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/applications/:id/attachments',
    {
      schema: {
        tags: ['applications'],
        summary: '上传申报附件（multipart 字段 file；PDF/DOCX/XLSX/PNG/JPG，按内容识别，≤10MB，每份申报最多20个；牵头单位，草稿时）',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachment },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { filename, content } = await uploadedFile(request);
      const meta = await addApplicationAttachment({ services, actor, applicationId: request.params.id, filename, content });
      return reply.status(201).send({
        id: meta.id,
        filename: meta.filename,
        mediaType: meta.mediaType,
        size: meta.size,
        createdAt: meta.createdAt.toISOString(),
      });
    },
  );
  api.get(
    '/application-attachments/:id',
    {
      schema: {
        tags: ['applications'],
        summary: '下载申报附件（能查看该申报者；分配的评审专家，盲评时不显示原文件名）',
        params: idParams,
        response: { 200: fileBytes },
      },
    },
    async (request, reply) => {
      const { meta, content } = await downloadApplicationAttachment({ services, actor: requireActor(request), id: request.params.id });
      return reply
        .header('content-type', meta.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  );
  api.delete(
    '/application-attachments/:id',
    { schema: { tags: ['applications'], summary: '删除申报附件（牵头单位，草稿时）', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await removeApplicationAttachment({ services, actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
