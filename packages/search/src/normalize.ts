/**
 * Text normalisation shared by indexing, querying and classification.
 *
 * NFKC folds full-width Latin letters, digits and punctuation to their ASCII forms
 * (ＡＩ → AI, ５Ｇ → 5G, ％ → %, ， → ,) and the ideographic space to a space; Latin is
 * then lower-cased so that `AI`, `Ai` and `ａｉ` are one token.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** One Han (CJK ideograph) character. */
export const HAN = /\p{Script=Han}/u;
export const HAN_CHAR = /^\p{Script=Han}$/u;
/** A maximal run of Han characters. */
export const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * True for a Han character in the Basic Multilingual Plane (CJK Unified Ideographs,
 * Extension A, Compatibility Ideographs). The fast paths (bigrams, dictionary scanning)
 * work on these; the rare supplementary-plane ideographs end a run there.
 */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** True if the string holds a Han character (any plane). */
export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHanCode(c) || (c >= 0xd840 && c <= 0xd8bf)) return true;
  }
  return false;
}

/** True if the token is only punctuation, symbols or white space. */
export function isPunctuation(s: string): boolean {
  return /^[\s\p{P}\p{S}]*$/u.test(s);
}
