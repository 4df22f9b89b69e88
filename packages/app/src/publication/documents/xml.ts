/**
 * XML 1.0 text escaping. Escapes the five special characters (so the result is safe in text and
 * in single- or double-quoted attributes) and drops the characters XML 1.0 forbids even when
 * escaped: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. A stray control
 * character pasted from a spreadsheet would otherwise make the whole feed ill-formed.
 */
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(value: string): string {
  return value
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/[&<>"']/g, (c) => SPECIAL[c]!);
}
