import { LIST_TYPES, SUBMISSION_STATES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '@scenebridge/contract/common';
import {
  attachment,
  submissionDetail,
  submissionHistory as submissionHistorySchema,
  submissionPage,
  type SubmissionDetail,
  type SubmissionPage,
} from '@scenebridge/contract/submissions';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import { uploadedFile } from '../http/uploaded-file.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';
import { addAttachment, downloadAttachment, removeAttachment } from '@scenebridge/app/submissions';
import {
  createSubmissionDraft,
  exportSubmissions,
  getSubmission,
  listSubmissionsFor,
  presentSubmission,
  submissionHistory,
  transitionSubmission,
  updateSubmissionDraft,
} from '@scenebridge/app/submissions';
import { challengeLinksOfNeed } from '@scenebridge/app/awards';

const listFilters = z.object({
  callId: z.uuid().optional(),
  status: z.enum(SUBMISSION_STATES).optional(),
  listType: z.enum(LIST_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
});
const dataBody = z.record(z.string(), z.unknown());
/** Bytes of the stored file with its own media type: Fastify sends a Buffer without the response serialiser. */
const fileBytes = {
  description: '附件文件（原媒体类型）',
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
};

export function registerSubmissionRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Presenters read text columns (status, list type …) as plain strings; the response schema checks
  // the real values on the way out, so narrowing the type here adds no unchecked trust.
  const present = async (actor: Parameters<typeof getSubmission>[0]['actor'], id: string) => {
    const { row, attachments } = await getSubmission({ services, actor, id });
    const challengeLinks = await challengeLinksOfNeed({ services, actor, need: row.submission });
    return { ...presentSubmission(row, attachments, actor), challengeLinks } as SubmissionDetail;
  };

  api.get(
    '/submissions',
    {
      schema: {
        tags: ['submissions'],
        summary: '填报列表：运营方看全部（他人草稿除外），机构看本机构',
        querystring: listFilters.extend(pageQuery),
        response: { 200: submissionPage },
      },
    },
    async (request) => listSubmissionsFor({ services, actor: requireActor(request), query: request.query }) as Promise<SubmissionPage>,
  );

  api.get(
    '/submissions/export.xlsx',
    {
      schema: {
        tags: ['submissions'],
        summary: '导出填报记录（Excel）：与列表同样的筛选与可见范围，全部条目',
        querystring: listFilters,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportSubmissions({ services, actor: requireActor(request), filters: request.query })),
  );

  api.get(
    '/submissions/:id',
    { schema: { tags: ['submissions'], params: idParams, response: { 200: submissionDetail } } },
    async (request) => present(requireActor(request), request.params.id),
  );

  api.post(
    '/submissions',
    {
      schema: {
        tags: ['submissions'],
        summary: '保存草稿（data 为该清单类型字段的部分填写，至少含 title）',
        body: z.object({ callId: z.uuid(), data: dataBody }),
        response: { 201: submissionDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createSubmissionDraft({ services, actor, callId: request.body.callId, data: request.body.data });
      return reply.status(201).send(await present(actor, id));
    },
  );

  api.patch(
    '/submissions/:id',
    { schema: { tags: ['submissions'], params: idParams, body: z.object({ data: dataBody }), response: { 200: submissionDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await updateSubmissionDraft({ services, actor, id: request.params.id, data: request.body.data });
      return present(actor, request.params.id);
    },
  );

  api.post(
    '/submissions/:id/transitions',
    {
      schema: {
        tags: ['submissions'],
        summary: 'submit | resubmit | withdraw | return_for_revision（需原因）',
        params: idParams,
        body: transitionBody,
        response: { 200: submissionDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transitionSubmission({ services, actor, id: request.params.id, ...request.body });
      return present(actor, request.params.id);
    },
  );

  api.get(
    '/submissions/:id/history',
    { schema: { tags: ['submissions'], params: idParams, response: { 200: submissionHistorySchema } } },
    async (request) => ({ items: await submissionHistory({ services, actor: requireActor(request), id: request.params.id }) }),
  );

  api.post(
    '/submissions/:id/attachments',
    {
      schema: {
        tags: ['submissions'],
        summary: '上传附件（multipart 字段 file；PDF/DOCX/XLSX/PNG/JPG，按内容识别，≤10MB）',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachment },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { filename, content } = await uploadedFile(request);
      const meta = await addAttachment({ services, actor, submissionId: request.params.id, filename, content });
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
    '/attachments/:id',
    { schema: { tags: ['submissions'], params: idParams, response: { 200: fileBytes } } },
    async (request, reply) => {
      const { meta, content } = await downloadAttachment({ services, actor: requireActor(request), id: request.params.id });
      return reply
        .header('content-type', meta.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  );

  api.delete(
    '/attachments/:id',
    { schema: { tags: ['submissions'], params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await removeAttachment({ services, actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
