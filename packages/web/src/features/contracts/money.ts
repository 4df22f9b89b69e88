/**
 * 元 as typed ↔ integer 分, on the digits of the text: never through a float. The contract's
 * amounts are integers of 分 (`…Fen`); the form shows and takes 元 with at most two decimals.
 */

/** What an amount field accepts: 元, up to 13 integer digits (< 10 万亿元) and at most 2 decimals. */
export const YUAN_PATTERN = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/;

/** "1234.5" (元) → 123450 (分), or null if the text is not such a number. */
export function parseYuanToFen(text: string | undefined | null): number | null {
  if (typeof text !== 'string') return null;
  const m = YUAN_PATTERN.exec(text.replaceAll(',', ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 123450 (分) → "1234.50": the plain text an amount field is filled with when a draft is loaded. */
export function fenToYuanInput(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123450 (分) → "1,234.50 元" (grouped, always two decimals). */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString('zh-CN');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

/** 123456789 (分) → "123.46 万元"-like hint under an amount field (rounded for reading only). */
export function fenToWanHint(fen: number): string {
  // 1 万元 = 1,000,000 分; two decimals of 万元 = 100 元 = 10,000 分, rounded half up on integers.
  const hundredYuan = Math.trunc((fen + 5_000) / 10_000);
  return `约 ${Math.trunc(hundredYuan / 100).toLocaleString('zh-CN')}.${String(hundredYuan % 100).padStart(2, '0')} 万元`;
}
