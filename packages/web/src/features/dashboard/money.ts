/**
 * Money on the dashboard. Amounts arrive as integer 分 and are shown in 亿元 or 万元; targets
 * are typed in 万元 and sent as 分. Both ways work on integers and on the digits of the text,
 * never through a floating-point product (0.29 万元 × 1,000,000 is not 290,000 in a float).
 */

export const FEN_PER_WAN = 1_000_000;
export const FEN_PER_YI = 10_000_000_000;

/** 万元 with up to 6 decimals (1 分 = 0.000001 万元); no sign, no exponent, no grouping. */
const WAN_INPUT = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/**
 * "200000" or "1234.5678" (万元, as typed) → 分, or null when the text is not such a number.
 * Spaces around it and a thousands separator "," are tolerated; anything else is refused.
 */
export function parseWanToFen(text: string): number | null {
  const m = WAN_INPUT.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  const fen = Number(m[1]) * FEN_PER_WAN + Number((m[2] ?? '').padEnd(6, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 分 → the exact 万元 text a target form starts from: "200000", "1234.5678", "0.000001". */
export function fenToWanInput(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_WAN);
  const frac = String(abs % FEN_PER_WAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** `fen / unit` rounded half up to `decimals` places, as text with grouping — integer arithmetic only. */
function scaled(fen: number, unit: number, decimals: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const step = unit / 10 ** decimals;
  let q = Math.floor(abs / step);
  if (2 * (abs - q * step) >= step) q += 1;
  const whole = Math.floor(q / 10 ** decimals);
  const frac = decimals ? `.${String(q % 10 ** decimals).padStart(decimals, '0')}` : '';
  return `${sign}${whole.toLocaleString('en-US')}${frac}`;
}

/** 2000000000000 → "20.00亿元"; 123456789 → "123.46万元"; below 1 万元: "0.35万元". */
export function formatFen(fen: number): string {
  // From the amount that rounds to 10,000.00万元 on, 亿元.
  return Math.abs(fen) >= FEN_PER_YI - FEN_PER_WAN / 200 ? `${scaled(fen, FEN_PER_YI, 2)}亿元` : `${scaled(fen, FEN_PER_WAN, 2)}万元`;
}

/** 分 in 万元 with two decimals, rounded half up, grouped: the one unit of every data table ("123,456.79"). */
export const formatWan = (fen: number) => scaled(fen, FEN_PER_WAN, 2);

/** 分 in a chart's unit with two decimals and the unit's short name: "4.10亿", "3,000.01万". */
export const formatInUnit = (fen: number, unit: { name: string; fen: number }) => `${scaled(fen, unit.fen, 2)}${unit.name.slice(0, 1)}`;

/** The unit a chart axis uses for amounts up to `maxFen`: 亿元 once the largest reaches 1 亿元. */
export function amountUnit(maxFen: number): { name: '亿元' | '万元'; fen: number } {
  return Math.abs(maxFen) >= FEN_PER_YI ? { name: '亿元', fen: FEN_PER_YI } : { name: '万元', fen: FEN_PER_WAN };
}

/** An amount in a chart unit, for plotting only (the tooltip and the table show `formatFen`). */
export const inUnit = (fen: number, unit: { fen: number }) => fen / unit.fen;

/** Counts: "12,345". */
export const formatCount = (n: number) => n.toLocaleString('en-US');

/** A count typed into a target form: digits only, a safe integer; null otherwise. */
export function parseCount(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d{1,12}$/.test(t)) return null;
  return Number(t);
}

/** done / target as a whole percent for a progress bar, capped at 100 for the bar (the text says more). */
export function percentOf(done: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(100, Math.floor((done * 100) / target));
}
