import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TOO_LARGE } from '@scenebridge/contract/forms';

/** The endings an attachment may have; the server decides the type from the bytes (a name without an ending is left to it). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'] as const;
export const ATTACHMENT_WRONG_TYPE = '不支持的文件类型，仅支持 PDF、DOCX、XLSX、PNG、JPG';

/** The file name's ending in lower case, or null when it has none. */
export function extensionOf(name: string): string | null {
  const m = /\.([^./\\]+)$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** Why a file may not be sent, before a byte of it leaves the browser; null when it may. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size > ATTACHMENT_MAX_BYTES) return `${file.name}：${ATTACHMENT_TOO_LARGE}`;
  const ext = extensionOf(file.name);
  if (ext !== null && !(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return `${file.name}：${ATTACHMENT_WRONG_TYPE}`;
  if (file.size === 0) return `${file.name}：文件为空`;
  return null;
}
