import { ATTACHMENT_MAX_BYTES, LICENCE_EXTENSIONS } from '@scenebridge/contract/forms';

/** For the file picker: the endings a business licence may have. */
export const LICENCE_ACCEPT = LICENCE_EXTENSIONS.map((e) => `.${e}`).join(',');
export const LICENCE_HINT = '支持 PDF、JPG、PNG，不超过10MB';

/**
 * Why a chosen licence file may not be sent, before it leaves the browser; null when it may.
 * The server decides again from the file's first bytes: a renamed file is refused there.
 */
export function licenceProblem(file: { name: string; size: number }): string | null {
  const ext = /\.([^./\\]+)$/.exec(file.name.trim())?.[1]?.toLowerCase();
  if (!ext || !(LICENCE_EXTENSIONS as readonly string[]).includes(ext)) return `${file.name}：营业执照仅支持 PDF、JPG、PNG 文件`;
  if (file.size === 0) return `${file.name}：文件为空`;
  if (file.size > ATTACHMENT_MAX_BYTES) return `${file.name}：文件超过10MB上限，请压缩后再上传`;
  return null;
}
