/**
 * Reads an uploaded file from its stream with the checks done as the bytes arrive, not after:
 * the first bytes must carry the signature of an accepted type (so a disguised file is refused
 * before the rest of it is read), and the count is checked on every chunk (so an oversized file
 * is refused at the limit, never held whole). Used where only a few simple types are accepted
 * (PDF and images, e.g. the business licence); Office files go through `sniffUpload` and the zip
 * guard of the submissions feature.
 */
import { DomainError } from '@scenebridge/domain';

export interface FileSignature {
  mediaType: string;
  ext: string;
  /** The bytes the file starts with. */
  magic: readonly number[];
}

export const PDF_SIGNATURE: FileSignature = { mediaType: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }; // %PDF-
export const PNG_SIGNATURE: FileSignature = {
  mediaType: 'image/png',
  ext: 'png',
  magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
export const JPEG_SIGNATURE: FileSignature = { mediaType: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] };

/** The signature the content starts with, if any of these. */
export function matchSignature(head: Uint8Array, accept: readonly FileSignature[]): FileSignature | null {
  return accept.find((s) => head.length >= s.magic.length && s.magic.every((b, i) => head[i] === b)) ?? null;
}

export interface ReadUploadOptions {
  maxBytes: number;
  accept: readonly FileSignature[];
  /** The Chinese names of the accepted types, for the refusal message (e.g. "PDF、JPG、PNG"). */
  acceptLabel: string;
}

/**
 * The whole file once every check has passed. Throws 415 UNSUPPORTED_FILE_TYPE as soon as the
 * first bytes are known not to fit, 413 FILE_TOO_LARGE as soon as more than `maxBytes` arrived,
 * 400 EMPTY_FILE for nothing at all. The caller drains or destroys the rest of the stream.
 */
export async function readUpload(
  source: AsyncIterable<Uint8Array>,
  { maxBytes, accept, acceptLabel }: ReadUploadOptions,
): Promise<{ content: Buffer; type: FileSignature }> {
  const headLength = Math.max(...accept.map((s) => s.magic.length));
  const chunks: Buffer[] = [];
  let total = 0;
  let type: FileSignature | null = null;
  const refuseType = () => new DomainError('UNSUPPORTED_FILE_TYPE', `仅支持${acceptLabel}文件（按文件内容识别）`, 415);
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buf.length;
    if (total > maxBytes) {
      chunks.length = 0;
      throw new DomainError('FILE_TOO_LARGE', `文件超过${Math.round(maxBytes / 1024 / 1024)}MB上限`, 413);
    }
    chunks.push(buf);
    if (!type && total >= headLength) {
      type = matchSignature(Buffer.concat(chunks), accept);
      if (!type) throw refuseType();
    }
  }
  if (total === 0) throw new DomainError('EMPTY_FILE', '文件为空', 400);
  const content = Buffer.concat(chunks, total);
  // A file shorter than the longest signature: decide on what there is.
  type ??= matchSignature(content, accept);
  if (!type) throw refuseType();
  return { content, type };
}
