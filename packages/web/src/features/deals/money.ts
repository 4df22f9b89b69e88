/**
 * Amounts of deals: stored and sent in integer 分, shown in 元. Text is parsed digit by digit, so
 * no amount ever passes through a floating-point number.
 */
const FEN_PER_YUAN = 100;

/** 分 → "1,234,567.89 元" (always two decimals). */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / FEN_PER_YUAN);
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  return `${sign}${whole.toLocaleString('en-US')}.${cents} 元`;
}

/** A column total, shorter: 万元 from 10,000 元 on (two decimals, truncated), else 元. */
export function formatYuanShort(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  if (abs < 1_000_000) return formatYuan(fen);
  const sign = fen < 0 ? '-' : '';
  const wan = Math.floor(abs / 1_000_000);
  const frac = String(Math.floor((abs % 1_000_000) / 10_000)).padStart(2, '0');
  return `${sign}${wan.toLocaleString('en-US')}.${frac} 万元`;
}

/** Up to 13 digits of 元 and 2 of 角分; commas and spaces allowed. */
export const YUAN_PATTERN = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/;

/** "1,234.5" → 123450 分; null when the text is not an amount. */
export function parseYuanToFen(text: string): number | null {
  const m = YUAN_PATTERN.exec(text.replace(/[,，\s]/g, ''));
  if (!m) return null;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * FEN_PER_YUAN + Number(cents);
}

/** 分 → the text an amount field starts from ("1234.50"); empty for none. */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${Math.floor(fen / FEN_PER_YUAN)}.${String(fen % FEN_PER_YUAN).padStart(2, '0')}`;
}
