/** The signed contract's PDF: checked in the browser before a byte is sent; the server checks the bytes again. */

import { ATTACHMENT_MAX_BYTES } from '@scenebridge/contract/forms';

/** The server's upload limit (config maxUploadBytes, by default the contract's ATTACHMENT_MAX_BYTES). */
export const CONTRACT_PDF_MAX_BYTES = ATTACHMENT_MAX_BYTES;
export const PDF_ACCEPT = '.pdf,application/pdf';
export const PDF_SIZE_HINT = `PDF 格式，不超过 ${CONTRACT_PDF_MAX_BYTES / 1024 / 1024}MB；须为双方签章的合同文本`;

/** Why a file may not be sent as the signed contract; null when it may. */
export function pdfProblem(file: { name: string; size: number; type?: string }): string | null {
  if (file.size === 0) return `${file.name}：文件为空`;
  if (file.size > CONTRACT_PDF_MAX_BYTES) return `${file.name}：文件超过${CONTRACT_PDF_MAX_BYTES / 1024 / 1024}MB上限，请压缩后再上传`;
  const pdfName = /\.pdf$/i.test(file.name.trim());
  if (!pdfName && file.type !== 'application/pdf') return `${file.name}：合同文本只接受 PDF 文件`;
  return null;
}

export function fmtSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
