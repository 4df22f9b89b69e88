import { LIST_TYPES, SUBMISSION_STATES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context.js';
import { idParams, pageQuery, requireActor, sendError, transitionBody } from '../http.js';
import { addAttachment, downloadAttachment, removeAttachment } from '../use-cases/attachments.js';
import {
  createSubmissionDraft, getSubmission, listSubmissionsFor, presentSubmission, submissionHistory, transitionSubmission,
  updateSubmissionDraft,
} from '../use-cases/submissions.js';

const dataBody = z.record(z.string(), z.unknown());

export function registerSubmissionRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const present = async (actor: Parameters<typeof getSubmission>[0]['actor'], id: string) => {
    const { row, attachments } = await getSubmission({ services, actor, id });
    return presentSubmission(row, attachments, actor);
  };

  api.get('/submissions', {
    schema: {
      tags: ['submissions'], summary: '填报列表：运营方看全部（他人草稿除外），机构看本机构',
      querystring: z.object({
        callId: z.uuid().optional(), status: z.enum(SUBMISSION_STATES).optional(), listType: z.enum(LIST_TYPES).optional(),
        q: z.string().trim().max(100).optional(), ...pageQuery,
      }),
    },
  }, async (request) => listSubmissionsFor({ services, actor: requireActor(request), query: request.query }));

  api.get('/submissions/:id', { schema: { tags: ['submissions'], params: idParams } }, async (request) =>
    present(requireActor(request), request.params.id));

  api.post('/submissions', {
    schema: { tags: ['submissions'], summary: '保存草稿（data 为该清单类型字段的部分填写，至少含 title）', body: z.object({ callId: z.uuid(), data: dataBody }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const id = await createSubmissionDraft({ services, actor, callId: request.body.callId, data: request.body.data });
    return reply.status(201).send(await present(actor, id));
  });

  api.patch('/submissions/:id', { schema: { tags: ['submissions'], params: idParams, body: z.object({ data: dataBody }) } }, async (request) => {
    const actor = requireActor(request);
    await updateSubmissionDraft({ services, actor, id: request.params.id, data: request.body.data });
    return present(actor, request.params.id);
  });

  api.post('/submissions/:id/transitions', {
    schema: { tags: ['submissions'], summary: 'submit | resubmit | withdraw | return_for_revision（需原因）', params: idParams, body: transitionBody },
  }, async (request) => {
    const actor = requireActor(request);
    await transitionSubmission({ services, actor, id: request.params.id, ...request.body });
    return present(actor, request.params.id);
  });

  api.get('/submissions/:id/history', { schema: { tags: ['submissions'], params: idParams } }, async (request) =>
    ({ items: await submissionHistory({ services, actor: requireActor(request), id: request.params.id }) }));

  api.post('/submissions/:id/attachments', {
    schema: { tags: ['submissions'], summary: '上传附件（multipart 字段 file；PDF/DOCX/XLSX/PNG/JPG，按内容识别，≤10MB）', params: idParams, consumes: ['multipart/form-data'] },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!request.isMultipart()) return sendError(reply, 400, 'MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件');
    const file = await request.file();
    if (!file) return sendError(reply, 400, 'FILE_REQUIRED', '请选择文件');
    const content = await file.toBuffer();
    const meta = await addAttachment({ services, actor, submissionId: request.params.id, filename: file.filename, content });
    return reply.status(201).send({ id: meta.id, filename: meta.filename, mediaType: meta.mediaType, size: meta.size, createdAt: meta.createdAt.toISOString() });
  });

  api.get('/attachments/:id', { schema: { tags: ['submissions'], params: idParams } }, async (request, reply) => {
    const { meta, content } = await downloadAttachment({ services, actor: requireActor(request), id: request.params.id });
    return reply
      .header('content-type', meta.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(content);
  });

  api.delete('/attachments/:id', { schema: { tags: ['submissions'], params: idParams } }, async (request, reply) => {
    await removeAttachment({ services, actor: requireActor(request), id: request.params.id });
    return reply.status(204).send();
  });
}
