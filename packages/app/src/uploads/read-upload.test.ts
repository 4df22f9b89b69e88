import { describe, expect, it } from 'vitest';
import { JPEG_SIGNATURE, PDF_SIGNATURE, PNG_SIGNATURE, readUpload } from './read-upload.js';

const opts = { maxBytes: 100, accept: [PDF_SIGNATURE, JPEG_SIGNATURE, PNG_SIGNATURE], acceptLabel: 'PDF、JPG、PNG' };

/** A stream of chunks that counts how many were pulled. */
function source(chunks: Buffer[]) {
  const pulled = { n: 0 };
  async function* gen() {
    for (const c of chunks) {
      pulled.n++;
      yield c;
    }
  }
  return { stream: gen(), pulled };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describe('readUpload', () => {
  it('returns the whole file and its type when the first bytes fit, even when they arrive split', async () => {
    const { stream } = source([Buffer.from('%P'), Buffer.from('DF-1.4\n'), Buffer.from('rest')]);
    const { content, type } = await readUpload(stream, opts);
    expect(content.toString('latin1')).toBe('%PDF-1.4\nrest');
    expect(type.mediaType).toBe('application/pdf');
  });

  it('refuses wrong first bytes without reading the rest', async () => {
    const { stream, pulled } = source([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(50), Buffer.alloc(50)]);
    expect(await code(readUpload(stream, opts))).toBe('UNSUPPORTED_FILE_TYPE');
    expect(pulled.n).toBe(1);
  });

  it('refuses at the first byte over the limit, not after the whole file', async () => {
    const { stream, pulled } = source([Buffer.from('%PDF-1.4'), Buffer.alloc(92), Buffer.alloc(1), Buffer.alloc(1000)]);
    expect(await code(readUpload(stream, opts))).toBe('FILE_TOO_LARGE');
    expect(pulled.n).toBe(3);
  });

  it('accepts exactly the limit; refuses an empty file and one shorter than any signature', async () => {
    expect(await code(readUpload(source([Buffer.from('%PDF-'), Buffer.alloc(95)]).stream, opts))).toBe('ok');
    expect(await code(readUpload(source([]).stream, opts))).toBe('EMPTY_FILE');
    expect(await code(readUpload(source([Buffer.from([0xff, 0xd8])]).stream, opts))).toBe('UNSUPPORTED_FILE_TYPE');
    // A JPEG signature is three bytes: a file of just those is a JPEG as far as the head goes.
    expect(await code(readUpload(source([Buffer.from([0xff, 0xd8, 0xff])]).stream, opts))).toBe('ok');
  });
});
