/**
 * Exact money and rate arithmetic for policy calculators. Amounts are integer 分 held as safe
 * JavaScript integers at every boundary (schemas, results), and bigint inside a computation, so
 * a product such as 1000亿元 × 40% never passes through a float. Rates are percentages with at
 * most two decimals, i.e. whole basis points.
 */

/** The largest amount a calculator accepts or returns: 1万亿元, far below Number.MAX_SAFE_INTEGER. */
export const MAX_FEN = 100_000_000_000_000;

export const FEN_PER_YUAN = 100n;
export const FEN_PER_WAN = 1_000_000n;

/** "40", "12.5", "0.75": a percentage written with at most two decimals. */
export const RATE_PERCENT_PATTERN = /^(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?$/;

/** Basis points of a rate written as RATE_PERCENT_PATTERN ("12.5" → 1250n). */
export function basisPoints(ratePercent: string): bigint {
  const [whole = '0', frac = ''] = ratePercent.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

/**
 * base × rate, rounded half up to the 分 (四舍五入到分): 0.5分 becomes 1分, 0.4分 becomes 0.
 * Amounts here are never negative, so half up and half away from zero agree.
 */
export const applyRate = (baseFen: bigint, bp: bigint): bigint => (baseFen * bp + 5_000n) / 10_000n;

const trimZeros = (digits: string) => digits.replace(/0+$/, '');

/** 8000000n → "80万元", 80250000n → "80.25万元", 123456n → "1234.56元". */
export function formatFen(fen: bigint | number): string {
  const f = BigInt(fen);
  if (f % 10_000n === 0n) {
    const frac = trimZeros(((f % FEN_PER_WAN) / 10_000n).toString().padStart(2, '0'));
    return `${f / FEN_PER_WAN}${frac ? `.${frac}` : ''}万元`;
  }
  return `${f / FEN_PER_YUAN}.${(f % FEN_PER_YUAN).toString().padStart(2, '0')}元`;
}

export const formatRate = (ratePercent: string) => `${ratePercent}%`;

export type DecimalProblem = 'not_a_number' | 'negative' | 'too_precise';

/**
 * A non-negative decimal (string or number, as a form or a JSON body sends it) times 10^scale,
 * exactly: "200.5" at scale 6 (万元 → 分) is 200500000n. Digits past the scale must be zeros;
 * a float such as 0.1 + 0.2 is refused as too precise rather than rounded silently.
 */
export function parseScaledDecimal(raw: string | number, scale: number): bigint | DecimalProblem {
  const text = (typeof raw === 'number' ? String(raw) : raw).trim().replace(/,/g, '');
  if (/^-\s*\d/.test(text)) return 'negative';
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return 'not_a_number';
  const frac = m[2] ?? '';
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale))) return 'too_precise';
  return BigInt(m[1]!) * 10n ** BigInt(scale) + BigInt(frac.slice(0, scale).padEnd(scale, '0') || '0');
}

/** 万元 as a policy term states it (a JS number such as 8.79) → 分, or undefined when not whole 分. */
export function wanToFen(value: number | string): number | undefined {
  const fen = parseScaledDecimal(typeof value === 'number' ? roundForText(value) : value, 6);
  if (typeof fen !== 'bigint' || fen > BigInt(MAX_FEN)) return undefined;
  return Number(fen);
}

/** A term's % value as a rate string, or undefined when it is not within (0, 100] with ≤ 2 decimals. */
export function toRatePercent(value: number | string): string | undefined {
  const text = typeof value === 'number' ? roundForText(value) : value.trim();
  if (!RATE_PERCENT_PATTERN.test(text)) return undefined;
  const bp = basisPoints(text);
  if (bp <= 0n || bp > 10_000n) return undefined;
  const whole = bp / 100n;
  const frac = trimZeros((bp % 100n).toString().padStart(2, '0'));
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Prints a parsed number the way it was written (8.79 stays "8.79", not "8.790000000000001"). */
const roundForText = (n: number) => (Number.isFinite(n) ? String(Number(n.toPrecision(15))) : 'NaN');
