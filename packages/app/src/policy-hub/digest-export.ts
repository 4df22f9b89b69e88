/** The files of an issue: DOCX and standalone HTML, for anyone once published, for operators as drafts. */
import type { Actor, Services } from '../context.js';
import { digestDocument, digestFileName } from './digest-document.js';
import { digestToDocx } from './digest-docx.js';
import { getPolicyDigest } from './digest-get.js';
import { digestToHtml } from './digest-html.js';

export async function exportPolicyDigest({
  services,
  actor,
  id,
  format,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  format: 'docx' | 'html';
}): Promise<{ fileName: string; content: Buffer | string; published: boolean }> {
  const d = await getPolicyDigest({ services, actor, id });
  const doc = digestDocument(d);
  const content = format === 'docx' ? await digestToDocx(doc) : digestToHtml(doc);
  return { fileName: digestFileName(doc, format), content, published: d.status === 'published' };
}
