/**
 * Ingesting an uploaded policy (.docx, text PDF, .html, .txt): the caller is authorised before
 * the file is read, the format is decided by the content, and a refused file (scanned PDF,
 * renamed binary, zip bomb, corrupt) leaves nothing behind. The text then goes the paste way.
 */
import type { Actor, Services } from '../context.js';
import { readPolicyDocument } from './read-document/index.js';
import { authorizePolicyManagement } from './access.js';
import { ingestPolicy } from './ingest-policy.js';

export async function ingestPolicyUpload({
  services,
  actor,
  filename,
  content,
}: {
  services: Services;
  actor: Actor | null;
  filename: string;
  content: Buffer;
}) {
  const me = authorizePolicyManagement(actor);
  const doc = await readPolicyDocument({ bytes: content, filename }, { maxBytes: services.config.maxUploadBytes });
  return ingestPolicy({ services, actor: me, text: doc.text, format: doc.format, filename: filename.slice(0, 255) });
}
