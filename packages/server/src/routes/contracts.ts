/** 技术合同登记 (docs/contracts.md): the seller's registrations, the registrar's queue, versions, attachments and the historical import. */
import {
  CONTRACT_ORIGINS,
  CONTRACT_REGISTRATION_STATES,
  CONTRACT_TYPES,
  CONTRACT_VERSION_KINDS,
  contractCancellationSchema,
  contractChangeSchema,
  contractInputSchema,
} from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  contractAttachment,
  contractDetail,
  contractImportReport,
  contractPage,
  contractQueuePage,
  type ContractDetail,
  type ContractPage,
  type ContractQueuePage,
} from '@scenebridge/contract/contracts';
import { noContent } from '@scenebridge/contract/common';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  addContractAttachment,
  contractImportTemplate,
  createContract,
  downloadContractAttachment,
  exportContractQueue,
  exportContracts,
  getContract,
  importContracts,
  listContractQueue,
  listContracts,
  removeContractAttachment,
  startContractVersion,
  transitionContract,
  updateContract,
} from '@scenebridge/app/contracts';
import { idParams, pageQuery, requireActor, sendError, transitionBody } from '../http.js';
import { uploadedFile } from '../http/uploaded-file.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxFile = { description: 'XLSX 文件', content: { [XLSX]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } } };
const pdfBytes = {
  description: '合同文本（PDF）',
  content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
};

// Presenters read text and jsonb columns as loose types; the response schemas check them on the way out.
const detail = (d: unknown) => d as ContractDetail;

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const civilDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

const listFilters = z.object({
  scope: z.enum(['mine', 'all']).optional(),
  status: z.enum(CONTRACT_REGISTRATION_STATES).optional(),
  contractType: z.enum(CONTRACT_TYPES).optional(),
  kind: z.enum(CONTRACT_VERSION_KINDS).optional(),
  origin: z.enum(CONTRACT_ORIGINS).optional(),
  q: z.string().trim().max(100).optional(),
  signedFrom: civilDate.optional(),
  signedTo: civilDate.optional(),
  current: bool,
});
const queueFilters = z.object({
  status: z.enum(['submitted', 'accepted']).optional(),
  dueSoon: bool,
  overdue: bool,
  q: z.string().trim().max(100).optional(),
});
const attachmentParams = z.object({ id: z.uuid('编号格式不正确'), attachmentId: z.uuid('编号格式不正确') });

export function registerContractRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: '技术合同登记列表（机构用户：本单位的登记；技术合同登记员和运营方：全部，scope=mine 只看本单位）',
        querystring: listFilters.extend(pageQuery),
        response: { 200: contractPage },
      },
    },
    async (request) => (await listContracts({ services, actor: requireActor(request), query: request.query })) as ContractPage,
  );
  api.get(
    '/contracts/export.xlsx',
    {
      schema: {
        tags: ['contracts'],
        summary: '导出技术合同登记列表（Excel）：与列表同样的筛选与可见范围',
        querystring: listFilters,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportContracts({ services, actor: requireActor(request), filters: request.query })),
  );
  api.get(
    '/contracts/queue',
    {
      schema: {
        tags: ['contracts'],
        summary: '登记待办队列（已提交、已受理；按法定办结日排序，标出即将到期与已超期；技术合同登记员和运营方）',
        querystring: queueFilters.extend(pageQuery),
        response: { 200: contractQueuePage },
      },
    },
    async (request) => (await listContractQueue({ services, actor: requireActor(request), query: request.query })) as ContractQueuePage,
  );
  api.get(
    '/contracts/queue/export.xlsx',
    { schema: { tags: ['contracts'], summary: '导出登记待办队列（Excel）', querystring: queueFilters, response: { 200: xlsxExportFile } } },
    async (request, reply) =>
      sendExport(request, reply, await exportContractQueue({ services, actor: requireActor(request), filters: request.query })),
  );
  api.get(
    '/contracts/import/template.xlsx',
    { schema: { tags: ['contracts'], summary: '下载历史技术合同导入模板（技术合同登记员和运营方）', response: { 200: xlsxFile } } },
    async (request, reply) => {
      const file = await contractImportTemplate({ actor: requireActor(request) });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('历史技术合同导入模板.xlsx')}`)
        .send(file);
    },
  );
  api.post(
    '/contracts/import',
    {
      config: heavyRateLimit(services.config, 'imports'),
      schema: {
        tags: ['contracts'],
        consumes: ['multipart/form-data'],
        summary: '导入历史技术合同（XLSX）：dry_run 报告每个错误行；commit 全部无误才写入（全有或全无），重复导入不产生新数据',
        querystring: z.object({ mode: z.enum(['dry_run', 'commit']).default('dry_run') }),
        response: { 200: contractImportReport },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) return sendError(reply, 400, 'MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件');
      const file = await request.file();
      if (!file) return sendError(reply, 400, 'FILE_REQUIRED', '请选择文件');
      return importContracts({ services, actor, mode: request.query.mode, file: await file.toBuffer() });
    },
  );
  api.post(
    '/contracts',
    {
      schema: {
        tags: ['contracts'],
        summary: '技术合同登记：创建草稿（卖方机构用户）',
        body: contractInputSchema,
        response: { 201: contractDetail },
      },
    },
    async (request, reply) => {
      const c = await createContract({ services, actor: requireActor(request), input: request.body });
      return reply.status(201).send(detail(c));
    },
  );
  api.get('/contracts/:id', { schema: { tags: ['contracts'], params: idParams, response: { 200: contractDetail } } }, async (request) =>
    detail(await getContract({ services, actor: requireActor(request), id: request.params.id })),
  );
  api.patch(
    '/contracts/:id',
    {
      schema: {
        tags: ['contracts'],
        summary: '修改登记内容（草稿或退回补正时；expectedVersion 防止覆盖他人的修改）',
        params: idParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1).optional() }),
        body: contractInputSchema,
        response: { 200: contractDetail },
      },
    },
    async (request) =>
      detail(
        await updateContract({
          services,
          actor: requireActor(request),
          id: request.params.id,
          input: request.body,
          expectedVersion: request.query.expectedVersion,
        }),
      ),
  );
  api.post(
    '/contracts/:id/transitions',
    {
      schema: {
        tags: ['contracts'],
        summary:
          'submit | resubmit（须已上传合同PDF，开始计算法定时限）| discard（卖方）· accept 受理 | return_for_correction 退回补正（须填原因）| register 登记 | refuse 不予登记（须填原因）（技术合同登记员、运营方）',
        params: idParams,
        body: transitionBody,
        response: { 200: contractDetail },
      },
    },
    async (request) => detail(await transitionContract({ services, actor: requireActor(request), id: request.params.id, ...request.body })),
  );
  api.post(
    '/contracts/:id/change',
    {
      schema: {
        tags: ['contracts'],
        summary: '变更登记：对当前有效的已登记合同创建变更版本（草稿），登记后原版本失效',
        params: idParams,
        body: contractChangeSchema,
        response: { 201: contractDetail },
      },
    },
    async (request, reply) => {
      const c = await startContractVersion({
        services,
        actor: requireActor(request),
        id: request.params.id,
        kind: 'change',
        input: request.body.contract,
      });
      return reply.status(201).send(detail(c));
    },
  );
  api.post(
    '/contracts/:id/cancellation',
    {
      schema: {
        tags: ['contracts'],
        summary: '注销登记：对当前有效的已登记合同创建注销版本（草稿，须填原因），登记后原版本失效且不再计入统计',
        params: idParams,
        body: contractCancellationSchema,
        response: { 201: contractDetail },
      },
    },
    async (request, reply) => {
      const c = await startContractVersion({
        services,
        actor: requireActor(request),
        id: request.params.id,
        kind: 'cancellation',
        reason: request.body.reason,
      });
      return reply.status(201).send(detail(c));
    },
  );
  api.post(
    '/contracts/:id/attachments',
    {
      schema: {
        tags: ['contracts'],
        summary: '上传已签署的合同文本（multipart 字段 file；仅PDF，按内容识别，受上传大小上限限制；卖方，草稿或退回补正时）',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: contractAttachment },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { filename, content } = await uploadedFile(request);
      const meta = await addContractAttachment({ services, actor, contractId: request.params.id, filename, content });
      return reply.status(201).send({
        id: meta.id,
        filename: meta.filename,
        mediaType: meta.mediaType,
        size: meta.size,
        sha256: meta.sha256,
        createdAt: meta.createdAt.toISOString(),
        url: `/api/v1/contracts/${request.params.id}/attachments/${meta.id}`,
      });
    },
  );
  api.get(
    '/contracts/:id/attachments/:attachmentId',
    { schema: { tags: ['contracts'], summary: '下载合同文本（能查看该登记者）', params: attachmentParams, response: { 200: pdfBytes } } },
    async (request, reply) => {
      const { meta, content } = await downloadContractAttachment({
        services,
        actor: requireActor(request),
        contractId: request.params.id,
        attachmentId: request.params.attachmentId,
      });
      return reply
        .header('content-type', meta.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  );
  api.delete(
    '/contracts/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['contracts'],
        summary: '删除合同文本（卖方，草稿或退回补正时）',
        params: attachmentParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await removeContractAttachment({
        services,
        actor: requireActor(request),
        contractId: request.params.id,
        attachmentId: request.params.attachmentId,
      });
      return reply.status(204).send(null);
    },
  );
}
