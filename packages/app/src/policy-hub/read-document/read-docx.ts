/**
 * The text of a .docx with mammoth, once the zip guard has checked the archive: mammoth opens it
 * with JSZip, which would inflate a bomb without limit, so every entry is first inflated under a
 * hard cap at its declared size (`verifyZipStreaming`, off the event loop) and the main part's size is bounded.
 */
import mammoth from 'mammoth';
import { listZipEntries, OFFICE_LIMITS, verifyZipStreaming, ZipRejectedError, type ZipLimits } from '../../uploads/index.js';
import { invalidDocument, unsupportedType } from './errors.js';

const MAIN_PART = 'word/document.xml';

/** A Word file of 20 MB is mostly images (stored, ratio ≈ 1); its XML stays far below these. */
export const POLICY_DOCX_LIMITS: ZipLimits = { ...OFFICE_LIMITS, maxTotalBytes: 128 * 1024 * 1024 };
/** mammoth holds the main part as a DOM, several times its size. */
const MAX_MAIN_PART_BYTES = 32 * 1024 * 1024;

export async function readDocx(buf: Buffer): Promise<string> {
  const entries = listZipEntries(buf, POLICY_DOCX_LIMITS);
  const main = entries.find((e) => e.name === MAIN_PART);
  if (!main) throw unsupportedType('压缩包不是Word文档（.docx）');
  if (main.size > MAX_MAIN_PART_BYTES) throw new ZipRejectedError('entry_too_large', MAIN_PART);
  await verifyZipStreaming(buf, POLICY_DOCX_LIMITS);
  try {
    const { value } = await mammoth.extractRawText({ buffer: buf });
    return value;
  } catch {
    throw invalidDocument('Word文件已损坏或格式异常，无法读取，请用Office或WPS重新保存后上传');
  }
}
