/**
 * Bytes to text for .txt and .html uploads. Chinese government files come as UTF-8 or as
 * GBK/GB18030 (Notepad's "ANSI" on a Chinese Windows), rarely with a label, so the encoding is
 * chosen by validity: a byte order mark wins, then UTF-8 if the bytes are valid UTF-8 (GBK text
 * of any length almost never is), then GB18030 (a superset of GBK and GB2312).
 */

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const CONTROL = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f\u007f]/g;

/**
 * Decoding alone does not tell text from binary (GB18030 maps most byte pairs to something),
 * but binary content is full of control characters and text has next to none.
 */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > text.length / 1000;
}

/** The text, or null when the bytes are not text in an encoding we read. */
export function decodeText(bytes: Uint8Array): string | null {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  const text = bom
    ? new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.bytes.length))
    : (strictDecode(bytes, 'utf-8') ?? strictDecode(bytes, 'gb18030'));
  return text === null || looksBinary(text) ? null : text;
}
