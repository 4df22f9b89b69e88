import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TOO_LARGE } from '@scenebridge/contract/forms';

/** Why a file may not be sent, before a byte of it leaves the browser; null when it may. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size > ATTACHMENT_MAX_BYTES) return `${file.name}：${ATTACHMENT_TOO_LARGE}`;
  return null;
}
