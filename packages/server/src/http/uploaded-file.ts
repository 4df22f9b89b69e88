import type { FastifyRequest } from 'fastify';
import { DomainError } from '@scenebridge/domain';

/**
 * The one file of a multipart upload (field `file`), for every attachment route. The multipart
 * limit stops reading at maxUploadBytes (413), so a larger file is never held whole; what the
 * file is gets decided by its content in the use case, not here.
 */
export async function uploadedFile(request: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  if (!request.isMultipart()) throw new DomainError('MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件', 400);
  const file = await request.file();
  if (!file) throw new DomainError('FILE_REQUIRED', '请选择文件', 400);
  return { filename: file.filename, content: await file.toBuffer() };
}
