import { LIST_TYPES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importReport } from '@scenebridge/contract/imports';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { requireActor, sendError } from '../http.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { importSubmissions, importTemplate } from '@scenebridge/app/imports';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Bytes, not JSON: Fastify sends a Buffer as it is and never runs the response serialiser on it. */
const xlsxFile = { description: 'XLSX 文件', content: { [XLSX]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } } };

export function registerImportRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/imports/template',
    {
      schema: {
        tags: ['imports'],
        summary: '下载导入模板（XLSX）',
        querystring: z.object({ listType: z.enum(LIST_TYPES) }),
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const file = await importTemplate({ actor: requireActor(request), listType: request.query.listType });
      const name = request.query.listType === 'scenario_need' ? '场景需求导入模板.xlsx' : '场景能力导入模板.xlsx';
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(file);
    },
  );

  api.post(
    '/imports',
    {
      config: heavyRateLimit(services.config, 'imports'),
      schema: {
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        summary: '批量导入：dry_run 预检报告每个错误行；commit 全部成功才写入（skipInvalid=true 时跳过错误行）；重复导入不产生新数据',
        querystring: z.object({
          callId: z.uuid(),
          mode: z.enum(['dry_run', 'commit']).default('dry_run'),
          skipInvalid: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: { 200: importReport },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) return sendError(reply, 400, 'MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件');
      const file = await request.file();
      if (!file) return sendError(reply, 400, 'FILE_REQUIRED', '请选择文件');
      return importSubmissions({ services, actor, ...request.query, file: await file.toBuffer() });
    },
  );
}
