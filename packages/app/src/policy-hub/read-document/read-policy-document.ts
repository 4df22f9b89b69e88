/**
 * The plain text of an uploaded policy document (.docx, text PDF, .html, .txt), one paragraph
 * per line, for the segmenter. The format is decided by the content (signature, zip entries,
 * HTML sniffing), never by the name; a file that is none of these, too large, a zip bomb, a
 * scanned PDF or corrupt is refused with a DomainError and nothing is kept. Pure apart from
 * parsing: reads no file but the CMaps and font data shipped with pdf.js, writes nothing.
 */
import { DomainError } from '@scenebridge/domain';
import { decodeText } from './decode-text.js';
import { emptyFile, fileTooLarge, invalidDocument, noTextLayer, textTooLong, unsupportedType } from './errors.js';
import { normaliseText } from './normalise.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';
import { looksLikeHtml, sniffContainer } from './sniff.js';

export type PolicyDocumentFormat = 'docx' | 'pdf' | 'html' | 'txt';

export interface PolicyDocumentUpload {
  bytes: Uint8Array;
  /** The sender's name for the file: reported back on refusal, never used to decide the format. */
  filename: string;
  /** The sender's claimed media type: likewise only reported. */
  mediaType?: string;
}

export interface PolicyDocumentLimits {
  /** Default 20 MB. */
  maxBytes?: number;
  /** Characters of text after normalisation. Default 500,000. */
  maxChars?: number;
}

export interface PolicyDocumentText {
  text: string;
  format: PolicyDocumentFormat;
  /** PDF only. */
  pages?: number;
}

export const POLICY_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const POLICY_DOCUMENT_MAX_CHARS = 500_000;

/** What the sender claimed, beside the refusal, for the log and the operator. */
function withClaims(e: DomainError, upload: PolicyDocumentUpload): DomainError {
  if (e.code !== 'UNSUPPORTED_FILE_TYPE') return e;
  return new DomainError(e.code, e.message, e.status, { filename: upload.filename, declaredType: upload.mediaType ?? null });
}

async function extract(upload: PolicyDocumentUpload, maxChars: number): Promise<PolicyDocumentText> {
  const { bytes } = upload;
  switch (sniffContainer(bytes)) {
    case 'pdf':
      return { format: 'pdf', ...(await readPdf(bytes, maxChars)) };
    case 'zip':
      return { format: 'docx', text: normaliseText(await readDocx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) };
    case 'ole':
      throw unsupportedType('旧版Word（.doc）或WPS格式，请另存为.docx后上传');
    case 'unknown': {
      const text = decodeText(bytes);
      if (text === null) throw unsupportedType('文件内容不是文档或文本（如图片、程序或压缩包）');
      return looksLikeHtml(text) ? { format: 'html', text: normaliseText(readHtml(text)) } : { format: 'txt', text: normaliseText(text) };
    }
  }
}

export async function readPolicyDocument(upload: PolicyDocumentUpload, limits: PolicyDocumentLimits = {}): Promise<PolicyDocumentText> {
  const maxBytes = limits.maxBytes ?? POLICY_DOCUMENT_MAX_BYTES;
  const maxChars = limits.maxChars ?? POLICY_DOCUMENT_MAX_CHARS;
  if (upload.bytes.length === 0) throw emptyFile();
  if (upload.bytes.length > maxBytes) throw fileTooLarge(maxBytes);
  let result: PolicyDocumentText;
  try {
    result = await extract(upload, maxChars);
  } catch (e) {
    if (e instanceof DomainError) throw withClaims(e, upload);
    // A parser's own failure on malformed input: the file, not the server, is at fault.
    const refusal = invalidDocument('文件已损坏或格式异常，无法读取');
    refusal.cause = e; // for the log
    throw refusal;
  }
  if (result.text.replace(/\s/g, '') === '') throw noTextLayer(result.format);
  if (result.text.length > maxChars) throw textTooLong(maxChars);
  return result;
}
