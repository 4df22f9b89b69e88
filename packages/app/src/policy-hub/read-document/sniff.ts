/**
 * What an upload is, from its bytes: the filename and the declared media type are the sender's
 * claims and decide nothing.
 */

export type Container = 'pdf' | 'zip' | 'ole' | 'unknown';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .wps, .xls

/** Readers (Acrobat, pdf.js) accept a PDF header anywhere in the first KB; so do we. */
function findPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

export function sniffContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  if (findPdfHeader(bytes)) return 'pdf';
  return 'unknown';
}

/**
 * The first tag of the WHATWG MIME sniffing rules for HTML (plus `meta`), after an optional XML
 * declaration and comments: enough for saved web pages, and plain text never starts this way.
 */
const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|style|iframe|h1|div|font|table|a|b|br|p)[\s/>]/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}
