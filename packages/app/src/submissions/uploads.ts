import { fileTypeFromBuffer } from 'file-type';
import { withoutHiddenFormatCharacters } from '@scenebridge/domain';
import { listZipEntries, verifyZipStreaming, ZipRejectedError } from '../uploads/index.js';

const ALLOWED: Record<string, { mediaType: string; ext: string }> = {
  pdf: { mediaType: 'application/pdf', ext: 'pdf' },
  png: { mediaType: 'image/png', ext: 'png' },
  jpg: { mediaType: 'image/jpeg', ext: 'jpg' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
};
export const MAX_PER_SUBMISSION = 20;

const ZIP_SIGNATURE = 0x504b0304;

/**
 * Decides the type from the bytes, never from the name. Office files are ZIPs: before anything
 * inflates them (content sniffing included) the zip guard checks the central directory, then
 * each part is inflated with a cap at its declared size and we require the part that makes it
 * a document or workbook. Throws ARCHIVE_TOO_LARGE for a zip bomb.
 */
export async function sniffUpload(content: Buffer): Promise<{ mediaType: string; ext: string } | null> {
  const zip = content.length >= 4 && content.readUInt32BE(0) === ZIP_SIGNATURE;
  if (zip && !(await guarded(() => listZipEntries(content)))) return null;
  const detected = await fileTypeFromBuffer(content);
  const allowed = detected ? ALLOWED[detected.ext] : undefined;
  if (!allowed) return null;
  if (allowed.ext === 'docx' || allowed.ext === 'xlsx') {
    const entries = await guarded(() => verifyZipStreaming(content));
    const part = allowed.ext === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
    const names = new Set(entries?.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has(part)) return null;
  }
  return allowed;
}

/** A damaged or unsupported archive is just not an accepted type; one that is too large is an error. */
async function guarded<T>(check: () => T | Promise<T>): Promise<T | null> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof ZipRejectedError && e.code === 'INVALID_ARCHIVE') return null;
    throw e;
  }
}

/** Keeps the user's name for display, minus paths, control and invisible characters, with the true extension. */
export function safeFilename(name: string, ext: string): string {
  // Bidi overrides and zero-width characters: names are shown to other users ("invoice\u202Efdp.exe").
  const base = withoutHiddenFormatCharacters(name)
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || '附件';
  return `${stem}.${ext}`;
}
