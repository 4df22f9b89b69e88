/**
 * Tiered rules (分档): "500万元及以下部分不超过20%，超过500万元至1000万元的部分不超过15% …".
 * Each tier's share is a cap for that tier; the money bounds only name the tier, so they are not
 * terms of their own.
 */
import type { Mention } from './mentions.js';

export interface Tiers {
  /** Money mentions that are tier bounds. */
  bounds: Set<Mention>;
  /** Share mentions of a tier, with the tier bounds in 万元 (tier:LOW-HIGH, tier:LOW-). */
  qualifiers: Map<Mention, string>;
}

const PIECE_BREAK = /[，,；;。：:\n]/g;
const TIER_MARK = /部分|档/;
const UPPER_MARK = /以下|以内|及以下|不超过|不足|以下的/;

function pieces(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(PIECE_BREAK)) {
    out.push({ start, end: m.index });
    start = m.index + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

function tierLabel(text: string, money: Mention[]): string {
  const fmt = (x: number) => String(x);
  if (money.length >= 2) return `tier:${fmt(money[0]!.value)}-${fmt(money[money.length - 1]!.value)}`;
  const only = money[0]!;
  // 200万元(含)以下部分: the inclusion note may stand between the amount and its bound.
  const before = text.slice(Math.max(0, only.number.start - 4), only.number.start);
  const after = text.slice(only.span.end, only.span.end + 8).replace(/^\s*[（(]含[）)]/, '');
  return UPPER_MARK.test(before) || /^\s*(?:及?以下|以内|之内)/.test(after) ? `tier:0-${fmt(only.value)}` : `tier:${fmt(only.value)}-`;
}

/** Finds tier pieces: money then 部分/档 in one piece, with the share in that piece or the next. */
export function findTiers(text: string, mentions: readonly Mention[]): Tiers {
  const tiers: Tiers = { bounds: new Set(), qualifiers: new Map() };
  let pending: string | undefined;
  for (const piece of pieces(text)) {
    const inside = mentions.filter((m) => m.number.start >= piece.start && m.number.end <= piece.end);
    const pieceText = text.slice(piece.start, piece.end);
    const mark = TIER_MARK.exec(pieceText);
    const money = inside.filter((m) => m.kind === 'money' && mark && m.span.end <= piece.start + mark.index + mark[0].length);
    if (mark && money.length > 0) {
      for (const m of money) tiers.bounds.add(m);
      pending = tierLabel(text, money);
    }
    const share = inside.find((m) => m.kind === 'ratio' && !money.includes(m));
    if (share && pending) {
      tiers.qualifiers.set(share, pending);
      pending = undefined;
    }
  }
  return tiers;
}
