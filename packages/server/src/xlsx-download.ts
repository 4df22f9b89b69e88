import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { XLSX_MEDIA_TYPE, type PreparedExport } from '@scenebridge/app/shared';

/** The OpenAPI answer of an "导出 Excel" route. */
export const xlsxExportFile = {
  description: '导出的 Excel 文件（XLSX）：数据表与“导出说明”表',
  content: { [XLSX_MEDIA_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
};

/**
 * Streams a prepared export. Everything that can refuse (authorization, filters) ran while it
 * was prepared, so an error from here on is a broken download, logged, not an API error.
 */
export function sendExport(request: FastifyRequest, reply: FastifyReply, prepared: PreparedExport) {
  const body = new PassThrough();
  prepared.write(body).catch((err: unknown) => {
    request.log.error({ err }, 'export failed while streaming');
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(prepared.fileName)}`)
    .header('cache-control', 'no-store')
    .send(body);
}
