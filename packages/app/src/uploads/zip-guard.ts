/**
 * Zip bomb guard for uploaded Office files (XLSX import, .docx/.xlsx attachments, policy files).
 *
 * `listZipEntries` reads only the central directory — nothing is inflated — and refuses an
 * archive whose entry count, declared sizes or compression ratios exceed the limits, or that
 * has anything whose size we could not bound (ZIP64, several disks, encryption, methods other
 * than stored/deflate, overlapping or out-of-range data, odd paths). Declared sizes can lie,
 * so `inflateEntry` never produces more than the declared size: a longer stream is refused.
 *
 * Read by hand rather than with a library: the fields we need are a few fixed offsets of
 * APPNOTE.TXT §4.3, and a library (yauzl, JSZip) would accept ZIP64 and inflate on its own
 * terms, which is exactly what we must control. See docs/adr/0007.
 */
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { DomainError } from '@scenebridge/domain';

export interface ZipLimits {
  maxEntries: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, for entries above `ratioFloorBytes` (tiny parts compress absurdly well). */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Office documents as people make them: 20,000-row workbooks stay near 20 MB and ratio 30. */
export const OFFICE_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the entry's data in the archive. */
  dataStart: number;
}

export type ZipRejection =
  | 'not_zip'
  | 'zip64'
  | 'multi_disk'
  | 'bad_directory'
  | 'encrypted'
  | 'unsupported_method'
  | 'bad_path'
  | 'duplicate_name'
  | 'too_many_entries'
  | 'entry_too_large'
  | 'total_too_large'
  | 'ratio_too_high'
  | 'size_mismatch';

const TOO_LARGE: ReadonlySet<ZipRejection> = new Set([
  'too_many_entries',
  'entry_too_large',
  'total_too_large',
  'ratio_too_high',
  'size_mismatch',
]);

/** ARCHIVE_TOO_LARGE (413) for what would expand too far; INVALID_ARCHIVE (400) for the rest. */
export class ZipRejectedError extends DomainError {
  constructor(
    readonly reason: ZipRejection,
    entry?: string,
  ) {
    const tooLarge = TOO_LARGE.has(reason);
    super(
      tooLarge ? 'ARCHIVE_TOO_LARGE' : 'INVALID_ARCHIVE',
      tooLarge
        ? '文件解压后过大或压缩比异常，请删除多余的行列、图片等内容或拆分文件后重新上传'
        : '文件已损坏或使用了不支持的压缩方式（如加密、ZIP64），请用Office或WPS重新保存后上传',
      tooLarge ? 413 : 400,
      { reason, ...(entry === undefined ? {} : { entry }) },
    );
    this.name = 'ZipRejectedError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  throw new ZipRejectedError('not_zip');
}

function checkPath(name: string) {
  // Paths are never extracted to disk here, but a later consumer might; and Office never writes these.
  const bad =
    name === '' ||
    name.length > 1024 ||
    /[\\\0]/.test(name) ||
    name.startsWith('/') ||
    /^[a-z]:/i.test(name) ||
    name.split('/').some((s) => s === '..' || s === '.');
  if (bad) throw new ZipRejectedError('bad_path', name.slice(0, 200));
}

/**
 * The archive's entries (directories left out) from its central directory, after checking
 * every limit. Throws ZipRejectedError; inflates nothing.
 */
export function listZipEntries(buf: Buffer, limits: ZipLimits = OFFICE_LIMITS): ZipEntry[] {
  if (buf.length < 22) throw new ZipRejectedError('not_zip');
  const end = findEnd(buf);
  if (end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_LOCATOR) throw new ZipRejectedError('zip64');
  const disk = buf.readUInt16LE(end + 4),
    cdDisk = buf.readUInt16LE(end + 6);
  const onDisk = buf.readUInt16LE(end + 8),
    count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12),
    cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipRejectedError('zip64');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw new ZipRejectedError('multi_disk');
  if (count > limits.maxEntries) throw new ZipRejectedError('too_many_entries');
  if (cdOffset + cdSize !== end) throw new ZipRejectedError('bad_directory');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRejectedError('bad_directory');
    const flags = buf.readUInt16LE(p + 8),
      method = buf.readUInt16LE(p + 10),
      crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20),
      size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    const startDisk = buf.readUInt16LE(p + 34),
      localOffset = buf.readUInt32LE(p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > end) throw new ZipRejectedError('bad_directory');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p = next;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff || startDisk === 0xffff)
      throw new ZipRejectedError('zip64', name);
    if (startDisk !== 0) throw new ZipRejectedError('multi_disk', name);
    if (flags & 0x41) throw new ZipRejectedError('encrypted', name); // bit 0 encrypted, bit 6 strong encryption
    if (method !== 0 && method !== 8) throw new ZipRejectedError('unsupported_method', name);
    checkPath(name);
    if (names.has(name)) throw new ZipRejectedError('duplicate_name', name);
    names.add(name);
    if (method === 0 && compressedSize !== size) throw new ZipRejectedError('size_mismatch', name);
    if (size > limits.maxEntryBytes) throw new ZipRejectedError('entry_too_large', name);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRejectedError('total_too_large', name);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) throw new ZipRejectedError('ratio_too_high', name);
    const dataStart = localDataStart(buf, localOffset, cdOffset, name);
    if (dataStart + compressedSize > cdOffset) throw new ZipRejectedError('bad_directory', name);
    if (name.endsWith('/') && size === 0) continue;
    entries.push({ name, method: method as 0 | 8, compressedSize, size, crc, dataStart });
  }
  if (p !== end) throw new ZipRejectedError('bad_directory');
  return entries;
}

function localDataStart(buf: Buffer, offset: number, limit: number, name: string): number {
  if (offset + 30 > limit || buf.readUInt32LE(offset) !== LOCAL) throw new ZipRejectedError('bad_directory', name);
  if (buf.readUInt16LE(offset + 6) & 0x41) throw new ZipRejectedError('encrypted', name);
  return offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
}

/**
 * The entry's content, inflated with a hard cap at its declared size: a stream that would
 * produce more (a lying header) is refused as soon as it passes the cap, as is a shorter one
 * or a CRC mismatch.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const raw = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = raw;
  else {
    try {
      // One byte of headroom tells "exactly the declared size" from "more than declared".
      out = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRejectedError('size_mismatch', entry.name);
      throw new ZipRejectedError('bad_directory', entry.name);
    }
  }
  if (out.length > entry.size) throw new ZipRejectedError('size_mismatch', entry.name);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipRejectedError('bad_directory', entry.name);
  return out;
}

/**
 * Lists the entries and inflates each one (capped) so that its true size is known to match
 * the declared one before another reader, which would inflate without a cap, opens the file.
 * `visit` sees each entry's content (e.g. to count a sheet's cells); contents are not kept.
 */
export function verifyZip(buf: Buffer, limits: ZipLimits = OFFICE_LIMITS, visit?: (entry: ZipEntry, data: Buffer) => void): ZipEntry[] {
  const entries = listZipEntries(buf, limits);
  for (const e of entries) {
    const data = inflateEntry(buf, e);
    visit?.(e, data);
  }
  return entries;
}

/** Inflates in the zlib thread pool, keeping only a count and a CRC; stops past the cap. */
function inflatedSize(raw: Buffer, entry: ZipEntry): Promise<{ size: number; crc: number }> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw();
    let size = 0;
    let crc = 0;
    z.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > entry.size) {
        z.destroy();
        reject(new ZipRejectedError('size_mismatch', entry.name));
      } else crc = crc32(chunk, crc);
    });
    z.on('end', () => resolve({ size, crc }));
    z.on('error', () => reject(new ZipRejectedError('bad_directory', entry.name)));
    z.end(raw);
  });
}

/**
 * `verifyZip` for files the server stores but does not read (attachments): the same checks,
 * without holding any entry's content in memory or blocking the event loop while inflating.
 */
export async function verifyZipStreaming(buf: Buffer, limits: ZipLimits = OFFICE_LIMITS): Promise<ZipEntry[]> {
  const entries = listZipEntries(buf, limits);
  for (const e of entries) {
    const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const { size, crc } = e.method === 0 ? { size: raw.length, crc: crc32(raw) } : await inflatedSize(raw, e);
    if (size !== e.size || crc !== e.crc) throw new ZipRejectedError('bad_directory', e.name);
  }
  return entries;
}
