/**
 * Characters that change how a name looks without being seen: bidirectional controls (a
 * right-to-left override turns "invoice\u202Efdp.exe" into "invoiceexe.pdf" on screen) and
 * zero-width characters (two names that look the same but differ). Names, titles and file
 * names shown to other users must not carry them.
 */
export const HIDDEN_FORMAT_CHARACTERS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const ALL_HIDDEN = new RegExp(HIDDEN_FORMAT_CHARACTERS.source, 'g');

export function hasHiddenFormatCharacters(text: string): boolean {
  return HIDDEN_FORMAT_CHARACTERS.test(text);
}

/** For file names, where the user cannot be asked again: the hidden characters are dropped. */
export function withoutHiddenFormatCharacters(text: string): string {
  return text.replace(ALL_HIDDEN, '');
}
